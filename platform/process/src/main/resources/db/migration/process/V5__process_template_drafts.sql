-- Drafts of process templates (流程模板草稿), the same life as an item's: a draft is edited and checked,
-- then published as the next version (a Flowable deployment, which never changes) or discarded. One draft
-- per template and owner: a division code for a tier's override, 'standard' for the standard template.
create table process_template_draft (
    owner_tenant varchar(12) collate "C" not null,
    template_key varchar(64) collate "C" not null,
    bpmn         text        not null,
    version      integer     not null default 0,
    updated_by   varchar(100) not null,
    updated_at   timestamptz not null default now(),
    primary key (owner_tenant, template_key),
    check (owner_tenant = 'standard' or owner_tenant ~ '^[0-9]{12}$')
);

-- A tier's drafts stay in its subtree; standard drafts belong to no tenant (only standards editors write
-- them, which the service checks, like the standard items).
alter table process_template_draft enable row level security;
create policy process_template_draft_scope on process_template_draft
    using (owner_tenant = 'standard' or ow_visible(owner_tenant))
    with check (owner_tenant = 'standard' or ow_visible(owner_tenant));

grant select, insert, update, delete on process_template_draft to ${appRole};
