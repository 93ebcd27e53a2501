-- The rest of a case's life on its row: the decision, the extension and the day the clock stopped, how the result
-- reaches the applicant (window or free post), the pickup, completion and withdrawal, and how the case is routed
-- between departments (the plan fixed at intake, the process instance started on acceptance).
-- Runs as the owner role; row-level security and grants of V1 cover the new columns.

alter table case_file
    -- 准予 / 不予许可决定 (§38: a rejection gives its reason and legal basis).
    add column decision_approved          boolean,
    add column decision_reason            varchar(500),
    add column decision_basis             varchar(200),
    add column decided_by                 varchar(60),
    add column decided_on                 date,
    -- The one extension of §42, approved by the head of the department, its reason told to the applicant.
    add column extension_working_days     integer,
    add column extension_approved_by      varchar(100),
    add column extension_reason           varchar(500),
    add column extension_approved_on      date,
    -- The day the legal clock stopped: the decision, or a withdrawal.
    add column clock_stopped_on           date,
    -- 统一出件: WINDOW (waits at a service point) or POST (free post with a tracking number).
    add column delivery_kind              varchar(8),
    add column delivery_point             varchar(100),
    add column post_recipient             varchar(100),
    add column post_address               varchar(300),
    add column post_phone                 varchar(30),
    add column post_tracking_number       varchar(60),
    -- 领取: who collected, the ID number shown (sealed, hashed, masked as the applicant's), the agent's authorisation.
    add column pickup_collected_by        varchar(100),
    add column pickup_id_sealed           varchar(128),
    add column pickup_id_lookup           varchar(64),
    add column pickup_id_masked           varchar(18),
    add column pickup_authorisation       varchar(200),
    add column pickup_recorded_by         varchar(60),
    add column pickup_collected_at        timestamptz,
    add column completed_on               date,
    add column withdrawal_reason          varchar(500),
    -- How the case is routed, fixed at intake from the pinned item version and the intake tenant: the template
    -- key, the intake window's group and the review groups in order (division code, or county/department).
    add column process_plan               jsonb,
    -- The item's legal basis (设定依据) as printed on an approval decided on the spot.
    add column item_legal_basis           varchar(500),
    -- The Flowable process instance that routes the case between departments (null before acceptance).
    add column process_instance_id        varchar(64),
    add constraint case_file_decision check (
        (decision_approved is null) = (decided_on is null)
        and (decision_approved is null) = (decision_basis is null)
        and (decision_approved is null) = (decided_by is null)
        and (decision_approved is not false or decision_reason is not null)),
    add constraint case_file_extension check (
        (extension_working_days is null) = (extension_approved_on is null)
        and (extension_working_days is null) = (extension_reason is null)
        and (extension_working_days is null) = (extension_approved_by is null)
        and (extension_working_days is null or extension_working_days between 1 and 10)),
    add constraint case_file_delivery check (
        (delivery_kind is null and delivery_point is null and post_tracking_number is null)
        or (delivery_kind = 'WINDOW' and delivery_point is not null and post_tracking_number is null)
        or (delivery_kind = 'POST' and post_recipient is not null and post_address is not null
            and post_tracking_number is not null)),
    add constraint case_file_pickup check (
        (pickup_collected_at is null) = (pickup_collected_by is null)
        and (pickup_collected_at is null) = (pickup_id_sealed is null)
        and (pickup_collected_at is null) = (pickup_recorded_by is null)),
    add constraint case_file_completion check (completed_on is null or state = 'COMPLETED'),
    add constraint case_file_withdrawal check ((withdrawal_reason is not null) = (state = 'WITHDRAWN'));

create unique index case_file_process_instance on case_file (process_instance_id)
    where process_instance_id is not null;

-- The progress lookup now also shows the decision day, the completion day and where the result waits.
drop function ow_case_progress(text);
create function ow_case_progress(p_case_number text)
    returns table (case_number text, state text, item_name text, check_code_hash text, accepted_on date,
                   promised_due_date date, due_dates_provisional boolean, decided_on date, completed_on date,
                   pickup_point text)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select c.case_number::text, c.state::text, c.item_name::text, c.check_code_hash::text, c.accepted_on,
           c.promised_due_date, c.due_dates_provisional, c.decided_on, c.completed_on,
           case when c.state = 'AWAITING_PICKUP' then c.delivery_point::text end
      from case_file c
     where c.case_number = p_case_number
$$;
revoke all on function ow_case_progress(text) from public;
grant execute on function ow_case_progress(text) to ${appRole};
