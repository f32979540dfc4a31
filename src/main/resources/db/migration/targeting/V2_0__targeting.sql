-- The risk assessment of every accepted entry summary version: its score, whether it was selected for review and
-- why, and the model version that scored it. Written once by scoring; the findings are also kept one per row below so
-- that effectiveness can be counted per rule and detector.
create table risk_assessment (
    entry_number     text             not null,
    version          int              not null,
    center           text,
    importer_number  text             not null,
    entry_date       date             not null,
    trusted_partner  boolean          not null,
    score            double precision not null,
    model_score      double precision,
    model_version    int,
    -- RISK (filled capacity with the riskiest), CONTROL (random control sample) or null (not selected)
    selection        text,
    reasons          jsonb            not null,
    trade_reasons    jsonb            not null,
    scored_at        timestamptz      not null,
    primary key (entry_number, version)
);

create index risk_assessment_center_date on risk_assessment (center, entry_date);

create table risk_finding (
    entry_number text             not null,
    version      int              not null,
    source       text             not null,
    code         text             not null,
    code_version int              not null,
    line_number  int,
    strength     double precision not null,
    reason       text             not null,
    trade_reason text             not null
);

create index risk_finding_entry on risk_finding (entry_number, version);
create index risk_finding_code on risk_finding (code, code_version);

-- What a review of an entry summary found, in structured form. Until review work items exist, outcomes are recorded
-- through the API; one outcome per entry summary version, a later one replaces nothing but is refused.
create table review_outcome (
    entry_number       text           not null,
    version            int            not null,
    outcome            text           not null,
    revenue_difference numeric(16, 2) not null,
    reviewer           text           not null,
    note               text,
    reviewed_on        date           not null,
    recorded_at        timestamptz    not null,
    primary key (entry_number, version)
);

create index review_outcome_reviewed_on on review_outcome (reviewed_on);

-- Each Center's review capacity in items per week per queue, effective-dated; the control share is the part of it
-- given to a random sample, and trusted partners are selected at the reduced share of the others' rate.
create table review_capacity (
    center                 text             not null,
    queue                  text             not null,
    items_per_week         int              not null check (items_per_week >= 0),
    control_share          double precision not null check (control_share >= 0.05 and control_share <= 0.10),
    trusted_partner_factor double precision not null check (trusted_partner_factor >= 0 and trusted_partner_factor <= 1),
    effective_from         date             not null,
    set_by                 text             not null,
    set_at                 timestamptz      not null,
    primary key (center, queue, effective_from)
);
