-- A village merge stays revertible until confirmed (docs/adr/0014, kernel V8): the catalog keeps what each change did
-- to the retired village's overrides and their open conflicts, so that a revert puts back exactly that. A row moved to
-- the successor is named by its id and moves back; a row dropped for the successor's own override of the item is kept
-- whole and comes back as it was. What the successor had before or made since stays with it.
create table override_division_move (
    county_code    varchar(12) collate "C" not null,
    change_id      uuid        not null,
    -- item_override or item_conflict
    kind           varchar(10) not null,
    row_id         uuid        not null,
    -- The retired division the row came from, and the successor it went to.
    tenant_code    varchar(12) collate "C" not null,
    successor_code varchar(12) collate "C" not null,
    -- The whole row when the change dropped it (the successor had its own override of the item); null when it moved.
    dropped        jsonb,
    primary key (change_id, kind, row_id),
    check (county_code = left(tenant_code, 6) || '000000'),
    check (kind in ('OVERRIDE', 'CONFLICT'))
);

alter table override_division_move enable row level security;
alter table override_division_move force row level security;
create policy override_division_move_scope on override_division_move
    using (ow_visible(tenant_code) and ow_visible(successor_code))
    with check (ow_visible(tenant_code) and ow_visible(successor_code));
grant select, insert on override_division_move to ${appRole};
