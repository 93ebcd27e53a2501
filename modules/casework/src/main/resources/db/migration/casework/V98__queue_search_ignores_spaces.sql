-- The work queue's search finds an applicant however the name's spaces were typed: 王　𠮷祥 (a full-width space
-- U+3000 between family and given name, as Chinese input methods type it) is found by 王𠮷祥 and by 王 𠮷祥. The name
-- stays as typed; the search compares it without white space, the set TextRule.space names (ASCII tab, line breaks
-- and space, every Unicode space separator, U+2028/2029, the zero-width space and the byte order mark).
-- WorkTaskRepository.searched removes the same set from what is typed; WorkTaskSearchTest checks both lists agree.
alter table work_task add column applicant_name_searched varchar(100) generated always as (
    translate(applicant_name,
              U&'\0009\000A\000D\0020\00A0\1680\2000\2001\2002\2003\2004\2005\2006\2007\2008\2009\200A\200B\2028\2029\202F\205F\3000\FEFF',
              '')) stored;

drop index work_task_applicant;
create index work_task_applicant_searched on work_task (tenant_code, applicant_name_searched varchar_pattern_ops)
    where state <> 'DONE';
