package org.onewindow.catalog.application;

import org.onewindow.catalog.domain.ProcessPlan;
import org.onewindow.process.domain.ProcessTemplate;

/** An item's process at one tenant: who does which step, and the template version a new case would start on. */
public record ItemProcess(ProcessPlan plan, ProcessTemplate template) {}
