-- A rule version stopped too often for exceeding its evaluation budget is suspended: scoring passes it by until a
-- targeter resumes it (with a reason) or a new version replaces it. The suspension is kept here rather than only in
-- the process that found it, so that a restart does not switch the rule back on, every instance passes it by, and the
-- targeter reads when and why it happened. A resumed suspension stays as history; at most one per version is open.
create table targeting_rule_suspension (
    id            bigserial   primary key,
    code          text        not null,
    version       int         not null,
    suspended_at  timestamptz not null,
    -- the message of the last evaluation that was stopped
    cause         text        not null,
    stops         int         not null check (stops >= 1),
    resumed_at    timestamptz,
    resumed_by    text,
    resume_reason text,
    foreign key (code, version) references targeting_rule (code, version),
    check ((resumed_at is null) = (resumed_by is null) and (resumed_at is null) = (resume_reason is null))
);

create unique index targeting_rule_suspension_open on targeting_rule_suspension (code, version)
    where resumed_at is null;
