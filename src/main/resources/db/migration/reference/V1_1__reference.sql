-- Reference data. Rows come from the versioned files under classpath:reference/ (see ReferenceDataLoader);
-- the HTS-heading-to-Center map is versioned by effective date and never overwritten.

create table center (
    code              text primary key,
    number            text not null unique,
    name              text not null,
    management_office text not null
);

create table hts_center_map_version (
    version        serial primary key,
    effective_from date        not null,
    loaded_at      timestamptz not null,
    loaded_by      text        not null,
    note           text
);

create table hts_center_map_range (
    version      int     not null references hts_center_map_version (version),
    heading_from char(4) not null,
    heading_to   char(4) not null,
    center       text    not null references center (code),
    description  text,
    primary key (version, heading_from),
    check (heading_from <= heading_to)
);

create table port (
    code  char(4) primary key,
    name  text not null,
    state text not null,
    kind  text not null
);

create table country (
    code char(2) primary key,
    name text not null
);

create table entry_type (
    code     char(2) primary key,
    name     text    not null,
    category text    not null,
    adcvd    boolean not null
);

create table mode_of_transport (
    code   char(2) primary key,
    name   text    not null,
    vessel boolean not null
);

create table fee_schedule (
    fee            text          not null,
    fiscal_year    int           not null,
    effective_from date          not null,
    rate_percent   numeric(9, 6) not null,
    minimum        numeric(12, 2),
    maximum        numeric(12, 2),
    source         text          not null,
    annual         boolean       not null,
    primary key (fee, fiscal_year)
);

create table statutory_period (
    code           text not null,
    effective_from date not null,
    amount         int  not null,
    unit           text not null check (unit in ('DAYS', 'MONTHS', 'YEARS')),
    description    text not null,
    source         text not null,
    primary key (code, effective_from)
);

create table reference_dataset (
    name      text primary key,
    sha256    text        not null,
    loaded_at timestamptz not null
);
