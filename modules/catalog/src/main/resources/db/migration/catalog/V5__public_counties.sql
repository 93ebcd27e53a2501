-- The public catalog's place picker must offer the deployment's counties before a visitor has chosen one,
-- but every read of the tenant table is limited to one scope. This function names the counties (codes only,
-- which are public division codes, GB/T 2260) and nothing else; their names are then read in each county's
-- own visitor scope.
create function ow_public_counties() returns setof text
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select code::text from tenant where level = 'COUNTY' order by 1
$$;
revoke all on function ow_public_counties() from public;
grant execute on function ow_public_counties() to ${appRole};
