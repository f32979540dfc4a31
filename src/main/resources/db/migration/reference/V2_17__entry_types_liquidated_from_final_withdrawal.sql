-- The day an entry type's one-year liquidation period runs from (19 U.S.C. 1504(a)(1)): its entry date, or the final
-- withdrawal of its goods from the warehouse (warehouse 21 and re-warehouse 22 entries, 1504(a)(1)(B)). An entry of the
-- second kind is not deemed liquidated a year after its entry date. entry-types.csv sets each type's value.
alter table entry_type add column liquidation_from text not null default 'ENTRY'
    check (liquidation_from in ('ENTRY', 'FINAL_WITHDRAWAL'));
