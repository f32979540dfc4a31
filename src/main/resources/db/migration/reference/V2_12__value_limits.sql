-- Amounts set by statute or regulation that decide how an entry may be filed, effective from a date, as the statutory
-- periods are: the version that governs an entry is the one in force on its entry date. INFORMAL_ENTRY is the highest
-- value of a shipment that may be entered informally (entry types 11 and 12).
create table value_limit (
    code           text           not null,
    effective_from date           not null,
    amount         numeric(12, 2) not null check (amount >= 0),
    description    text           not null,
    source         text           not null,
    primary key (code, effective_from)
);
