create table app_user (
    username      text primary key,
    password_hash text        not null,
    roles         text[]      not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null
);

-- Append-only: every accepted summary, rejection, assignment change and administrative act.
create table audit_log (
    id           bigserial primary key,
    occurred_at  timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    detail       jsonb
);

create index audit_log_subject on audit_log (subject_type, subject_id);

create function audit_log_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'the audit log is append-only: % is not allowed', tg_op;
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
