-- The window's notices numbered like the decision letters (文号, a county's series per year, drawn through
-- ow_next_document_number): correction notices (补正通知书) and refusal notices (不予受理通知书). A correction notice keeps
-- its number in its jsonb (first_correction_notice, correction_notice); a refusal in its own column. Cases refused or
-- told to correct before this migration keep no number (their notices print the one derived from the case id).
-- And the door through which an applicant holding the receipt reads the decision letter (决定书) without a login.
-- Runs as the owner role.

alter table document_number_sequence drop constraint document_number_sequence_series_check;
alter table document_number_sequence add constraint document_number_sequence_series_check
    check (series in ('APPROVAL', 'REJECTION', 'LICENCE', 'CORRECTION', 'REFUSAL'));

alter table case_file add column refusal_notice_number varchar(40) collate "C";
create unique index case_file_refusal_notice_number on case_file (county_code, refusal_notice_number)
    where refusal_notice_number is not null;

-- The receipt (case number and check code) is the applicant's credential, as for the progress lookup: the service
-- compares the code with the hash ow_case_progress gives it, throttles wrong ones, and then asks here, with the
-- matching hash, which division the case belongs to, to read its decision letter under that division's scope. Only
-- the division code, and only for the right hash.
create function ow_case_receipt_tenant(p_case_number text, p_check_code_hash text)
    returns text
    language sql stable security definer
    set search_path = ${schema}, pg_temp
as $$
    select c.tenant_code::text
      from case_file c
     where c.case_number = p_case_number
       and c.check_code_hash = p_check_code_hash
     limit 1
$$;
revoke all on function ow_case_receipt_tenant(text, text) from public;
grant execute on function ow_case_receipt_tenant(text, text) to ${appRole};
