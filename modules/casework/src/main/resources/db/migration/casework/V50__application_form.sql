-- The application form (申请表) a case was taken in with: the form as the pinned item version defined it (so the case
-- page reads its labels even after the standard changes), the answers sealed (AES-GCM under the personal-data key:
-- they may hold household members' ID numbers), and the same answers masked, which every view shows without
-- decrypting. Null for an item without a form and for cases taken in before forms existed.
alter table case_file
    add column form_definition     jsonb,
    add column form_answers_sealed text,
    add column form_answers_masked jsonb;
