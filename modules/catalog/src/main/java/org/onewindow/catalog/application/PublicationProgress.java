package org.onewindow.catalog.application;

/** Told how a publication advances, county by county, while its re-base runs. */
public interface PublicationProgress {

    PublicationProgress NONE = new PublicationProgress() {
        @Override
        public void started(int counties) {}

        @Override
        public void countyDone(int done, ImpactReport soFar) {}
    };

    /** The re-base begins; {@code counties} hold overrides of the item. */
    void started(int counties);

    /** {@code done} counties are re-based (not yet committed: the publication commits as one). */
    void countyDone(int done, ImpactReport soFar);
}
