-- A standard version is published for every county of the deployment, but a standards editor's scope is
-- one county. This function tells the publication which counties hold overrides of an item (county codes
-- only, nothing of the overrides themselves); the re-base then runs in each county's own scope.
create function ow_counties_overriding(p_item text) returns setof text
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select distinct county_code::text from item_override where item_code = p_item order by 1
$$;
revoke all on function ow_counties_overriding(text) from public;
grant execute on function ow_counties_overriding(text) to ${appRole};
