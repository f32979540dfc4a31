-- No query reads clocks by deadline yet, and the index cost every accepted summary an index insertion. The sweep
-- that watches deadlines will create the index its own query needs (by deadline and status, or partial on open
-- clocks) when it is written.
drop index if exists entry_clock_liquidation_deadline;
