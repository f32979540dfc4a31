-- AD/CVD orders from classpath:reference/adcvd-orders.csv, one row per Commerce case. An order applies to goods of
-- its country whose HTS number starts with one of its prefixes, entered from effective_from until revoked_on.
create table adcvd_order (
    case_number    char(10)      primary key,
    kind           text          not null check (kind in ('AD', 'CVD')),
    product        text          not null,
    country        char(2)       not null,
    hts_prefixes   text          not null,
    effective_from date          not null,
    revoked_on     date,
    deposit_rate   numeric(9, 2) not null,
    check (revoked_on is null or revoked_on > effective_from)
);
