-- Settings inherited down the tenant tree (issue 11): a value a division set for itself and the divisions below it.
-- Which settings exist, their defaults and which tiers may set them are the kernel's Setting; a row holds one value.

create table tenant_setting (
    county_code  varchar(12)  collate "C" not null,
    tenant_code  varchar(12)  collate "C" not null,
    -- The prefix of the division's codes (ADR 0001): the value holds for every code that starts with it, so the
    -- divisions a value reaches, and those whose values reach a division, follow without walking the tree.
    scope_prefix varchar(12)  collate "C" not null,
    name         varchar(40)  not null,
    value        varchar(200) not null,
    changed_at   timestamptz  not null default now(),
    changed_by   varchar(64)  not null,
    primary key (county_code, tenant_code, name),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    check (county_code = left(tenant_code, 6) || '000000'),
    check (length(scope_prefix) in (6, 9, 12) and starts_with(tenant_code, scope_prefix))
);

-- A division reads the values of its own subtree and those of the divisions above it (whose values it inherits);
-- it writes only within its scope. The service lets an administrator write its own division's values only.
alter table tenant_setting enable row level security;
alter table tenant_setting force row level security;
create policy tenant_setting_read on tenant_setting for select
    using (ow_visible(tenant_code) or starts_with(ow_scope(), scope_prefix));
create policy tenant_setting_insert on tenant_setting for insert with check (ow_visible(tenant_code));
create policy tenant_setting_update on tenant_setting for update
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));
create policy tenant_setting_delete on tenant_setting for delete using (ow_visible(tenant_code));

grant select, insert, update, delete on tenant_setting to ${appRole};
