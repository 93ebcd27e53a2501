-- pgbench script: what one GET /api/v1/tenants/{parent}/children does in the database, as the
-- application role (row-level security applies): the scope, em.find of the parent, the children.
-- run.sh passes -D scope=370321 -D parent=370321000000 and -M prepared, so both are bind parameters
-- ($1) as they are over JDBC.
BEGIN;
select set_config('app.scope', :scope, true);
select code, county_code, parent_code, level, name, version, created_at from tenant where code = :parent;
select code, county_code, parent_code, level, name, version, created_at from tenant where parent_code = :parent order by code;
COMMIT;
