package org.onewindow.archprobe.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Path;

/** Breaks the resources' rule on purpose (built anew for every request), so ArchitectureTest can show it bites. */
@Path("probe")
@RequestScoped
public class ResourceProbe {}
