-- A village merge stays revertible until confirmed (docs/adr/0014, kernel V8): casework keeps which open cases followed
-- each change, so that a revert moves exactly those back to the village they came from, with their ids and case
-- numbers, and nothing the successor took in itself.
create table case_division_move (
    county_code    varchar(12) collate "C" not null,
    change_id      uuid        not null,
    case_id        uuid        not null,
    -- The retired division the case came from, and the successor it went to.
    tenant_code    varchar(12) collate "C" not null,
    successor_code varchar(12) collate "C" not null,
    primary key (change_id, case_id),
    check (county_code = left(tenant_code, 6) || '000000')
);

-- The application role reads; the functions below write, as their owner, within the caller's scope.
alter table case_division_move enable row level security;
alter table case_division_move force row level security;
create policy case_division_move_scope on case_division_move
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
grant select on case_division_move to ${appRole};

-- The rows of the cases {p_ids} that are at {p_from} go to {p_to}: the case, its materials, timeline, pauses, letters,
-- licences, contacts, messages, notifications and the village's own tasks (those of the town and county stay).
create function ow_case_rows_move(p_ids uuid[], p_from text, p_to text) returns void
    language plpgsql security definer
    set search_path = ${schema}, pg_temp
as $$
begin
    update case_file set tenant_code = p_to, version = version + 1 where id = any (p_ids) and tenant_code = p_from;
    update case_material set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update case_material_file set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update case_step set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update case_pause set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update case_decision_letter set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update licence set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update case_contact set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update applicant_message set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update notification_outbox set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
    update work_task set tenant_code = p_to where case_id = any (p_ids) and tenant_code = p_from;
end
$$;
revoke all on function ow_case_rows_move(uuid[], text, text) from public;

-- Both divisions in the caller's scope and of one county: the kernel checked it, the database checks it again.
create function ow_division_change_visible(p_from text, p_to text) returns void
    language plpgsql stable
    set search_path = ${schema}, pg_temp
as $$
begin
    if ow_scope() is null or not ow_visible(p_from) or not ow_visible(p_to) or left(p_from, 6) <> left(p_to, 6) then
        raise exception 'division change: % and % must both be in the caller''s scope', p_from, p_to;
    end if;
end
$$;

-- V70's door, now naming the change (null: a change of the yearly list, final once applied, so nothing is kept).
drop function ow_cases_follow_division(text, text);
create function ow_cases_follow_division(p_from text, p_to text, p_change uuid) returns integer
    language plpgsql security definer
    set search_path = ${schema}, pg_temp
as $$
declare
    moved uuid[];
begin
    perform ow_division_change_visible(p_from, p_to);
    select coalesce(array_agg(id), '{}') into moved
      from case_file
     where tenant_code = p_from and state not in ('REFUSED', 'COMPLETED', 'WITHDRAWN');
    if p_change is not null then
        insert into case_division_move (county_code, change_id, case_id, tenant_code, successor_code)
        select left(p_from, 6) || '000000', p_change, id, p_from, p_to from unnest(moved) as id;
    end if;
    perform ow_case_rows_move(moved, p_from, p_to);
    return cardinality(moved);
end
$$;
revoke all on function ow_cases_follow_division(text, text, uuid) from public;
grant execute on function ow_cases_follow_division(text, text, uuid) to ${appRole};

-- A reverted change: the cases that followed it and are still at the successor go back, whatever their state now.
create function ow_cases_return_from_division(p_change uuid) returns integer
    language plpgsql security definer
    set search_path = ${schema}, pg_temp
as $$
declare
    v_from text;
    v_to   text;
    moved  uuid[];
begin
    select tenant_code, successor_code into v_from, v_to from case_division_move where change_id = p_change limit 1;
    if not found then
        return 0;
    end if;
    perform ow_division_change_visible(v_from, v_to);
    select coalesce(array_agg(m.case_id), '{}') into moved
      from case_division_move m join case_file c on c.id = m.case_id
     where m.change_id = p_change and c.tenant_code = v_to;
    perform ow_case_rows_move(moved, v_to, v_from);
    return cardinality(moved);
end
$$;
revoke all on function ow_cases_return_from_division(uuid) from public;
grant execute on function ow_cases_return_from_division(uuid) to ${appRole};
