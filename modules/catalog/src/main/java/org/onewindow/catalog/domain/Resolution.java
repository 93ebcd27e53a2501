package org.onewindow.catalog.domain;

import jakarta.json.JsonValue;
import java.util.Objects;

/** How a tenant's administrator settles a {@link Conflict} (冲突处理). */
public sealed interface Resolution {

    /** Keep the value the tier had set; it must still be allowed against the new version. */
    record KeepLocal() implements Resolution {}

    /** Stop overriding the element: the tier follows the standard again (as the tiers above adapt it). */
    record TakeStandard() implements Resolution {}

    /** Set a new local value, checked by the {@link OverridePolicy} like any override. */
    record Edit(JsonValue value) implements Resolution {
        public Edit {
            Objects.requireNonNull(value, "value");
        }
    }

    static Resolution keepLocal() {
        return new KeepLocal();
    }

    static Resolution takeStandard() {
        return new TakeStandard();
    }

    static Resolution edit(JsonValue value) {
        return new Edit(value);
    }
}
