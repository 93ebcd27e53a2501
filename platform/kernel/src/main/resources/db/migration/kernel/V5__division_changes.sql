-- Division changes (区划调整, issue 11): a division leaves the tree by retirement (撤销), never by deletion, so its
-- code stays resolvable for the record (cases, audit entries and old receipts name it). A division merged into
-- another (撤村并居) or re-coded under another town names its successor, where its staff and open cases went.

alter table tenant add column retired_on date;
alter table tenant add column successor_code varchar(12) collate "C";
alter table tenant add foreign key (county_code, successor_code) references tenant (county_code, code);
alter table tenant add check (successor_code is null or retired_on is not null);
alter table tenant add check (successor_code is null or successor_code <> code);
