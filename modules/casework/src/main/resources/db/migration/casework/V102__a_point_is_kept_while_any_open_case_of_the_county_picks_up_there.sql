-- A service point is removed only when no open case of its county hands out its result there (统一出件, issue 11): a
-- case of another town may have chosen it for pickup (ow_service_points_in_county offers every point of the county),
-- and the removing administrator's scope cannot see that case (row-level security). This door counts them within the
-- caller's county, as a number only: no case of another scope is shown.
create function ow_open_deliveries_in_county(p_point_name text) returns bigint
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select count(*)
      from case_file
     where ow_scope() is not null and county_code = left(ow_scope(), 6) || '000000'
       and delivery_kind = 'WINDOW' and delivery_point = p_point_name
       and state not in ('REFUSED', 'COMPLETED', 'WITHDRAWN')
$$;
revoke all on function ow_open_deliveries_in_county(text) from public;
grant execute on function ow_open_deliveries_in_county(text) to ${appRole};
