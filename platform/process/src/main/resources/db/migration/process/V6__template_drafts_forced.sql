-- Row-level security forced on the template drafts (issue 9, docs/adr/0028); the owner role, which runs the
-- migrations, passes through a door of its own instead of by owning the table; nobody else does.
create policy process_template_draft_owner_door on process_template_draft to current_user using (true) with check (true);

alter table process_template_draft force row level security;

-- The rules of the engine's own rows (Flowable's tenant_id_), which ProcessSchema applies to the engine's tables
-- once Flowable has made them. An engine row belongs to no tenant when its tenant is empty (the engine's default)
-- or 'standard' (the standard templates every county inherits): anyone may see it, as the standard items.
create function ow_engine_shared(tenant text) returns boolean
    language sql immutable parallel safe
as $$
    select coalesce(tenant, '') in ('', 'standard')
$$;

-- A run, its tasks and its history are seen and written in the county of its tenant (the case's division): the
-- county is the partition of every table (ADR 0001), and a case that follows a division change within its county
-- (V70 of casework) keeps its runs under the old code, where a subtree rule would lose them. Which case of the
-- county a caller may see its own tables decide; the engine is reached only through a case's run id.
create function ow_engine_county(tenant text) returns boolean
    language sql stable parallel safe
as $$
    select ow_engine_shared(tenant) or coalesce(left(tenant, 6) = left(ow_scope(), 6), false)
$$;

grant execute on function ow_engine_shared(text), ow_engine_county(text) to ${appRole};
