-- Every trained risk model version: its card (training window, features, parameters, hold-out metrics) and the model
-- itself (fitted feature pipeline and trees, as RiskModel.toBytes writes them). At most one version is ACTIVE, which
-- scoring uses; activating another one retires it, and rolling back is activating an earlier version again.
create table risk_model (
    version      int         primary key,
    trained_at   timestamptz not null,
    trained_by   text        not null,
    -- TRAINED (never active yet), ACTIVE or RETIRED (was active, replaced since)
    status       text        not null check (status in ('TRAINED', 'ACTIVE', 'RETIRED')),
    card         jsonb       not null,
    model        bytea       not null,
    activated_at timestamptz,
    activated_by text
);

create unique index risk_model_one_active on risk_model (status) where status = 'ACTIVE';
