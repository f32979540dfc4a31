-- An assessment keeps the facts its reasons are worded from, and the words are written when it is read: why it was
-- selected or not (the ground), the threshold and capacity that decided it, and which riskier summary took its item if
-- it gave one up. Its findings keep their own words and their order. Scoring every accepted summary within intake thus
-- stores a narrow row instead of the same sentences for most summaries.
--
-- Assessments scored before this version keep the reasons written then (reasons and trade_reasons), and no ground.
alter table risk_assessment
    alter column reasons drop not null,
    alter column trade_reasons drop not null,
    add column ground               text,
    add column threshold            double precision,
    add column items_per_week       int,
    add column risk_items           int,
    add column control_items        int,
    add column displaced_by         text,
    add column displaced_by_version int,
    add column displaced_by_score   double precision,
    add constraint risk_assessment_worded_or_grounded check (reasons is not null or ground is not null);

alter table risk_finding
    add column position int;
