-- A case that ends while tasks of its run are open (the applicant withdraws, 撤回) takes them out of every queue:
-- they are done with the case's final state as their outcome, so a reviewer who opens one is told why it is closed.
-- Runs as the owner role.

alter table work_task drop constraint work_task_outcome_check;
alter table work_task add constraint work_task_outcome_check
    check (outcome is null or outcome in ('APPROVED', 'REJECTED', 'DONE', 'WITHDRAWN', 'REFUSED', 'COMPLETED'));

-- Closes the open tasks of a case that has ended, wherever they wait: the clerk at the village who records the
-- withdrawal cannot see the county department's task. The caller must see the case, and the case must be in a final
-- state (so no running case loses its tasks through this door); the outcome is that state.
create function ow_work_task_close_case(p_case_id uuid, p_by text, p_at timestamptz)
    returns integer
    language sql volatile security definer
    set search_path = ${schema}, pg_temp
as $$
    with ended as (
        select c.state from case_file c
         where c.id = p_case_id
           and ow_visible(c.tenant_code)
           and c.state in ('WITHDRAWN', 'REFUSED', 'COMPLETED')),
    closed as (
        update work_task t
           set state = 'DONE', outcome = ended.state, completed_by = p_by, completed_at = p_at,
               version = t.version + 1
          from ended
         where t.case_id = p_case_id
           and t.state <> 'DONE'
        returning 1)
    select count(*)::integer from closed
$$;
revoke all on function ow_work_task_close_case(uuid, text, timestamptz) from public;
grant execute on function ow_work_task_close_case(uuid, text, timestamptz) to ${appRole};
