-- Cases (办件) from intake to acceptance, their materials, timeline and pause ledger, consultations (首问负责),
-- the case number sequences and the idempotency keys of POST /api/v1/cases. Runs as the owner role.
-- Conventions as in the kernel's V1: the county in every primary key, row-level security enabled and forced
-- on every table, policies through ow_visible(tenant_code), grants to ${appRole} only of what it needs.

create table case_file (
    county_code                  varchar(12)  collate "C" not null,
    id                           uuid         not null,
    -- The tenant of the service point that took the case in (受理地): its staff and those above see it.
    tenant_code                  varchar(12)  collate "C" not null,
    intake_point                 varchar(100) not null,
    -- Given on acceptance (受理编号); null while the materials are checked or supplements awaited.
    case_number                  varchar(40)  collate "C",
    state                        varchar(24)  not null,
    item_code                    varchar(32)  collate "C" not null,
    item_version                 integer      not null,
    item_name                    varchar(200) not null,
    -- The effective item version at intake (事项快照): later standards updates never change it.
    item_snapshot                jsonb        not null,
    applicant_kind               varchar(12)  not null,
    applicant_name               varchar(100) not null,
    -- A person's resident ID number: sealed (AES-GCM), keyed lookup hash, masked; never in clear.
    applicant_id_sealed          varchar(128),
    applicant_id_lookup          varchar(64),
    applicant_id_masked          varchar(18),
    -- An organisation's unified social credit code is public (printed on its licence).
    applicant_uscc               varchar(18),
    -- A USCC accepted although its check character fails: who approved it and why (early pilot codes).
    uscc_override_by             varchar(60),
    uscc_override_reason         varchar(500),
    legal_representative         varchar(100),
    agent_name                   varchar(100),
    agent_id_sealed              varchar(128),
    agent_id_lookup              varchar(64),
    agent_id_masked              varchar(18),
    agent_authorisation          varchar(200),
    -- SHA-256 (hex) of the check code printed on the receipt; the code itself is never stored.
    check_code_hash              char(64),
    received_at                  timestamptz  not null,
    received_on                  date         not null,
    first_correction_notice      jsonb,
    correction_notice            jsonb,
    refusal_reason               varchar(500),
    refusal_basis                varchar(200),
    refused_by                   varchar(60),
    refused_on                   date,
    accepted_on                  date,
    promised_limit_working_days  integer      not null,
    statutory_limit_working_days integer      not null,
    promised_due_date            date,
    statutory_due_date           date,
    due_dates_provisional        boolean      not null default false,
    created_at                   timestamptz  not null,
    updated_at                   timestamptz  not null,
    version                      integer      not null default 0,
    primary key (county_code, id),
    unique (id),
    unique (county_code, case_number),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    check (county_code = left(tenant_code, 6) || '000000'),
    check (applicant_kind in ('PERSON', 'ORGANISATION')),
    check ((applicant_kind = 'PERSON') = (applicant_id_sealed is not null)),
    check ((applicant_kind = 'ORGANISATION') = (applicant_uscc is not null and legal_representative is not null)),
    check ((agent_name is null) = (agent_id_sealed is null)),
    check ((case_number is null) = (check_code_hash is null)),
    check ((case_number is null) = (accepted_on is null)),
    check (promised_limit_working_days between 0 and statutory_limit_working_days)
);
create index case_file_tenant_state on case_file (tenant_code, state, promised_due_date);
create index case_file_applicant on case_file (applicant_id_lookup) where applicant_id_lookup is not null;

-- The clerk's mark per material (材料核验): paper seen, scanned upload, government data, not conforming.
create table case_material (
    county_code   varchar(12)  collate "C" not null,
    case_id       uuid         not null,
    material_code varchar(64)  collate "C" not null,
    tenant_code   varchar(12)  collate "C" not null,
    mark_kind     varchar(20)  not null,
    note          varchar(500),
    primary key (county_code, case_id, material_code),
    foreign key (county_code, case_id) references case_file (county_code, id) on delete cascade,
    check (mark_kind in ('PAPER_SEEN', 'SCANNED_UPLOAD', 'GOVERNMENT_DATA', 'NOT_CONFORMING'))
);

-- The timeline (办理环节): append-only, like the audit chain it mirrors.
create table case_step (
    county_code  varchar(12)  collate "C" not null,
    case_id      uuid         not null,
    seq          integer      not null,
    tenant_code  varchar(12)  collate "C" not null,
    occurred_at  timestamptz  not null,
    action       varchar(32)  not null,
    from_state   varchar(24),
    to_state     varchar(24)  not null,
    actor        varchar(60)  not null,
    -- Where the step was taken: the actor's service point (or tenant) as printed.
    place        varchar(100) not null,
    note         varchar(500),
    primary key (county_code, case_id, seq),
    foreign key (county_code, case_id) references case_file (county_code, id) on delete cascade
);

-- The pause ledger (暂停计时记录): supplements and special procedures (§45).
create table case_pause (
    county_code            varchar(12)  collate "C" not null,
    case_id                uuid         not null,
    seq                    integer      not null,
    tenant_code            varchar(12)  collate "C" not null,
    kind                   varchar(24)  not null,
    start_on               date         not null,
    end_on                 date,
    reason                 varchar(500) not null,
    legal_basis            varchar(200) not null,
    announced_working_days integer,
    result                 varchar(500),
    primary key (county_code, case_id, seq),
    foreign key (county_code, case_id) references case_file (county_code, id) on delete cascade,
    check (end_on is null or end_on >= start_on)
);

-- Consultations at a window under first-inquiry responsibility (首问负责制): not cases.
create table consultation (
    county_code       varchar(12)  collate "C" not null,
    id                uuid         not null,
    tenant_code       varchar(12)  collate "C" not null,
    service_point     varchar(100) not null,
    answered_by       varchar(60)  not null,
    asked_at          timestamptz  not null,
    question          varchar(500) not null,
    answer            varchar(2000),
    item_code         varchar(32)  collate "C",
    applicant_contact varchar(50),
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, tenant_code) references tenant (county_code, code)
);
create index consultation_tenant_time on consultation (tenant_code, asked_at desc);

-- Case number sequences, one per county and period ('20261130' per day, '2026' per year, '-' never restarting).
-- Safe under concurrent intake: insert ... on conflict do update ... returning takes the row lock, so two
-- acceptances in one county and day get consecutive numbers and never the same one. The row belongs to the
-- county's tenant; a village clerk's scope (its own 12 digits) cannot see it, so the application reaches it only
-- through ow_next_case_sequence below.
create table case_number_sequence (
    county_code varchar(12) collate "C" not null,
    period      varchar(8)  collate "C" not null,
    last_value  bigint      not null,
    primary key (county_code, period),
    check (last_value >= 1)
);

-- The next number for the caller's county: the county is derived from the caller's scope, never passed, so
-- nobody draws numbers for another county.
create function ow_next_case_sequence(p_period text) returns bigint
    language sql volatile security definer
    set search_path = ${schema}, pg_temp
as $$
    insert into case_number_sequence (county_code, period, last_value)
    select left(ow_scope(), 6) || '000000', p_period, 1
     where ow_scope() is not null
    on conflict (county_code, period) do update set last_value = case_number_sequence.last_value + 1
    returning last_value
$$;
revoke all on function ow_next_case_sequence(text) from public;

-- The progress lookup (进度查询) has no login and so no scope: this is its one door, by case number. It returns
-- only what the receipt shows and the check code's hash to compare; no name, no ID number.
create function ow_case_progress(p_case_number text)
    returns table (case_number text, state text, item_name text, check_code_hash text, accepted_on date,
                   promised_due_date date, due_dates_provisional boolean)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select c.case_number::text, c.state::text, c.item_name::text, c.check_code_hash::text, c.accepted_on,
           c.promised_due_date, c.due_dates_provisional
      from case_file c
     where c.case_number = p_case_number
$$;
revoke all on function ow_case_progress(text) from public;

-- A key of POST /api/v1/cases: the same key with the same body answers the same, with another body 422.
-- The answer is sealed (AES-GCM, the personal-data key): it holds the check code shown once.
create table idempotency_key (
    county_code     varchar(12)  collate "C" not null,
    tenant_code     varchar(12)  collate "C" not null,
    idem_key        varchar(100) not null,
    request_hash    char(64)     not null,
    case_id         uuid         not null,
    response_sealed text         not null,
    created_at      timestamptz  not null,
    primary key (county_code, tenant_code, idem_key),
    foreign key (county_code, tenant_code) references tenant (county_code, code)
);

alter table case_file enable row level security;
alter table case_file force row level security;
alter table case_material enable row level security;
alter table case_material force row level security;
alter table case_step enable row level security;
alter table case_step force row level security;
alter table case_pause enable row level security;
alter table case_pause force row level security;
alter table consultation enable row level security;
alter table consultation force row level security;
alter table case_number_sequence enable row level security;
alter table case_number_sequence force row level security;
alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;

create policy case_file_scope on case_file using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy case_material_scope on case_material
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy case_step_read on case_step for select using (ow_visible(tenant_code));
create policy case_step_append on case_step for insert with check (ow_visible(tenant_code));
create policy case_pause_scope on case_pause using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy consultation_scope on consultation
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
-- The two security-definer doors above run as the owner, which forced row-level security binds too: these
-- policies let the owner (the role running this migration) through, and nobody else. The application role gets
-- no policy on the sequences at all, so it reaches them only through ow_next_case_sequence.
create policy case_file_owner_door on case_file for select to current_user using (true);
create policy case_number_sequence_owner_door on case_number_sequence to current_user using (true) with check (true);
create policy idempotency_key_scope on idempotency_key
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));

grant select, insert, update on case_file to ${appRole};
grant select, insert, update, delete on case_material, case_pause to ${appRole};
grant select, insert on case_step, consultation, idempotency_key to ${appRole};
grant execute on function ow_next_case_sequence(text), ow_case_progress(text) to ${appRole};
