-- The reasons of an assessment are written once, when it is scored, and always read back whole by Centerline; the
-- database never looks inside them. They are kept as JSON text rather than jsonb, so that scoring every accepted summary
-- within intake spends nothing on converting them.
alter table risk_assessment
    alter column reasons type text using reasons::text,
    alter column trade_reasons type text using trade_reasons::text;
