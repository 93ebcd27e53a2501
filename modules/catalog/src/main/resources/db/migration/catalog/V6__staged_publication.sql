-- A publication in short steps (issue 12, ADR 0012): each county's overrides are re-based into new rows on the new
-- version in a transaction of that county's own, beside the rows on the version in force; one small transaction
-- then puts the new version in force, and with it every staged row, because readers take the overrides and
-- conflicts based on the version in force and no others. The rows of the old version are removed afterwards.

-- An override, and a pending conflict, belong to the version of the item they were made or re-based on: while a
-- publication runs, a tenant has one row on the version in force and one staged on the next.
alter table item_override drop constraint item_override_county_code_tenant_code_item_code_key;
alter table item_override add unique (county_code, tenant_code, item_code, base_version);
-- A draft discarded after a failed publication takes what was staged on it along (a version that was ever in
-- force cannot be deleted: ow_only_drafts_deleted).
alter table item_override drop constraint item_override_item_code_base_version_fkey;
alter table item_override add foreign key (item_code, base_version)
    references item_version (item_code, version_no) on delete cascade;
-- One county's overrides of one item on one version, through an index: what each step of a publication reads.
-- The old index on (item_code, tenant_code) made each county's step read the item's overrides of the whole country
-- and let row-level security drop all but its own.
drop index item_override_item;
create index item_override_item on item_override (item_code, county_code, base_version);

-- The version a pending conflict waits on: the version in force, or the next one while it is being published.
-- to_version stays the version whose update raised the conflict (shown to the administrator).
alter table item_conflict add column base_version integer;
update item_conflict c set base_version = v.version_no
  from item_version v where v.item_code = c.item_code and v.state = 'PUBLISHED';
update item_conflict set base_version = to_version where base_version is null;
alter table item_conflict alter column base_version set not null;
alter table item_conflict drop constraint item_conflict_county_code_tenant_code_item_code_element_key;
alter table item_conflict add unique (county_code, tenant_code, item_code, element, base_version);
alter table item_conflict add foreign key (item_code, base_version)
    references item_version (item_code, version_no) on delete cascade;
create index item_conflict_item on item_conflict (item_code, county_code, base_version);

-- The counties holding overrides of an item on one version (the one in force when a publication starts).
drop function ow_counties_overriding(text);
create function ow_counties_overriding(p_item text, p_version integer) returns setof text
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select distinct county_code::text from item_override
     where item_code = p_item and base_version = p_version order by 1
$$;
revoke all on function ow_counties_overriding(text, integer) from public;
grant execute on function ow_counties_overriding(text, integer) to ${appRole};

-- The publication's steps. A publication is QUEUED, then RUNNING (counties staged in lanes that run side by side,
-- each lane through its share of the counties in the order of their codes: lanes_done holds how many each lane
-- staged, written in each county's own transaction), then SETTLING (the new
-- version is in force since in_force_at; the old version's rows are removed and the re-bases entered in each
-- tenant's audit trail, county by county), then SUCCEEDED. A failure while RUNNING discards what was staged and
-- ends FAILED with the old version in force.
alter table publication drop constraint publication_state_check;
alter table publication add constraint publication_state_check
    check (state in ('QUEUED', 'RUNNING', 'SETTLING', 'SUCCEEDED', 'FAILED'));
alter table publication add column from_version integer;
alter table publication add column lanes_done integer[];
alter table publication add column counties_settled integer not null default 0;
alter table publication add column in_force_at timestamptz;
-- Who works on the publication (a node's run: host and a random id), until when. The worker renews the lease with
-- every step; any node takes over a publication whose lease ran out (its node stopped or hangs), and a step whose
-- worker is no longer the one named here changes nothing (it rolls back).
alter table publication add column worker varchar(100);
alter table publication add column lease_until timestamptz;
drop index publication_one_at_a_time;
create unique index publication_one_at_a_time on publication (item_code) where state in ('QUEUED', 'RUNNING', 'SETTLING');
-- A publication open under the earlier build ran in one transaction, which rolled back when its server stopped.
update publication
   set state = 'FAILED', error_key = 'catalog.publication.interrupted',
       error_text = '服务器在发布过程中停止，发布未完成，所有区划仍为原版本：升级', finished_at = now(), counties_done = 0
 where state in ('QUEUED', 'RUNNING');
