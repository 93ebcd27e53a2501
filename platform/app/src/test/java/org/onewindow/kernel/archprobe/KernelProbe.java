package org.onewindow.kernel.archprobe;

import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.process.domain.TemplateStep;

/** Breaks the kernel's rule on purpose, so ArchitectureTest can show the rule bites. Never deployed. */
public class KernelProbe {
    ItemVersion aModulesEntity;
    TemplateStep theEnginesStep;
}
