-- Casework benchmark data, generated in the database as the owner role with set-based SQL. run.sh passes: rows
-- (1000000), base (the day of case 1), code (the check code of every generated case) and template (the id of a
-- real case the benchmark's intake accepted: every generated row copies its columns, so it carries a real item
-- snapshot, a sealed ID number and whatever columns later migrations add). Nothing of this is committed.
--
-- Case n (1…rows): id md5(n)::uuid, number 370321-<base + n / 2000 days>-<n % 2000 + 1, 6 digits> (2,000 a day
-- in the county), check code :code. Where: a weighted pick over the county's divisions (the county centre 30
-- shares, each town or street 3, each village 1). State by age: cases of the last 30 days are undecided (in review,
-- one in ten waiting for supplements asked by the reviewer, one in fifty in a special procedure), older ones
-- completed (approved, decided 5 days after acceptance, collected at the window 2 days later), one in forty of
-- them rejected.
\set ON_ERROR_STOP on
begin;

create temporary table bench_tenant on commit drop as
select row_number() over (order by t.code, k) - 1 as slot, t.code, t.name
from tenant t
cross join lateral generate_series(1, case t.level when 'COUNTY' then 30 when 'VILLAGE' then 1 else 3 end) k
where t.county_code = '370321000000';

create temporary table bench_name on commit drop as
select row_number() over () - 1 as slot, s || g as name
from unnest(array['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭']) s,
     unnest(array['秀英', '建国', '桂兰', '志强', '玉梅', '德福', '淑珍', '海燕', '立新', '春花', '国庆', '红霞',
                  '明', '丽', '伟', '静', '磊', '敏', '军', '芳']) g;

-- Every column of case_file from the template, except those a generated case has of its own.
select string_agg(case attname
    when 'id' then 'g.id'
    when 'case_number' then 'g.number'
    when 'tenant_code' then 'g.tenant_code'
    when 'intake_point' then 'g.intake_point'
    when 'state' then 'g.state'
    when 'applicant_name' then 'g.applicant_name'
    when 'received_at' then 'g.accepted_on + time ''09:30'' + (g.n % 400) * interval ''1 minute'''
    when 'received_on' then 'g.accepted_on'
    when 'accepted_on' then 'g.accepted_on'
    when 'created_at' then 'g.accepted_on + time ''09:30'''
    when 'updated_at' then 'g.accepted_on + time ''09:30'''
    when 'promised_due_date' then 'g.accepted_on + 14'
    when 'statutory_due_date' then 'g.accepted_on + 28'
    when 'check_code_hash' then 'encode(sha256(convert_to(g.number || '':'' || g.code, ''UTF8'')), ''hex'')'
    when 'decision_approved' then 'case when g.decided then g.approved end'
    when 'decision_reason' then 'case when g.decided and not g.approved then ''家庭人均收入高于当地最低生活保障标准'' end'
    when 'decision_basis' then 'case when g.decided then ''《社会救助暂行办法》第九条'' end'
    when 'decided_by' then 'case when g.decided then ''mz.reviewer'' end'
    when 'decided_on' then 'case when g.decided then g.accepted_on + 5 end'
    when 'delivery_kind' then 'case when g.decided then ''WINDOW'' end'
    when 'delivery_point' then 'case when g.decided then g.intake_point end'
    when 'completed_on' then 'case when g.decided then g.accepted_on + 7 end'
    when 'process_instance_id' then 'null'
    else 'c.' || quote_ident(attname) end, ', ' order by attnum) as columns
from pg_attribute where attrelid = 'case_file'::regclass and attnum > 0 and not attisdropped \gset

create temporary table bench_case on commit drop as
select n, md5(n::text)::uuid as id,
       format('370321-%s-%s', to_char(:'base'::date + n / 2000, 'YYYYMMDD'), lpad((n % 2000 + 1)::text, 6, '0')) as number,
       :'base'::date + n / 2000 as accepted_on,
       t.code as tenant_code, t.name || '便民服务窗口' as intake_point, nm.name as applicant_name,
       :'code'::text as code,
       (:'base'::date + n / 2000) < current_date - 30 as decided,
       n % 40 <> 0 as approved,
       case when (:'base'::date + n / 2000) < current_date - 30 then 'COMPLETED'
            when n % 50 = 0 then 'SPECIAL_PROCEDURE'
            when n % 10 = 0 then 'SUPPLEMENT_REQUESTED'
            else 'IN_REVIEW' end as state
from generate_series(1, :rows) n
join bench_tenant t on t.slot = (n::bigint * 7919) % (select count(*) from bench_tenant)
join bench_name nm on nm.slot = (n::bigint * 104729) % (select count(*) from bench_name);

insert into case_file select :columns from bench_case g, case_file c where c.id = :'template';
commit;
analyze case_file;

select (select count(*) from case_file) as cases,
       (select count(*) from case_file where state not in ('COMPLETED', 'REFUSED', 'WITHDRAWN')) as open_cases,
       (select count(distinct tenant_code) from case_file) as tenants;
