-- The first month of the trailing window an account's Center was last weighed on. While that window is in force and
-- new trade falls only to the account's Center, the Center stands without reading the account's trade again; an
-- account weighed on an earlier window (or never), or by another metric than the configured one (assignment_metric),
-- is weighed again with its next trade.
alter table account add column weighed_window date;
