-- pgbench script: the raw read beside the public progress lookup, the generated case n by its primary key
-- (county_code, id = md5(n)::uuid, generate.sql) as the owner role, one statement, no scope: what a lookup
-- could cost at the least. -M prepared; run.sh passes -D rows=….
\set n random(1, :rows)
select case_number, state, item_name, check_code_hash, accepted_on, promised_due_date, due_dates_provisional
  from case_file where county_code = '370321000000' and id = md5(:n::text)::uuid;
