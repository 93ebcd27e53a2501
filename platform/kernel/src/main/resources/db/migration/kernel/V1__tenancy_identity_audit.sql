-- Tenancy, staff identity and the audit trail.
-- Runs as the owner role. The application role (${appRole}) owns nothing and is not superuser, so
-- the row-level security policies below hold for every statement it sends, hand-written SQL included.

-- The caller's scope: a division-code prefix of 6 (county), 9 (town/street) or 12 (village) digits,
-- set per transaction with set_config('app.scope', ..., true). Anything else means: nothing visible.
create function ow_scope() returns text
    language sql stable parallel safe
as $$
    select case when current_setting('app.scope', true) ~ '^[0-9]{6}([0-9]{3}){0,2}$'
                then current_setting('app.scope', true) end
$$;

-- Whether a division code lies in the caller's scope. Written as a range, not LIKE, so that the
-- planner can use the btree index on the code column with the (stable) scope as its bound.
create function ow_visible(code text) returns boolean
    language sql stable parallel safe
as $$
    select code >= ow_scope() and code < ow_scope() || ':'
$$;

create table tenant (
    county_code varchar(12) collate "C" not null,
    code        varchar(12) collate "C" not null,
    parent_code varchar(12) collate "C",
    level       varchar(10) not null,
    name        varchar(50) not null,
    version     integer     not null default 0,
    created_at  timestamptz not null default now(),
    -- The county is part of every key so that the schema can later be distributed by county (Citus).
    primary key (county_code, code),
    unique (code),
    foreign key (county_code, parent_code) references tenant (county_code, code),
    check (code ~ '^[0-9]{12}$'),
    check (county_code = left(code, 6) || '000000'),
    check (level in ('COUNTY', 'TOWN', 'STREET', 'VILLAGE', 'COMMUNITY')),
    check ((level = 'COUNTY') = (parent_code is null))
);
create index tenant_parent on tenant (parent_code);

create table service_point (
    county_code varchar(12) collate "C" not null,
    id          uuid        not null,
    tenant_code varchar(12) collate "C" not null,
    name        varchar(50) not null,
    kind        varchar(20) not null,
    address     varchar(200),
    version     integer     not null default 0,
    primary key (county_code, id),
    unique (id),
    unique (county_code, tenant_code, name),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    check (kind in ('COUNTY_CENTRE', 'TOWN_CENTRE', 'VILLAGE_STATION', 'SELF_SERVICE_24H'))
);

create table service_window (
    county_code      varchar(12) collate "C" not null,
    id               uuid        not null,
    tenant_code      varchar(12) collate "C" not null,
    service_point_id uuid        not null,
    name             varchar(50) not null,
    type             varchar(24) not null,
    version          integer     not null default 0,
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, service_point_id) references service_point (county_code, id),
    foreign key (county_code, tenant_code) references tenant (county_code, code)
);
create index service_window_point on service_window (service_point_id);

create table department (
    county_code varchar(12) collate "C" not null,
    id          uuid        not null,
    tenant_code varchar(12) collate "C" not null,
    code        varchar(16) not null,
    name        varchar(50) not null,
    short_name  varchar(50) not null,
    primary key (county_code, id),
    unique (id),
    unique (county_code, tenant_code, code),
    foreign key (county_code, tenant_code) references tenant (county_code, code)
);

create table staff_account (
    county_code   varchar(12) collate "C" not null,
    id            uuid         not null,
    tenant_code   varchar(12) collate "C" not null,
    username      varchar(40)  not null,
    display_name  varchar(50)  not null,
    password_hash varchar(300) not null,
    roles         varchar(200) not null,
    departments   varchar(400) not null default '',
    failed_logins integer      not null default 0,
    locked_until  timestamptz,
    enabled       boolean      not null default true,
    version       integer      not null default 0,
    primary key (county_code, id),
    unique (id),
    -- One login name across the whole deployment (one identity per person, CH-2).
    unique (username),
    foreign key (county_code, tenant_code) references tenant (county_code, code)
);
create index staff_account_tenant on staff_account (tenant_code);

-- Append-only: the application role may insert and read, never update or delete.
create table audit_entry (
    county_code  varchar(12) collate "C" not null,
    id           uuid         not null,
    tenant_code  varchar(12) collate "C" not null,
    seq          bigint       not null,
    occurred_at  timestamptz  not null,
    actor        varchar(60)  not null,
    action       varchar(60)  not null,
    subject_type varchar(40)  not null,
    subject_id   varchar(100) not null,
    before_state text,
    after_state  text,
    prev_hash    char(64)     not null,
    hash         char(64)     not null,
    primary key (county_code, id),
    unique (county_code, tenant_code, seq),
    foreign key (county_code, tenant_code) references tenant (county_code, code)
);
create index audit_entry_time on audit_entry (tenant_code, occurred_at desc);

-- Row-level security on every tenant table.
alter table tenant enable row level security;
alter table service_point enable row level security;
alter table service_window enable row level security;
alter table department enable row level security;
alter table staff_account enable row level security;
alter table audit_entry enable row level security;

create policy tenant_scope on tenant using (ow_visible(code)) with check (ow_visible(code));
create policy service_point_scope on service_point using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy service_window_scope on service_window using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy department_scope on department using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy staff_account_scope on staff_account using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy audit_entry_read on audit_entry for select using (ow_visible(tenant_code));
create policy audit_entry_append on audit_entry for insert with check (ow_visible(tenant_code));

-- Before login nobody has a scope; this is the one door through it: the home tenant of a login name.
create function ow_login_home(p_username text)
    returns table (tenant_code text, tenant_level text, tenant_name text)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select a.tenant_code, t.level, t.name
      from staff_account a join tenant t on t.code = a.tenant_code
     where a.username = p_username
$$;
revoke all on function ow_login_home(text) from public;

grant usage on schema ${schema} to ${appRole};
grant select, insert, update on tenant, service_point, service_window, department, staff_account to ${appRole};
grant delete on service_window to ${appRole};
grant select, insert on audit_entry to ${appRole};
grant execute on function ow_scope(), ow_visible(text), ow_login_home(text) to ${appRole};
