-- Division changes (区划调整, docs/adr/0014): when a village is merged into another or re-coded, its open cases follow
-- the successor so that its staff (who moved there too) keep working on them; closed cases stay under the old code
-- for the record. A case keeps its id and its case number, so old receipts still open its progress.
--
-- One door, in the caller's scope: both divisions must be visible to the administrator who made the change (the
-- kernel checked it, RLS checks it again). It runs as the owner because the timeline is append-only for the
-- application role; this policy lets the owner, and only inside the caller's scope, move a case's steps.
create policy case_step_follows_division on case_step for update to current_user
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));

create function ow_cases_follow_division(p_from text, p_to text) returns integer
    language plpgsql security definer
    set search_path = ${schema}, pg_temp
as $$
declare
    moved uuid[];
begin
    if ow_scope() is null or not ow_visible(p_from) or not ow_visible(p_to) or left(p_from, 6) <> left(p_to, 6) then
        raise exception 'ow_cases_follow_division: % and % must both be in the caller''s scope', p_from, p_to;
    end if;
    select coalesce(array_agg(id), '{}') into moved
      from case_file
     where tenant_code = p_from and state not in ('REFUSED', 'COMPLETED', 'WITHDRAWN');
    update case_file set tenant_code = p_to, version = version + 1 where id = any (moved);
    update case_material set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update case_material_file set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update case_step set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update case_pause set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update case_decision_letter set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update licence set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update case_contact set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update applicant_message set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    update notification_outbox set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    -- Tasks of the village's own departments; those of the town and the county stay where they are.
    update work_task set tenant_code = p_to where case_id = any (moved) and tenant_code = p_from;
    return cardinality(moved);
end
$$;
revoke all on function ow_cases_follow_division(text, text) from public;
grant execute on function ow_cases_follow_division(text, text) to ${appRole};
