-- Issuance (统一出件) and notifying the applicant: the decision letter's number, the licence a case issues, the
-- applicant's mobile for text messages, the in-app messages of the applicant's record and the SMS outbox.
-- Runs as the owner role. Conventions as in V1: the county in every primary key, row-level security enabled and
-- forced on every table, policies through ow_visible(tenant_code), grants to ${appRole} only of what it needs.
-- Numbered 20 so that it never collides with the case flow's own migrations (V3 onwards).

-- Document numbers (文号) of a county, one sequence per series and year: the decision letters (准予 / 不予许可决定书)
-- and the licences. Drawn like the case numbers: the upsert holds the row lock, so concurrent issuances in one
-- county never get the same number.
create table document_number_sequence (
    county_code varchar(12) collate "C" not null,
    series      varchar(16) collate "C" not null,
    year        integer     not null,
    last_value  bigint      not null,
    primary key (county_code, series, year),
    check (series in ('APPROVAL', 'REJECTION', 'LICENCE')),
    check (last_value >= 1)
);

-- The next number of a series for the caller's county: the county comes from the caller's scope, never passed.
create function ow_next_document_number(p_series text, p_year integer) returns bigint
    language sql volatile security definer
    set search_path = ${schema}, pg_temp
as $$
    insert into document_number_sequence (county_code, series, year, last_value)
    select left(ow_scope(), 6) || '000000', p_series, p_year, 1
     where ow_scope() is not null
    on conflict (county_code, series, year) do update set last_value = document_number_sequence.last_value + 1
    returning last_value
$$;
revoke all on function ow_next_document_number(text, integer) from public;

-- The decision letter of a decided case (决定书), numbered once when it is issued; the PDF is rendered from the case.
create table case_decision_letter (
    county_code     varchar(12)  collate "C" not null,
    case_id         uuid         not null,
    tenant_code     varchar(12)  collate "C" not null,
    document_number varchar(40)  collate "C" not null,
    approved        boolean      not null,
    issued_on       date         not null,
    issued_by       varchar(60)  not null,
    primary key (county_code, case_id),
    unique (county_code, document_number),
    foreign key (county_code, case_id) references case_file (county_code, id)
);

-- A licence (证照) an approved case issues, for the e-licence library (电子证照库) that follows: its number, the
-- holder as the case names them (a person's ID number masked: the case keeps it sealed), the validity.
create table licence (
    county_code      varchar(12)  collate "C" not null,
    id               uuid         not null,
    tenant_code      varchar(12)  collate "C" not null,
    case_id          uuid         not null,
    licence_number   varchar(40)  collate "C" not null,
    -- The catalog's licence type code (证照类型), e.g. BUSINESS_LICENSE.
    licence_type     varchar(40)  collate "C" not null,
    item_code        varchar(32)  collate "C" not null,
    item_name        varchar(200) not null,
    holder_name      varchar(100) not null,
    holder_kind      varchar(12)  not null,
    holder_id_masked varchar(18),
    holder_uscc      varchar(18),
    valid_from       date         not null,
    -- Null: valid without end (长期有效).
    valid_to         date,
    issued_on        date         not null,
    issued_by        varchar(60)  not null,
    primary key (county_code, id),
    unique (id),
    unique (county_code, licence_number),
    unique (county_code, case_id),
    foreign key (county_code, case_id) references case_file (county_code, id),
    check (holder_kind in ('PERSON', 'ORGANISATION')),
    check ((holder_kind = 'PERSON') = (holder_id_masked is not null)),
    check ((holder_kind = 'ORGANISATION') = (holder_uscc is not null)),
    check (valid_to is null or valid_to >= valid_from)
);

-- The applicant's mobile for text messages about the case: sealed (AES-GCM, the personal-data key) and masked.
create table case_contact (
    county_code  varchar(12)  collate "C" not null,
    case_id      uuid         not null,
    tenant_code  varchar(12)  collate "C" not null,
    phone_sealed varchar(200) not null,
    phone_masked varchar(11)  not null,
    updated_at   timestamptz  not null,
    primary key (county_code, case_id),
    foreign key (county_code, case_id) references case_file (county_code, id)
);

-- Messages in the applicant's record (站内消息): what the applicant was told about a case, in the applicant's words.
create table applicant_message (
    county_code   varchar(12)  collate "C" not null,
    id            uuid         not null,
    tenant_code   varchar(12)  collate "C" not null,
    case_id       uuid         not null,
    -- The applicant's keyed ID hash (as on case_file) or USCC: whose record it belongs to.
    applicant_key varchar(64)  collate "C" not null,
    kind          varchar(32)  not null,
    body          varchar(500) not null,
    created_at    timestamptz  not null,
    read_at       timestamptz,
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, case_id) references case_file (county_code, id)
);
create index applicant_message_applicant on applicant_message (applicant_key, created_at desc);

-- Text messages waiting for the SMS gateway (短信发件箱): the recipient sealed and masked, the template and its
-- parameters (nothing personal beyond the case number and places), drained by a background job.
create table notification_outbox (
    county_code        varchar(12)  collate "C" not null,
    id                 uuid         not null,
    tenant_code        varchar(12)  collate "C" not null,
    case_id            uuid         not null,
    channel            varchar(8)   not null,
    recipient_sealed   varchar(200) not null,
    recipient_masked   varchar(11)  not null,
    template_key       varchar(60)  not null,
    parameters         jsonb        not null,
    state              varchar(8)   not null,
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz  not null,
    created_at         timestamptz  not null,
    sent_at            timestamptz,
    last_error         varchar(200),
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, case_id) references case_file (county_code, id),
    check (channel in ('SMS')),
    check (state in ('PENDING', 'SENT', 'FAILED')),
    check (attempts >= 0),
    check ((state = 'SENT') = (sent_at is not null))
);
create index notification_outbox_due on notification_outbox (county_code, next_attempt_at) where state = 'PENDING';

-- The counties with text messages due: the drain job's one door across counties. Codes only, nothing else; the job
-- then drains each county under that county's system scope.
create function ow_counties_with_due_notifications(p_now timestamptz) returns setof text
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select distinct county_code::text from notification_outbox where state = 'PENDING' and next_attempt_at <= p_now
$$;
revoke all on function ow_counties_with_due_notifications(timestamptz) from public;

-- A service point the applicant chose for the result must exist in the case's county; the clerk's own scope may be
-- a village that cannot see the others, so this door answers its name by id within the caller's county only.
create function ow_service_point_in_county(p_id uuid) returns table (tenant_code text, name text)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select p.tenant_code::text, p.name::text
      from service_point p
     where p.id = p_id and ow_scope() is not null and p.county_code = left(ow_scope(), 6) || '000000'
$$;
revoke all on function ow_service_point_in_county(uuid) from public;

alter table document_number_sequence enable row level security;
alter table document_number_sequence force row level security;
alter table case_decision_letter enable row level security;
alter table case_decision_letter force row level security;
alter table licence enable row level security;
alter table licence force row level security;
alter table case_contact enable row level security;
alter table case_contact force row level security;
alter table applicant_message enable row level security;
alter table applicant_message force row level security;
alter table notification_outbox enable row level security;
alter table notification_outbox force row level security;

create policy document_number_sequence_owner_door on document_number_sequence to current_user
    using (true) with check (true);
create policy case_decision_letter_scope on case_decision_letter
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy licence_scope on licence using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy case_contact_scope on case_contact using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy applicant_message_scope on applicant_message
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy notification_outbox_scope on notification_outbox
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy notification_outbox_owner_door on notification_outbox for select to current_user using (true);

grant select, insert on case_decision_letter, licence, applicant_message to ${appRole};
grant select, insert, update on case_contact, notification_outbox to ${appRole};
grant execute on function ow_next_document_number(text, integer), ow_counties_with_due_notifications(timestamptz),
    ow_service_point_in_county(uuid) to ${appRole};
