-- A service point is kept while open cases of its county hand out their result there (ADR 0017, 统一出件): those held
-- for pickup at it, and those taken in at it whose result will wait at their intake window (ADR 0024). V102 counted
-- the first by the point's name, so a point renamed after a case chose it was no longer held by that case; V103
-- counted the second by id. One door now counts both by the point's id, which the case keeps beside the name as
-- printed; the removal asks once.
-- Read only where delivery_kind is WINDOW, as delivery_point is.
alter table case_file add column delivery_point_id uuid;

-- Cases held for pickup before this version name their point only: the point of their county with that name, where
-- one name is one point; the intake point where the result waits at the window that took the case in.
update case_file c
   set delivery_point_id = coalesce(
           (select min(p.id::text)::uuid
              from service_point p
             where p.county_code = c.county_code and p.name = c.delivery_point
            having count(*) = 1),
           case when c.intake_service_point = c.delivery_point then c.intake_service_point_id end)
 where c.delivery_kind = 'WINDOW';

drop function ow_open_deliveries_in_county(text);
drop function ow_open_intake_pickups_in_county(uuid);

-- Within the caller's county, as numbers only: a case of a division the removing administrator cannot see (another
-- town's case that chose the point, the point's division moved since, ADR 0014) still holds the point. A case held at
-- a point whose id it could not be given above is counted by the point's present name: the safe side for a removal.
create function ow_open_cases_at_point(p_point_id uuid) returns table (pickups bigint, intakes bigint)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select count(*) filter (where c.delivery_kind = 'WINDOW'
                              and (c.delivery_point_id = p_point_id
                                   or (c.delivery_point_id is null and c.delivery_point = p.name))),
           count(*) filter (where c.delivery_kind is null and c.intake_service_point_id = p_point_id)
      from case_file c
      left join service_point p on p.id = p_point_id
     where ow_scope() is not null and c.county_code = left(ow_scope(), 6) || '000000'
       and c.state not in ('REFUSED', 'COMPLETED', 'WITHDRAWN')
$$;
revoke all on function ow_open_cases_at_point(uuid) from public;
grant execute on function ow_open_cases_at_point(uuid) to ${appRole};
