-- A month's trade of an account adds up the entered value of all its lines; 10^16 dollars could be reached by
-- a hundred summaries at validation's limit. 10^22 cannot be reached by any number of summaries a month could file.
-- Widening the precision of a numeric column at the same scale rewrites no row.
alter table account_trade_month
    alter column entered_value type numeric(24, 2);
