-- The yearly division list, once applied, is a division change like a merge (issue 11, docs/adr/0025): it waits for
-- confirmation and can be reverted until then. Its row keeps the divisions it changed as they were (whole rows) and
-- the codes it added; each succession it made (a village re-coded under another town) is a part of it with what
-- moved, decided with the list and never alone.
alter table division_change drop constraint division_change_kind_check;
alter table division_change add constraint division_change_kind_check check (kind in ('MERGED', 'LIST', 'MOVED'));
alter table division_change add column part_of uuid references division_change (id);
alter table division_change add check ((kind = 'MOVED') = (part_of is not null));
create index division_change_parts on division_change (part_of) where part_of is not null;
