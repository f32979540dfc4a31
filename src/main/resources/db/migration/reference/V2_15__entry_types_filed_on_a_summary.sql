-- Whether an entry type is filed on an entry summary (CBP Form 7501). The code list of the 7501 instructions also holds
-- types filed on forms of their own: foreign-trade zone admission (26), drawback (41-46) and in-bond transportation
-- (61, 62, 63, 69, 70). Intake refuses a summary of such a type; entry-types.csv sets each type's value.
alter table entry_type add column entry_summary boolean not null default true;
