-- A village merge (撤村并居, docs/adr/0014) stays revertible until an administrator confirms it (issue 11): the change
-- keeps what moved with it, so that a revert puts back exactly those rows and nothing the successor had or made since.
-- The kernel's rows are listed here; each module keeps its own (casework: the cases that followed).
create table division_change (
    county_code    varchar(12) collate "C" not null,
    id             uuid        not null,
    -- The retired division (the merged village): the change is seen by those who see it.
    tenant_code    varchar(12) collate "C" not null,
    successor_code varchar(12) collate "C" not null,
    kind           varchar(16) not null,
    state          varchar(12) not null default 'PENDING',
    made_at        timestamptz not null default now(),
    made_by        varchar(64) not null,
    decided_at     timestamptz,
    decided_by     varchar(64),
    -- What moved, as ids: staff, servicePoints (with the name each had), windows, closures, departments; and the
    -- settings the retired division had set for itself, whole rows, since the change ended them.
    moved          jsonb       not null,
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, tenant_code) references tenant (county_code, code),
    foreign key (county_code, successor_code) references tenant (county_code, code),
    check (county_code = left(tenant_code, 6) || '000000'),
    check (kind in ('MERGED')),
    check (state in ('PENDING', 'CONFIRMED', 'REVERTED')),
    check ((state = 'PENDING') = (decided_at is null))
);
create index division_change_pending on division_change (county_code, made_at) where state = 'PENDING';

alter table division_change enable row level security;
alter table division_change force row level security;
create policy division_change_scope on division_change
    using (ow_visible(tenant_code) and ow_visible(successor_code))
    with check (ow_visible(tenant_code) and ow_visible(successor_code));

grant select, insert, update on division_change to ${appRole};

-- A service point is removed (issue 11) when no staff member serves at its windows and no open case names it: cases
-- print the point's name, not its row, so the record needs no row; its windows and closures go with it, audited.
grant delete on service_point to ${appRole};
