-- Where a case was taken in (受理窗口): the service point and the window, as the clerk's window scope gives them. A
-- point may be removed later (ADR 0017), so the ids hold no foreign key and the names are kept as printed. Cases taken
-- in before this version, and those of a division with no point on record, keep null: the point is unknown.
alter table case_file
    add column intake_service_point_id uuid,
    add column intake_service_point    varchar(100),
    add column intake_window_id        uuid,
    add column intake_window           varchar(100),
    add constraint case_file_intake_window_check check (
        (intake_service_point_id is null and intake_service_point is null and intake_window_id is null
            and intake_window is null)
        or (intake_service_point_id is not null and intake_service_point is not null
            and (intake_window_id is null) = (intake_window is null)));
