-- Tokens that stay true (issue 8): every bearer token names the account's token version; disabling, a lockout,
-- a change of roles or a logout bumps it, and a token naming an older version is refused at once.
alter table staff_account add column token_version integer not null default 0;

-- Like ow_login_home, one narrow door through row-level security: a bearer token arrives before any scope is
-- known, and its verification needs the account as stored (tenant, level, roles, state, version), nothing more.
create function ow_token_account(p_username text)
    returns table (tenant_code text, tenant_level text, roles text, departments text, enabled boolean,
                   locked_until timestamptz, token_version integer)
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select a.tenant_code, t.level, a.roles, a.departments, a.enabled, a.locked_until, a.token_version
      from staff_account a join tenant t on t.code = a.tenant_code
     where a.username = p_username
$$;
revoke all on function ow_token_account(text) from public;
grant execute on function ow_token_account(text) to ${appRole};
