-- A publication of a standard version runs in the background (发布任务): one row per publication, its progress
-- written in short transactions of their own while the re-base itself commits or rolls back as one. Standard
-- data belongs to no tenant, like item_version: editors read and write it, the service checks the role.
create table publication (
    id             uuid        primary key,
    item_code      varchar(32) collate "C" not null,
    version_no     integer     not null,
    state          varchar(16) not null check (state in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    counties_total integer     not null default 0,
    counties_done  integer     not null default 0,
    overriding     integer     not null default 0,
    changed        integer     not null default 0,
    conflicted     integer     not null default 0,
    error_key      varchar(100),
    error_text     text,
    started_by     varchar(100) not null,
    created_at     timestamptz not null default now(),
    finished_at    timestamptz,
    version        integer     not null default 0,
    -- A discarded draft takes its failed publications with it.
    foreign key (item_code, version_no) references item_version (item_code, version_no) on delete cascade
);
-- One publication of an item at a time: a second one while the first runs is refused by the database too.
create unique index publication_one_at_a_time on publication (item_code) where state in ('QUEUED', 'RUNNING');
create index publication_recent on publication (created_at desc);

grant select, insert, update on publication to ${appRole};

-- Editors discard drafts (放弃草稿); the service deletes nothing but a draft, and a published version is
-- referenced by overrides, so the foreign keys refuse its deletion anyway.
grant delete on item_version to ${appRole};

-- The database holds the line too: only a draft may ever be deleted; a published or retired version is history.
create function ow_only_drafts_deleted() returns trigger
    language plpgsql
as $$
begin
    if old.state <> 'DRAFT' then
        raise exception 'item % version % is %, only drafts can be deleted', old.item_code, old.version_no, old.state
            using errcode = 'check_violation';
    end if;
    return old;
end
$$;
create trigger item_version_only_drafts_deleted before delete on item_version
    for each row execute function ow_only_drafts_deleted();
