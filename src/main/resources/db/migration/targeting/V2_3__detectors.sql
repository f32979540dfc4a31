-- Each detector's switch and thresholds as a targeter last set them; a detector without a row runs switched on with
-- its default thresholds. Every change is also written to the audit log.
create table detector_setting (
    code       text primary key,
    enabled    boolean     not null,
    -- threshold name -> value, only those set away from the default
    thresholds jsonb       not null,
    set_by     text        not null,
    set_at     timestamptz not null
);

-- Versions of the forced-labour entity list. A version replaces the whole list from its effective date; entries are
-- matched against the version in force on their entry date, so earlier versions are kept unchanged. The bundled
-- synthetic list is loaded as the first version when the table is empty.
create table forced_labour_list (
    version        serial primary key,
    effective_from date        not null,
    loaded_at      timestamptz not null,
    loaded_by      text        not null,
    note           text
);

create table forced_labour_entity (
    list_version int  not null references forced_labour_list (version),
    position     int  not null,
    name         text not null,
    -- ISO code, or '' when the list does not say
    country      text not null,
    sector       text not null,
    note         text not null,
    primary key (list_version, position)
);
