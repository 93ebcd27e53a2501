package org.onewindow.catalog.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onewindow.catalog.domain.ItemVersion;
import org.onewindow.catalog.domain.StandardItemVersion;
import org.onewindow.catalog.infrastructure.CatalogRepository;

/**
 * The published standard versions, parsed once. A published version never changes (only its state moves on,
 * and a retired one is no longer asked for), so an entry keyed by item code and version number is never stale:
 * no invalidation is needed, on one node or several. Reading the catalog then costs a query of the codes and
 * numbers in force, not a JSON parse of every item on every request.
 */
@ApplicationScoped
public class PublishedVersions {

    /** Beyond this many entries the cache starts afresh: retired versions are not worth keeping. */
    private static final int MAX_ENTRIES = 20_000;

    private final Map<String, ItemVersion> parsed = new ConcurrentHashMap<>();

    @Inject
    CatalogRepository repository;

    /**
     * The versions in force, by item code; callers filter them with {@link CatalogFilter}. Runs in the caller's
     * transaction.
     */
    public List<ItemVersion> inForce() {
        return inForce(repository.publishedRefs());
    }

    /** The versions named, parsed, in their order; {@code refs} come from one read of the versions in force. */
    public List<ItemVersion> inForce(List<CatalogRepository.VersionRef> refs) {
        List<ItemVersion> versions = new ArrayList<>(refs.size());
        boolean missing = refs.stream().anyMatch(ref -> !parsed.containsKey(key(ref.itemCode(), ref.number())));
        if (missing) {
            if (parsed.size() > MAX_ENTRIES) {
                parsed.clear();
            }
            for (StandardItemVersion row : repository.publishedAll()) {
                parsed.putIfAbsent(key(row.itemCode(), row.number()), row.toDomain());
            }
        }
        for (CatalogRepository.VersionRef ref : refs) {
            // A version retired since the refs were read (a publication came into force meanwhile) is still the one
            // this reader's snapshot holds: it is read by its key, never swapped for the newer one.
            ItemVersion version = parsed.computeIfAbsent(
                    key(ref.itemCode(), ref.number()),
                    key -> repository
                            .version(ref.itemCode(), ref.number(), false)
                            .map(StandardItemVersion::toDomain)
                            .orElseThrow());
            versions.add(version);
        }
        return versions;
    }

    private static String key(String itemCode, int number) {
        return itemCode + "@" + number;
    }
}
