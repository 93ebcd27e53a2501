-- Indexes for reads that a county with a million cases makes all day (infra/bench/casework measures them).
--
-- The public progress lookup (ow_case_progress) and a case by its number (CaseRepository.byNumber) find a case by its
-- number alone, without the county: the unique key (county_code, case_number) cannot serve that, so each lookup
-- read the whole table (about 100 ms at 1,000,000 cases). Numbers carry their county's code, so this finds one row.
create index case_file_case_number on case_file (case_number) where case_number is not null;

-- A queue's page is ordered by promised due date then id within the division (WorkTaskRepository.queue). The
-- department is filtered from the caller's list of departments, not by equality, so work_task_queue (which has the
-- department before the date) cannot deliver that order: the page read every open task of the division and sorted
-- them (about 60,000 at the county in the benchmark). In this order the first page stops after its rows.
create index work_task_queue_due on work_task (tenant_code, promised_due_date, id) where state <> 'DONE';
