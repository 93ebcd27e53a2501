-- A service point is also kept while open cases taken in there will hand out their result at their intake window (ADR
-- 0024: 受理窗口, the default way of handing out a result until the clerk chooses another). Such a case has no pickup
-- chosen yet; once the clerk holds it for pickup there, ow_open_deliveries_in_county counts it by the point's name. As
-- that door does, this one counts within the caller's county and answers a number only: a case of a division the
-- removing administrator cannot see (the point's division moved since, ADR 0014) still holds the point.
create function ow_open_intake_pickups_in_county(p_point_id uuid) returns bigint
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select count(*)
      from case_file
     where ow_scope() is not null and county_code = left(ow_scope(), 6) || '000000'
       and intake_service_point_id = p_point_id
       and delivery_kind is null
       and state not in ('REFUSED', 'COMPLETED', 'WITHDRAWN')
$$;
revoke all on function ow_open_intake_pickups_in_county(uuid) from public;
grant execute on function ow_open_intake_pickups_in_county(uuid) to ${appRole};
