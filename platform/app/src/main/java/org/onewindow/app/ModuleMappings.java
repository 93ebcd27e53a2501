package org.onewindow.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.eclipse.persistence.internal.jpa.metadata.xml.XMLEntityMappings;
import org.eclipse.persistence.internal.jpa.metadata.xml.XMLEntityMappingsReader;
import org.eclipse.persistence.jpa.metadata.MetadataSource;
import org.eclipse.persistence.logging.SessionLog;

/**
 * The persistence unit's classes as the modules own them: every module jar names its JPA mapping file in its
 * {@code META-INF/onewindow-module.properties} ({@code mapping=META-INF/<module>-orm.xml}, next to its migrations),
 * and EclipseLink reads them all through this metadata source ({@code eclipselink.metadata-source} in
 * {@code persistence.xml}), so the WAR's {@code persistence.xml} lists no class and adding a module adds nothing
 * here. JPA itself reads {@code META-INF/orm.xml} only from the unit's root and the jars it lists, and a
 * {@code <mapping-file>} name only once on the class path; see docs/adr/0019-a-module-registers-itself.md.
 *
 * <p>A module's file lists its classes by their full names ({@code <entity class="…"/>}, {@code <converter>},
 * {@code <embeddable>}, {@code <mapped-superclass>}); the mapping itself stays in the classes' annotations. It
 * sets no defaults ({@code <package>}, {@code <access>}, {@code <persistence-unit-metadata>}): they would reach
 * every module's classes once the files are one. {@code ModulesRegisterThemselvesTest} checks both at build time.
 */
public class ModuleMappings implements MetadataSource {

    /** No property is overridden: the unit's properties are all in {@code persistence.xml}. */
    @Override
    public Map<String, Object> getPropertyOverrides(
            Map<String, Object> properties, ClassLoader classLoader, SessionLog log) {
        return null;
    }

    @Override
    public XMLEntityMappings getEntityMappings(
            Map<String, Object> properties, ClassLoader classLoader, SessionLog log) {
        return read(classLoader, properties);
    }

    /** Every module's mapping file on {@code loader}'s class path, in module order, as one set of mappings. */
    static XMLEntityMappings read(ClassLoader loader, Map<String, Object> properties) {
        XMLEntityMappings all = null;
        for (ModuleMigrations.Module module : ModuleMigrations.discover(loader)) {
            if (module.mapping().isEmpty()) {
                continue;
            }
            XMLEntityMappings one = readFile(loader, properties, module);
            if (all == null) {
                all = one;
            } else {
                append(all, one, XMLEntityMappings::getEntities, XMLEntityMappings::setEntities);
                append(all, one, XMLEntityMappings::getEmbeddables, XMLEntityMappings::setEmbeddables);
                append(all, one, XMLEntityMappings::getMappedSuperclasses, XMLEntityMappings::setMappedSuperclasses);
                // A <converter> is read as "mixed" (JPA's or EclipseLink's) and sorted out when the unit is processed.
                append(all, one, XMLEntityMappings::getMixedConverters, XMLEntityMappings::setMixedConverters);
                append(all, one, XMLEntityMappings::getConverterAccessors, XMLEntityMappings::setConverterAccessors);
            }
        }
        return all;
    }

    private static XMLEntityMappings readFile(
            ClassLoader loader, Map<String, Object> properties, ModuleMigrations.Module module) {
        try {
            List<URL> urls = Collections.list(loader.getResources(module.mapping()));
            if (urls.size() != 1) {
                throw new IllegalStateException("module " + module.name() + " names the mapping file "
                        + module.mapping() + ", found " + urls.size() + " times on the class path: " + urls);
            }
            return XMLEntityMappingsReader.read(urls.getFirst(), loader, properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> void append(
            XMLEntityMappings all,
            XMLEntityMappings one,
            Function<XMLEntityMappings, List<T>> getter,
            BiConsumer<XMLEntityMappings, List<T>> setter) {
        List<T> more = getter.apply(one);
        if (more == null || more.isEmpty()) {
            return;
        }
        List<T> joined = new ArrayList<>();
        if (getter.apply(all) != null) {
            joined.addAll(getter.apply(all));
        }
        joined.addAll(more);
        setter.accept(all, joined);
    }
}
