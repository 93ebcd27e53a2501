package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import org.onewindow.testing.Api;

/**
 * The shared standard catalog's demo items, for a class whose tests draft or publish them: every county reads the
 * standard, so such a class leaves each item as the demo has it for the classes after it (ADR 0034).
 */
final class DemoStandards {

    private static final Duration PUBLICATION_TIMEOUT = Duration.ofSeconds(30);

    private final Api api;
    private final String editorToken;
    private final String readAt;

    /**
     * @param editorToken a standards editor's token, which discards and publishes
     * @param readAt the division code whose view of an item is read: one that adapts no item, so it shows the standard
     */
    DemoStandards(Api api, String editorToken, String readAt) {
        this.api = api;
        this.editorToken = editorToken;
        this.readAt = readAt;
    }

    /** An item of the demo catalog as demo mode published it (its application form included). */
    static JsonObject demoItem(String code) {
        return DemoData.catalogItems().stream()
                .map(JsonValue::asJsonObject)
                .filter(item -> item.getString("code").equals(code))
                .findFirst()
                .orElseThrow();
    }

    /** The standard's elements of an item as in force. */
    JsonObject standard(String code) {
        return item(code).getJsonObject("elements");
    }

    /**
     * Leaves the item's standard as {@code demo} (read before the test), also when the test stopped half-way: a draft
     * left open is discarded, and a version the test published is followed by one with the demo's elements, published
     * to every county. Each step's answer is checked.
     */
    void leaveAsTheDemoHasIt(String code, JsonObject demo) {
        String draft = "api/v1/catalog/items/" + code + "/drafts/" + (item(code).getInt("standardVersion") + 1);
        Api.Answer open = api.get(draft, editorToken);
        if (open.status() == 200) {
            Api.Answer discarded = api.delete(
                    draft + "?lockVersion=" + open.json().asJsonObject().getInt("lockVersion"), editorToken);
            assertThat(discarded.status()).as(discarded.body()).isEqualTo(204);
        }
        if (!standard(code).equals(demo)) {
            Api.Answer again = api.postJson(
                    "api/v1/catalog/items/" + code + "/drafts",
                    editorToken,
                    demoItem(code).toString());
            assertThat(again.status()).as(again.body()).isEqualTo(201);
            Api.Answer queued = api.post(
                    "api/v1/catalog/items/" + code + "/drafts/"
                            + again.json().asJsonObject().getInt("version") + "/publish",
                    editorToken,
                    "application/json",
                    "");
            assertThat(queued.status()).as(queued.body()).isEqualTo(202);
            assertThat(finalState("api/v1/catalog/publications/"
                            + queued.json().asJsonObject().getString("id")))
                    .isEqualTo("SUCCEEDED");
        }
        assertThat(standard(code)).as(code + " as the demo has it").isEqualTo(demo);
    }

    private JsonObject item(String code) {
        Api.Answer item = api.get("api/v1/catalog/items/" + code + "?tenant=" + readAt, null);
        assertThat(item.status()).as(item.body()).isEqualTo(200);
        return item.json().asJsonObject();
    }

    /** The state a background publication ends in. */
    private String finalState(String publication) {
        long deadline = System.nanoTime() + PUBLICATION_TIMEOUT.toNanos();
        while (true) {
            String state = api.get(publication, editorToken).field("state");
            if (!List.of("QUEUED", "RUNNING").contains(state)) {
                return state;
            }
            assertThat(System.nanoTime())
                    .as("publication " + publication + " still " + state)
                    .isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + publication, e);
            }
        }
    }
}
