-- The console's service points, windows and departments (issue 11, TEN-2, TEN-3).

-- What the public guide prints of a service point: its opening hours (营业时间, one entry a weekday, a lunch break as
-- Chinese halls keep it; written by the kernel's OpeningHours), its telephone and its self-service area (自助服务区).
alter table service_point add column opening_hours     varchar(400) not null default '';
alter table service_point add column contact_phone     varchar(40);
alter table service_point add column self_service      boolean      not null default false;
alter table service_point add column self_service_hours varchar(40);

-- The catalog items a window takes in (item codes, comma-separated); null: every item offered at its division.
alter table service_window add column items varchar(4000);

-- The catalog items a department handles at its division (item codes, comma-separated); reviewers stay on the
-- staff account (its departments), which is what routes review tasks.
alter table department add column items varchar(4000) not null default '';
alter table department add column version integer not null default 0;

-- A service point closed on given days (停止对外服务: renovation, power cut); the public guide shows it and the
-- point's windows take nothing in on those days.
create table service_point_closure (
    county_code      varchar(12)  collate "C" not null,
    id               uuid         not null,
    tenant_code      varchar(12)  collate "C" not null,
    service_point_id uuid         not null,
    first_day        date         not null,
    last_day         date         not null,
    reason           varchar(200) not null,
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, service_point_id) references service_point (county_code, id),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    check (county_code = left(tenant_code, 6) || '000000'),
    check (last_day >= first_day)
);
create index service_point_closure_point on service_point_closure (service_point_id, first_day);

alter table service_point_closure enable row level security;
alter table service_point_closure force row level security;
create policy service_point_closure_scope on service_point_closure
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));

-- Update only so that a division change (区划调整) can move a point's closures with the point to its new division.
grant select, insert, update, delete on service_point_closure to ${appRole};
