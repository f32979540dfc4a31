-- The clock set of each entry summary version. The rule behind each date is rendered from the effective-dated
-- statutory periods in force on the entry date.
create table entry_clock (
    entry_number               text not null,
    version                    int  not null,
    liquidation_deadline       date not null,
    scheduled_liquidation_date date not null,
    psc_cutoff_date            date not null,
    primary key (entry_number, version)
);

create index entry_clock_liquidation_deadline on entry_clock (liquidation_deadline);
