package org.onewindow.ui.archprobe;

import org.onewindow.app.DemoData;

/** Breaks the screens' rule on purpose, so ArchitectureTest can show the rule bites. Never deployed. */
public class ScreenProbe {
    DemoData theAssembly;
}
