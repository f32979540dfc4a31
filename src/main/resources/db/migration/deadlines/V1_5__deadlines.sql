-- The clock set of each entry summary version: one row per clock. The rule behind each date is rendered from the
-- effective-dated statutory periods in force on the entry date.
create table entry_clock (
    entry_number text     not null,
    version      int      not null,
    clock        text     not null,
    due_date     date     not null,
    primary key (entry_number, version, clock)
);

create index entry_clock_due on entry_clock (clock, due_date);
