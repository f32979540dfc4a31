-- An account's monthly trade totals hold the lines of each of its entries' latest versions: since this version a
-- post-summary correction adds what it changes (a line moved to another heading moves its value to that heading's
-- Center; a lower value takes trade away). Corrections stored before it added nothing, so the totals are rebuilt once
-- from the latest version of every entry, as intake now keeps them.
delete from account_trade_month;

insert into account_trade_month (account_id, month, center, entered_value, line_count)
select s.account_id, date_trunc('month', s.entry_date)::date, l.center, sum(l.entered_value), count(*)
from entry_summary s
join entry_line l on l.entry_number = s.entry_number and l.version = s.version
where s.version = (select max(v.version) from entry_summary v where v.entry_number = s.entry_number)
  and l.center is not null
group by s.account_id, date_trunc('month', s.entry_date)::date, l.center;

-- The accounts whose totals a correction changed are weighed again on them when the service next starts.
update account set weighed_window = null
where id in (select account_id from entry_summary where version > 1);
