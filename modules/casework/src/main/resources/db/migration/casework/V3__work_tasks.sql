-- The work queues (待办): every user task of a case's process, projected into a table of the product's own, under
-- row-level security like every other tenant table. Flowable's task tables have no policies, so queues never read
-- them; the casework service writes this projection in the same transaction as each engine call (ADR 0010).
-- Runs as the owner role.

create table work_task (
    county_code        varchar(12)  collate "C" not null,
    -- The engine's task id.
    id                 varchar(64)  collate "C" not null,
    -- The division whose staff do the task: the reviewing tier, or the intake window's tenant.
    tenant_code        varchar(12)  collate "C" not null,
    -- The department whose reviewers do it (民政局 MZ …); null for a division's own reviewers or its window.
    department_code    varchar(16)  collate "C",
    -- REVIEW (a tier or department reviews), WINDOW_DECISION (decided at the window: 即办件, joint decision),
    -- WINDOW_DELIVERY (the result leaves the window: 出件).
    kind               varchar(16)  not null,
    step_key           varchar(64)  not null,
    step_name          varchar(200) not null,
    case_id            uuid         not null,
    case_number        varchar(40)  collate "C" not null,
    item_code          varchar(32)  collate "C" not null,
    item_name          varchar(200) not null,
    -- For the search by name in the queue; the case row holds the rest of the applicant.
    applicant_name     varchar(100) not null,
    -- OPEN (anyone of the group may take it), CLAIMED (one person works on it), DONE.
    state              varchar(8)   not null,
    claimed_by         varchar(60),
    claimed_at         timestamptz,
    created_at         timestamptz  not null,
    promised_due_date  date,
    statutory_due_date date,
    -- The case's clock as last computed: ON_TIME, WARNING, OVERDUE, STATUTORY_OVERDUE; paused while waiting for
    -- supplements or a special procedure.
    clock_status       varchar(20)  not null default 'ON_TIME',
    paused             boolean      not null default false,
    -- The first day the case counts as warned (预警: the threshold share of its promised time used), as of the
    -- last change to its clock; null when it is never warned (an on-the-spot item's limit of 0).
    warn_from          date,
    -- What the task's holder concluded: APPROVED or REJECTED for a review, DONE for a window step.
    outcome            varchar(10),
    opinion            varchar(500),
    legal_basis        varchar(200),
    completed_by       varchar(60),
    completed_at       timestamptz,
    version            integer      not null default 0,
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, case_id) references case_file (county_code, id),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    check (county_code = left(tenant_code, 6) || '000000'),
    check (kind in ('REVIEW', 'WINDOW_DECISION', 'WINDOW_DELIVERY')),
    check (state in ('OPEN', 'CLAIMED', 'DONE')),
    check ((state = 'CLAIMED') = (claimed_by is not null) or state = 'DONE'),
    check ((state = 'DONE') = (completed_at is not null)),
    check (outcome is null or outcome in ('APPROVED', 'REJECTED', 'DONE')),
    check (clock_status in ('ON_TIME', 'WARNING', 'OVERDUE', 'STATUTORY_OVERDUE'))
);
-- A queue's page: the open tasks of one division (and department), by due date, then id for a stable keyset.
create index work_task_queue on work_task (tenant_code, department_code, promised_due_date, id)
    where state <> 'DONE';
create index work_task_case on work_task (case_id);
-- The clock job's sweep: the open tasks whose clock runs.
create index work_task_running on work_task (promised_due_date) where state <> 'DONE' and not paused;
create index work_task_number on work_task (case_number) where state <> 'DONE';
create index work_task_applicant on work_task (tenant_code, applicant_name varchar_pattern_ops) where state <> 'DONE';

alter table work_task enable row level security;
alter table work_task force row level security;
create policy work_task_scope on work_task using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
-- The doors below run as the owner, which forced row-level security binds too: this policy lets the owner (the
-- role running this migration) through, and nobody else.
create policy work_task_owner_door on work_task to current_user using (true) with check (true);

-- A new task of a case's process. The staff member whose action made it often cannot see the division that does
-- it (a town reviewer hands the case on to the county's department), so tasks are opened through this door: the
-- caller must see the case, and the task goes to the case's own tenant, its town or its county, nowhere else. The
-- case's number, item, applicant and due dates are copied from the case row, never taken from the caller.
create function ow_work_task_open(p_id text, p_tenant text, p_department text, p_kind text, p_step_key text,
                                  p_step_name text, p_case_id uuid, p_created_at timestamptz)
    returns boolean
    language sql volatile security definer
    set search_path = ${schema}, pg_temp
as $$
    insert into work_task (county_code, id, tenant_code, department_code, kind, step_key, step_name, case_id,
                           case_number, item_code, item_name, applicant_name, state, created_at,
                           promised_due_date, statutory_due_date)
    select c.county_code, p_id, p_tenant, p_department, p_kind, p_step_key, p_step_name, c.id,
           c.case_number, c.item_code, c.item_name, c.applicant_name, 'OPEN', p_created_at,
           c.promised_due_date, c.statutory_due_date
      from case_file c
     where c.id = p_case_id
       and ow_visible(c.tenant_code)
       and c.case_number is not null
       and p_tenant in (c.tenant_code, left(c.tenant_code, 9) || '000', left(c.tenant_code, 6) || '000000')
    on conflict (county_code, id) do nothing
    returning true
$$;
revoke all on function ow_work_task_open(text, text, text, text, text, text, uuid, timestamptz) from public;

-- The case's clock as its open tasks show it (due dates, first warning day, paused, status), wherever they wait: a
-- clerk receiving supplements at a village moves the county department's task on. The caller must see the case.
create function ow_work_task_clock(p_case_id uuid, p_promised date, p_statutory date, p_warn_from date,
                                   p_paused boolean, p_status text)
    returns integer
    language sql volatile security definer
    set search_path = ${schema}, pg_temp
as $$
    with changed as (
        update work_task t
           set promised_due_date = p_promised, statutory_due_date = p_statutory, warn_from = p_warn_from,
               paused = p_paused, clock_status = p_status
         where t.case_id = p_case_id
           and t.state <> 'DONE'
           and exists (select 1 from case_file c where c.id = p_case_id and ow_visible(c.tenant_code))
        returning 1)
    select count(*)::integer from changed
$$;
revoke all on function ow_work_task_clock(uuid, date, date, date, boolean, text) from public;

-- The background job's one door (every minute, no staff scope): as the days pass, open tasks whose clock runs
-- turn WARNING, OVERDUE or STATUTORY_OVERDUE from the dates already on their rows, in China's calendar days. It
-- changes nothing else and returns only how many rows changed. A paused task keeps its status until its clock
-- runs again.
create function ow_work_task_mark_clock()
    returns integer
    language sql volatile security definer
    set search_path = ${schema}, pg_temp
as $$
    with today as (select (now() at time zone 'Asia/Shanghai')::date as d),
    changed as (
        update work_task t
           set clock_status = case
                   when today.d > t.statutory_due_date then 'STATUTORY_OVERDUE'
                   when today.d > t.promised_due_date then 'OVERDUE'
                   when t.warn_from is not null and today.d >= t.warn_from then 'WARNING'
                   else 'ON_TIME' end
          from today
         where t.state <> 'DONE'
           and not t.paused
           and t.clock_status <> case
                   when today.d > t.statutory_due_date then 'STATUTORY_OVERDUE'
                   when today.d > t.promised_due_date then 'OVERDUE'
                   when t.warn_from is not null and today.d >= t.warn_from then 'WARNING'
                   else 'ON_TIME' end
        returning 1)
    select count(*)::integer from changed
$$;
revoke all on function ow_work_task_mark_clock() from public;

grant select, update on work_task to ${appRole};
grant execute on function ow_work_task_open(text, text, text, text, text, text, uuid, timestamptz),
                          ow_work_task_clock(uuid, date, date, date, boolean, text),
                          ow_work_task_mark_clock() to ${appRole};

-- A decision granted without its own basis cites the item's legal basis, which may list several articles.
alter table case_file alter column decision_basis type varchar(1000);
alter table case_file alter column item_legal_basis type varchar(1000);
