-- The standard catalog (标准事项目录), tenants' overrides of it (本级调整) and the conflicts a standards
-- update leaves them to resolve (版本更新冲突). Runs as the owner role, like V1.

-- Standard item versions are shared standard data: no tenant, no row-level security, everyone reads them.
-- Who may write them (the standards team) is checked by the application service.
create table item_version (
    id           uuid         not null,
    item_code    varchar(32)  collate "C" not null,
    version_no   integer      not null,
    state        varchar(10)  not null,
    -- The item's name, copied out of the elements so that the public search can find it.
    name         varchar(200) not null,
    -- The elements in the standard catalog's JSON shape.
    elements     text         not null,
    version      integer      not null default 0,
    created_at   timestamptz  not null default now(),
    published_at timestamptz,
    primary key (id),
    unique (item_code, version_no),
    check (version_no >= 1),
    check (state in ('DRAFT', 'PUBLISHED', 'RETIRED')),
    check ((state = 'DRAFT') = (published_at is null))
);
-- At most one version of an item is in force, and the standards team edits at most one draft at a time.
create unique index item_version_in_force on item_version (item_code) where state = 'PUBLISHED';
create unique index item_version_one_draft on item_version (item_code) where state = 'DRAFT';

create table item_override (
    county_code  varchar(12) collate "C" not null,
    id           uuid        not null,
    tenant_code  varchar(12) collate "C" not null,
    item_code    varchar(32) collate "C" not null,
    base_version integer     not null,
    -- A JSON Merge Patch (RFC 7396) of the elements a tier may change.
    patch        text        not null,
    version      integer     not null default 0,
    updated_at   timestamptz not null default now(),
    primary key (county_code, id),
    unique (id),
    unique (county_code, tenant_code, item_code),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    foreign key (item_code, base_version) references item_version (item_code, version_no)
);
create index item_override_item on item_override (item_code, tenant_code);
create index item_override_tenant on item_override (tenant_code, item_code);

create table item_conflict (
    county_code  varchar(12) collate "C" not null,
    id           uuid        not null,
    tenant_code  varchar(12) collate "C" not null,
    item_code    varchar(32) collate "C" not null,
    element      varchar(64) not null,
    -- The three values as JSON texts ('null' when absent).
    old_standard text        not null,
    new_standard text        not null,
    local_value  text        not null,
    reason       varchar(40) not null,
    to_version   integer     not null,
    created_at   timestamptz not null default now(),
    primary key (county_code, id),
    unique (id),
    unique (county_code, tenant_code, item_code, element),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    foreign key (item_code, to_version) references item_version (item_code, version_no),
    check (reason in ('BOTH_CHANGED', 'NOT_ALLOWED_BY_NEW_STANDARD'))
);
create index item_conflict_tenant on item_conflict (tenant_code, item_code);

-- Whether a division code is in the caller's scope, or is one of the scope's ancestors: a village's
-- effective item needs its county's and its town's overrides, which lie outside its subtree. A county's
-- code (ending in 000000) is an ancestor of every scope starting with its 6 digits, a town's (ending in
-- 000) of every scope starting with its 9, a village's only of its own 12-digit scope.
create function ow_ancestor_or_visible(code text) returns boolean
    language sql stable parallel safe
as $$
    select ow_visible(code)
        or coalesce(starts_with(ow_scope(),
                                case when code like '%000000' then left(code, 6)
                                     when code like '%000' then left(code, 9)
                                     else code end), false)
$$;

alter table item_override enable row level security;
alter table item_conflict enable row level security;

-- Reading reaches the ancestors too; writing only the caller's own subtree.
create policy item_override_read on item_override for select using (ow_ancestor_or_visible(tenant_code));
create policy item_override_insert on item_override for insert with check (ow_visible(tenant_code));
create policy item_override_update on item_override for update
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy item_override_delete on item_override for delete using (ow_visible(tenant_code));
create policy item_conflict_scope on item_conflict using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));

grant select, insert, update on item_version to ${appRole};
grant select, insert, update, delete on item_override, item_conflict to ${appRole};
grant execute on function ow_ancestor_or_visible(text) to ${appRole};
