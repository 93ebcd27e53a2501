-- The console's staff management (issue 11) and the county's working-day calendar (issue 10, ADR 0005).

-- A password set by an administrator (a new account, a reset) is known to two people: its holder must replace it at
-- the next login, before any page or token is given.
alter table staff_account add column password_change_required boolean not null default false;
-- The windows (service_window ids) a clerk serves at, comma-separated; like departments, of the account's own tenant.
alter table staff_account add column windows varchar(1000) not null default '';

-- A county's working-day calendar: the days of the State Council's holiday notices and the county's own days
-- (local = true), one entry a day. Unlisted days follow the weekday rule.
create table working_day (
    county_code varchar(12) collate "C" not null,
    day         date        not null,
    kind        varchar(10) not null,
    name        varchar(50) not null,
    local       boolean     not null default false,
    primary key (county_code, day),
    foreign key (county_code) references tenant (code),
    check (kind in ('HOLIDAY', 'WORKDAY')),
    check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7))
);

-- The years whose national notice the county has loaded: a year without one follows the weekday rule and its due
-- dates are provisional (ADR 0005), whatever local days it has.
create table calendar_year (
    county_code varchar(12) collate "C" not null,
    year        integer     not null,
    loaded_at   timestamptz not null default now(),
    primary key (county_code, year),
    foreign key (county_code) references tenant (code)
);

-- Everybody of a county counts days on the county's calendar (a village's clerk too), so reading is by county;
-- only a county-wide scope writes it.
alter table working_day enable row level security;
alter table calendar_year enable row level security;
alter table working_day force row level security;
alter table calendar_year force row level security;
create policy working_day_read on working_day for select using (left(county_code, 6) = left(ow_scope(), 6));
create policy working_day_write on working_day for insert with check (ow_visible(county_code));
create policy working_day_update on working_day for update using (ow_visible(county_code)) with check (ow_visible(county_code));
create policy working_day_delete on working_day for delete using (ow_visible(county_code));
create policy calendar_year_read on calendar_year for select using (left(county_code, 6) = left(ow_scope(), 6));
create policy calendar_year_write on calendar_year for insert with check (ow_visible(county_code));
create policy calendar_year_delete on calendar_year for delete using (ow_visible(county_code));

grant select, insert, update, delete on working_day to ${appRole};
grant select, insert, delete on calendar_year to ${appRole};
