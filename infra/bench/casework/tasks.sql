-- The department queue's rows for the generated cases (work_task, the projection the queue reads), as the owner
-- role: each open case has its review task waiting at the county's 民政局 (MZ), one in five claimed by mz.reviewer,
-- paused while the case waits for supplements or a special procedure; each completed case its review task done.
-- Task ids 'bench-<n>'. run.sh passes rows (as generate.sql). Nothing of this is committed.
\set ON_ERROR_STOP on
begin;
insert into work_task (county_code, id, tenant_code, department_code, kind, step_key, step_name, case_id,
                       case_number, item_code, item_name, applicant_name, state, claimed_by, claimed_at, created_at,
                       promised_due_date, statutory_due_date, clock_status, paused, warn_from, outcome, opinion,
                       legal_basis, completed_by, completed_at)
select c.county_code, 'bench-' || n, '370321000000', 'MZ', 'REVIEW', 'departmentReview', '部门审查决定', c.id,
       c.case_number, c.item_code, c.item_name, c.applicant_name,
       case when c.state = 'COMPLETED' then 'DONE' when n % 5 = 0 then 'CLAIMED' else 'OPEN' end,
       case when c.state <> 'COMPLETED' and n % 5 = 0 then 'mz.reviewer' end,
       case when c.state <> 'COMPLETED' and n % 5 = 0 then c.received_at + interval '1 day' end,
       c.received_at, c.promised_due_date, c.statutory_due_date,
       case when c.state = 'COMPLETED' or c.promised_due_date >= current_date then 'ON_TIME' else 'OVERDUE' end,
       c.state in ('SUPPLEMENT_REQUESTED', 'SPECIAL_PROCEDURE'),
       c.accepted_on + 11,
       case when c.state = 'COMPLETED' then case when c.decision_approved then 'APPROVED' else 'REJECTED' end end,
       case when c.state = 'COMPLETED' then coalesce(c.decision_reason, '符合条件，准予') end,
       case when c.state = 'COMPLETED' then c.decision_basis end,
       case when c.state = 'COMPLETED' then 'mz.reviewer' end,
       case when c.state = 'COMPLETED' then c.decided_on + time '15:00' end
from generate_series(1, :rows) n
join case_file c on c.county_code = '370321000000' and c.id = md5(n::text)::uuid;
commit;
analyze work_task;
select (select count(*) from work_task) as tasks,
       (select count(*) from work_task where state <> 'DONE') as open_tasks,
       (select count(*) from work_task where state <> 'DONE' and tenant_code = '370321000000' and department_code = 'MZ') as mz_open;
