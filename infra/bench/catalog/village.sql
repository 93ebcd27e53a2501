-- pgbench script: the database work of GET /api/v1/catalog/items?tenant={village}, as the application role
-- (row-level security on) with the visitor's scope: the tenant's existence, the overrides of its chain
-- (county, town, village) and every standard item in force (all their elements). -M prepared; run.sh passes
-- -D village=… -D town=… -D county=….
BEGIN;
select set_config('app.scope', :village, true);
select code from tenant where code = :village;
select county_code, id, tenant_code, item_code, base_version, patch, version, updated_at from item_override where tenant_code in (:county, :town, :village);
select id, item_code, version_no, state, name, elements, version, created_at, published_at from item_version where state = 'PUBLISHED' and strpos(name, '') > 0 order by item_code;
COMMIT;
