-- Row-level security forced on the kernel's first tenant tables too (issue 9, docs/adr/0028), as every later
-- table of every module already is. Until now the owner role passed their policies because it owns them; now it
-- passes through a door of its own, named in pg_policy like the casework doors (work_task_owner_door): the
-- migrations it runs and the security definer functions it owns (ow_login_home, ow_token_account, ...) read and
-- write these tables as before. Nobody else goes through it: the application role owns nothing, bypasses nothing
-- and cannot become the owner (TenantTablesTest).
create policy tenant_owner_door on tenant to current_user using (true) with check (true);
create policy service_point_owner_door on service_point to current_user using (true) with check (true);
create policy service_window_owner_door on service_window to current_user using (true) with check (true);
create policy department_owner_door on department to current_user using (true) with check (true);
create policy staff_account_owner_door on staff_account to current_user using (true) with check (true);
create policy audit_entry_owner_door on audit_entry to current_user using (true) with check (true);

alter table tenant force row level security;
alter table service_point force row level security;
alter table service_window force row level security;
alter table department force row level security;
alter table staff_account force row level security;
alter table audit_entry force row level security;
