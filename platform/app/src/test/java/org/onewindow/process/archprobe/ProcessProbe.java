package org.onewindow.process.archprobe;

import org.onewindow.catalog.domain.ItemVersion;

/** Breaks the process engine's rule on purpose, so ArchitectureTest can show the rule bites. Never deployed. */
public class ProcessProbe {
    ItemVersion aModulesEntity;
}
