-- Scanned materials (扫描件) uploaded for a case: PDF, JPEG or PNG, checked by their content, with their SHA-256.
-- The bytes live in the database so that every node of a cluster reads the same file (no shared disk needed).
-- Runs as the owner role. Conventions as in V1: the county in every primary key, row-level security enabled and
-- forced, policies through ow_visible(tenant_code), grants to ${appRole} only of what it needs.

create table case_material_file (
    county_code    varchar(12)  collate "C" not null,
    id             uuid         not null,
    case_id        uuid         not null,
    -- The case's tenant (受理地), as on case_file: who sees the case sees its files, nobody else.
    tenant_code    varchar(12)  collate "C" not null,
    -- A material of the item version the case pinned (its snapshot); the mark itself is in case_material.
    material_code  varchar(64)  collate "C" not null,
    -- The name the uploader's computer gave it, for people only: the type comes from the content.
    file_name      varchar(200),
    content_type   varchar(40)  not null,
    size_bytes     integer      not null,
    sha256         char(64)     not null,
    content        bytea        not null,
    uploaded_by    varchar(60)  not null,
    uploaded_at    timestamptz  not null,
    -- At which window (the uploader's division, and department where there is one), as the timeline prints it.
    uploaded_place varchar(100) not null,
    primary key (county_code, id),
    unique (id),
    foreign key (county_code, case_id) references case_file (county_code, id) on delete cascade,
    check (county_code = left(tenant_code, 6) || '000000'),
    check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    check (size_bytes > 0 and size_bytes = octet_length(content)),
    check (sha256 ~ '^[0-9a-f]{64}$')
);
create index case_material_file_case on case_material_file (county_code, case_id, material_code, uploaded_at);
-- PDF, JPEG and PNG are compressed already: keep the bytes out of line without trying to compress them again.
alter table case_material_file alter column content set storage external;

alter table case_material_file enable row level security;
alter table case_material_file force row level security;
create policy case_material_file_scope on case_material_file
    using (ow_visible(tenant_code)) with check (ow_visible(tenant_code));

-- Append-only: a scan is evidence of what was handed in; a better scan is uploaded beside it.
grant select, insert on case_material_file to ${appRole};
