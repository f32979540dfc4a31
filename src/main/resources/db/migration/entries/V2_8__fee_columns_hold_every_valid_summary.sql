-- Validation lets through any amount below 10^14 dollars, on a line and summed over the lines; the fee columns held
-- only 10^10, so a valid vessel entry of more than 8 trillion dollars (its harbor maintenance fee) or declared fees of
-- more than 10 billion failed to store. Widening the precision of a numeric column at the same scale rewrites no row.
alter table entry_summary
    alter column mpf_computed type numeric(16, 2),
    alter column mpf_declared type numeric(16, 2),
    alter column hmf_computed type numeric(16, 2),
    alter column hmf_declared type numeric(16, 2);
