-- The monthly trade totals are a projection that intake alone writes, in the transaction that has just read or created
-- each account and taken each Center from the reference data; neither accounts nor Centers are ever deleted. Their
-- foreign keys checked every new total row against both parents (a trigger, a query and a row lock each), which was
-- a third of the cost of writing the totals. See docs/decisions/0011-trade-totals-without-foreign-keys.md.
alter table account_trade_month drop constraint account_trade_month_account_id_fkey;
alter table account_trade_month drop constraint account_trade_month_center_fkey;
