-- The progress lookup now also names the decision as the item words it (a benefit is 准予给付, not 准予许可): it
-- gives the item's type (事项类型) from the case's snapshot and whether the decision granted. The decision was
-- already on the letter the receipt's holder can download, so this tells them nothing new.
drop function ow_case_progress(text);
create function ow_case_progress(p_case_number text)
    returns table (case_number text, state text, item_name text, check_code_hash text, accepted_on date,
                   promised_due_date date, due_dates_provisional boolean, decided_on date, completed_on date,
                   pickup_point text, item_type text, decision_approved boolean)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select c.case_number::text, c.state::text, c.item_name::text, c.check_code_hash::text, c.accepted_on,
           c.promised_due_date, c.due_dates_provisional, c.decided_on, c.completed_on,
           case when c.state = 'AWAITING_PICKUP' then c.delivery_point::text end,
           c.item_snapshot ->> 'itemType', c.decision_approved
      from case_file c
     where c.case_number = p_case_number
$$;
revoke all on function ow_case_progress(text) from public;
grant execute on function ow_case_progress(text) to ${appRole};
