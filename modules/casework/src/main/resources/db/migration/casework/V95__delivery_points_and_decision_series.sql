-- The clerk's picker of where the applicant collects the result (统一出件): every staffed service point of the case's
-- county. A village clerk's scope cannot see the other villages' points (row-level security), so, as
-- ow_service_point_in_county does for one point, this door answers the names and ids within the caller's county only.
-- A 24-hour self-service room has nobody to hand a result over, so it is not offered.
create function ow_service_points_in_county() returns table (id uuid, name text)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select p.id, p.name::text
      from service_point p
     where ow_scope() is not null and p.county_code = left(ow_scope(), 6) || '000000'
       and p.kind <> 'SELF_SERVICE_24H'
     order by p.tenant_code, p.name
$$;
revoke all on function ow_service_points_in_county() from public;
grant execute on function ow_service_points_in_county() to ${appRole};

-- A decision letter of an item that is not a licence (a benefit's 准予 / 不予给付决定书, any other item's 审批决定书) is
-- numbered in its own series, whose 文号 abbreviates no 许可.
alter table document_number_sequence drop constraint document_number_sequence_series_check;
alter table document_number_sequence add constraint document_number_sequence_series_check
    check (series in ('APPROVAL', 'REJECTION', 'LICENCE', 'CORRECTION', 'REFUSAL', 'GRANT', 'DENIAL'));
