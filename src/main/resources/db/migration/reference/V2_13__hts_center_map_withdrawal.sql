-- A replacement HTS-to-Center map loaded by mistake can be withdrawn before its effective date, while no entry has
-- been routed by it. The version stays on file, with who withdrew it, when and why, and routes nothing.
alter table hts_center_map_version
    add column withdrawn_at      timestamptz,
    add column withdrawn_by      text,
    add column withdrawal_reason text,
    add constraint hts_center_map_version_withdrawal_whole
        check ((withdrawn_at is null) = (withdrawn_by is null) and (withdrawn_at is null) = (withdrawal_reason is null));
