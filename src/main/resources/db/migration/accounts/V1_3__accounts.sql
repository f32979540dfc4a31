create table account (
    id                    bigserial primary key,
    importer_number       text        not null unique,
    importer_number_kind  text        not null,
    center                text references center (code),
    assignment_metric     text,
    assignment_basis      jsonb,
    assigned_at           timestamptz,
    override_center       text references center (code),
    override_reason       text,
    override_by           text,
    override_at           timestamptz,
    created_at            timestamptz not null,
    created_by            text        not null
);

-- Trade of an account by month and Center, the basis of its Center assignment.
create table account_trade_month (
    account_id    bigint         not null references account (id),
    month         date           not null,
    center        text           not null references center (code),
    entered_value numeric(18, 2) not null,
    line_count    int            not null,
    primary key (account_id, month, center)
) with (fillfactor = 70);

create table account_assignment (
    id          bigserial primary key,
    account_id  bigint      not null references account (id),
    center      text        not null references center (code),
    kind        text        not null,
    metric      text,
    basis       jsonb,
    reason      text,
    decided_by  text        not null,
    decided_at  timestamptz not null
);

create index account_assignment_account on account_assignment (account_id, id);

create table trusted_partner (
    id             bigserial primary key,
    account_id     bigint      not null references account (id),
    program        text        not null,
    effective_from date        not null,
    effective_to   date,
    recorded_by    text        not null,
    recorded_at    timestamptz not null,
    check (effective_to is null or effective_to >= effective_from)
);

-- Filers that have filed for an account: a filer sees the accounts it files for.
create table account_filer (
    account_id bigint not null references account (id),
    filer      text   not null,
    primary key (account_id, filer)
);
