-- Whether a line of an entry type may carry an AD/CVD case number without every line of the type needing one: type 06,
-- foreign-trade zone consumption, whose goods may fall under an order. An entry of such a type whose lines carry a
-- case has its liquidation suspended as an AD/CVD entry's is. entry-types.csv sets each type's value.
alter table entry_type add column adcvd_optional boolean not null default false;
