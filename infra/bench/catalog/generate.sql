-- Catalog benchmark data, generated in the database as the owner role (row-level security does not apply to
-- the tables' owner). run.sh passes: items (1000), counties (100), towns (20 per county), villages (10 per
-- town), overridden (50: the items each overriding tenant changes). Nothing of this is committed.
--
-- Items GEN-0001 … GEN-1000 are copies of the demo item RS-0001 with their own code and name. Counties are
-- 38xxxx000000 (outside the demo county 370321), towns 38xxxx1jj000, villages 38xxxx1jj2kk. One tenant in ten
-- at each tier (county, town, village; index ending in 1), and one in ten of the demo county's towns and
-- villages with the demo county itself, overrides the items GEN-0001, GEN-0021, GEN-0041, … (every 20th,
-- :overridden of them) with a local note, so village 380001101201 has a three-tier chain on each of them.
\set ON_ERROR_STOP on
begin;

insert into item_version (id, item_code, version_no, state, name, elements, published_at)
select gen_random_uuid(), g.code, 1, 'PUBLISHED', g.name,
       jsonb_set(jsonb_set(t.elements::jsonb, '{code}', to_jsonb(g.code)), '{name}', to_jsonb(g.name))::text, now()
from (select elements from item_version where item_code = 'RS-0001' and state = 'PUBLISHED') t,
     lateral (select format('GEN-%s', lpad(i::text, 4, '0')) as code, format('基准测试事项%s', i) as name
              from generate_series(1, :items) i) g;

insert into tenant (county_code, code, parent_code, level, name)
select format('38%s000000', lpad(i::text, 4, '0')), format('38%s000000', lpad(i::text, 4, '0')), null, 'COUNTY',
       format('基准县%s', i)
from generate_series(1, :counties) i;

insert into tenant (county_code, code, parent_code, level, name)
select c.county_code, left(c.code, 6) || (100 + j)::text || '000', c.code, 'TOWN', format('%s镇%s', c.name, j)
from tenant c, generate_series(1, :towns) j
where c.code like '38%' and c.level = 'COUNTY';

insert into tenant (county_code, code, parent_code, level, name)
select t.county_code, left(t.code, 9) || (200 + k)::text, t.code, 'VILLAGE', format('%s村%s', t.name, k)
from tenant t, generate_series(1, :villages) k
where t.code like '38%' and t.level = 'TOWN';

-- The overriding tenants: index ending in 1 at its tier among the generated ones, one in ten of the demo county's.
create temporary table overriding on commit drop as
select county_code, code, level from tenant
where code like '38%'
  and case level when 'COUNTY' then substr(code, 3, 4)::int % 10 = 1
                 when 'TOWN' then (substr(code, 7, 3)::int - 100) % 10 = 1
                 else (substr(code, 10, 3)::int - 200) % 10 = 1 end
union all
select county_code, code, level from (
    select county_code, code, level, row_number() over (partition by level order by code) as n
    from tenant where county_code = '370321000000') demo
where level = 'COUNTY' or n % 10 = 1;

insert into item_override (county_code, id, tenant_code, item_code, base_version, patch)
select o.county_code, gen_random_uuid(), o.code, format('GEN-%s', lpad(i::text, 4, '0')), 1,
       json_build_object('localNotes', format('%s 本级说明（基准测试）', o.code))::text
from overriding o, generate_series(1, :overridden * 20, 20) i;

commit;
analyze item_version;
analyze tenant;
analyze item_override;

select (select count(*) from item_version where state = 'PUBLISHED') as items_in_force,
       (select count(*) from tenant where code like '38%' and level = 'COUNTY') as counties,
       (select count(*) from tenant where code like '38%' and level = 'TOWN') as towns,
       (select count(*) from tenant where code like '38%' and level = 'VILLAGE') as villages,
       (select count(*) from item_override) as overrides;
