-- Targeters' CEL rules, one row per version. A rule is known by its code; every change of what it says (expression,
-- reasons, strength, scope, period) is a new version, and a version's content never changes afterwards. Only the end
-- of its active period may be set later, when the rule is retired. On a given entry date the highest version whose
-- active period contains that date is the one in force.
create table targeting_rule (
    code            text             not null,
    version         int              not null check (version >= 1),
    name            text             not null,
    owner           text             not null,
    -- null: the rule applies to every Center
    center          text references center (code),
    expression      text             not null,
    reason_template text             not null,
    trade_reason    text             not null check (btrim(trade_reason) <> ''),
    strength        double precision not null check (strength >= 0 and strength <= 1),
    active_from     date             not null,
    -- the last day in force; null while open-ended
    active_to       date,
    created_by      text             not null,
    created_at      timestamptz      not null,
    retired_by      text,
    retired_at      timestamptz,
    primary key (code, version),
    -- a version retired before it started is never in force: its end is the day before its start
    check (active_to is null or active_to >= active_from - 1)
);

create function targeting_rule_version_is_immutable() returns trigger language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        raise exception 'targeting rule versions are kept: % is not allowed', tg_op;
    end if;
    if (new.code, new.version, new.name, new.owner, new.center, new.expression, new.reason_template,
        new.trade_reason, new.strength, new.active_from, new.created_by, new.created_at)
        is distinct from
       (old.code, old.version, old.name, old.owner, old.center, old.expression, old.reason_template,
        old.trade_reason, old.strength, old.active_from, old.created_by, old.created_at) then
        raise exception 'a targeting rule version is immutable: only the end of its active period may change';
    end if;
    return new;
end;
$$;

create trigger targeting_rule_immutable
    before update or delete on targeting_rule
    for each row execute function targeting_rule_version_is_immutable();
