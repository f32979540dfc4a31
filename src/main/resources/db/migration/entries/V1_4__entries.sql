-- Every version of every summary; a post-summary correction adds a version and never overwrites one. The primary
-- key makes a concurrent second filing of the same version fail, and the content hash makes resubmission idempotent.
create table entry_summary (
    entry_number            text           not null,
    version                 int            not null,
    entry_type              char(2)        not null,
    importer_number         text           not null,
    account_id              bigint         not null,
    center                  text,
    port_of_entry           char(4)        not null,
    entry_date              date           not null,
    summary_date            date           not null,
    mode_of_transport       char(2)        not null,
    bond_type               text,
    filer_code              char(3)        not null,
    post_summary_correction boolean        not null,
    status                  text           not null,
    deemed_liquidation_date date,
    line_count              int            not null,
    total_entered_value     numeric(16, 2) not null,
    total_duty              numeric(16, 2) not null,
    total_adcvd_deposit     numeric(16, 2) not null,
    declared_total_fees     numeric(16, 2) not null,
    mpf_computed            numeric(12, 2) not null,
    mpf_declared            numeric(12, 2) not null,
    mpf_fiscal_year         int,
    hmf_computed            numeric(12, 2) not null,
    hmf_declared            numeric(12, 2) not null,
    warnings                jsonb          not null,
    content_hash            text           not null,
    submitted_by            text           not null,
    accepted_at             timestamptz    not null,
    -- the intake batch whose audit row (subject intake-batch) records the acceptance
    intake_batch            text           not null,
    primary key (entry_number, version)
);

create index entry_summary_importer on entry_summary (importer_number);

create table entry_line (
    entry_number      text           not null,
    version           int            not null,
    line_number       int            not null,
    hts_number        char(10)       not null,
    additional_hts    text,
    country_of_origin char(2)        not null,
    country_of_export char(2)        not null,
    manufacturer_id   text           not null,
    description       text,
    entered_value     numeric(16, 2) not null,
    quantity          numeric(18, 4) not null,
    unit              text           not null,
    gross_weight_kg   numeric(14, 2),
    related_party     boolean        not null,
    duty_amount       numeric(16, 2) not null,
    adcvd_case_number text,
    adcvd_deposit     numeric(16, 2),
    fees              text,
    center            text,
    primary key (entry_number, version, line_number)
);
