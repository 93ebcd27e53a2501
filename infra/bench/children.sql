-- pgbench script: the database work of one GET /api/v1/tenants/{parent}/children as it was when the
-- ratio's baseline was set (issue 9), as the application role (row-level security applies): the scope,
-- the parent, the children. It stays the yardstick: the read now asks for the parent only when the
-- division has no children, and the ratio credits what it no longer sends.
-- run.sh passes -D scope=370321 -D parent=370321000000 and -M prepared, so both are bind parameters
-- ($1) as they are over JDBC.
BEGIN;
select set_config('app.scope', :scope, true);
select code, county_code, parent_code, level, name, version, created_at from tenant where code = :parent;
select code, county_code, parent_code, level, name, version, created_at from tenant where parent_code = :parent order by code;
COMMIT;
