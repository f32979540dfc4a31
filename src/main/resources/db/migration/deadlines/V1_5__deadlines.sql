-- The clock set of each entry summary version: one row per clock, with the rule that produced its date.
create table entry_clock (
    entry_number char(11) not null,
    version      int      not null,
    clock        text     not null,
    due_date     date     not null,
    rule         text     not null,
    primary key (entry_number, version, clock)
);

create index entry_clock_due on entry_clock (clock, due_date);
