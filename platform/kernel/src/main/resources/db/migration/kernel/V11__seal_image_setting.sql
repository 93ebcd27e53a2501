-- The issuing body's seal (电子印章图片, issue 11), an inherited setting whose value is an image: the row's value is
-- the PNG's SHA-256 and the image is kept beside it, in the database rather than on a node's disk, so that every node
-- of a cluster prints it. The row-level security of tenant_setting covers it: a village reads its town's and county's
-- seal as it reads their other values.
alter table tenant_setting
    add column image bytea,
    add constraint tenant_setting_image_check check (image is null or octet_length(image) between 1 and 524288);
