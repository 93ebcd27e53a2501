package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.casework.domain.CaseAction;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.domain.ClockStatus;
import org.onewindow.casework.domain.MaterialMark;
import org.onewindow.casework.domain.PauseKind;
import org.onewindow.casework.domain.ProgressStage;

/**
 * Every word the case page, the queue and the progress page show for a step, a state or a stage has its text in
 * Chinese and in English: a new value of one of these enums, or a new step of a standard template, without its words
 * fails here before a page shows a key or a Chinese name in English.
 */
class CaseLabelsTest {

    private static final String CASEWORK = "org.onewindow.casework.messages";
    private static final String PAGES = "org.onewindow.ui.cases";
    private static final Pattern USER_TASK = Pattern.compile("<userTask id=\"([^\"]+)\"");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    static Stream<Locale> languages() {
        return Stream.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);
    }

    private static ResourceBundle bundle(String name, Locale language) {
        // The pages' bundle is cases_zh / cases_en; the casework messages are the default (Chinese) and _en.
        Locale file = name.equals(CASEWORK) && language.getLanguage().equals("zh") ? Locale.ROOT : language;
        return ResourceBundle.getBundle(name, file, NO_FALLBACK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyStepAndStateOfTheTimelineHasItsWords(Locale language) {
        ResourceBundle casework = bundle(CASEWORK, language);

        List<String> keys = new ArrayList<>();
        Stream.of(CaseAction.values()).forEach(a -> keys.add("casework.action." + a.name()));
        Stream.of(CaseState.values()).forEach(s -> keys.add("casework.state." + s.name()));

        assertThat(keys)
                .allSatisfy(key -> assertThat(casework.containsKey(key))
                        .as("%s in %s", key, language)
                        .isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void everyStageClockPauseMarkAndStandardStepOfThePagesHasItsWords(Locale language) throws IOException {
        ResourceBundle pages = bundle(PAGES, language);

        List<String> keys = new ArrayList<>();
        for (ProgressStage stage : ProgressStage.values()) {
            keys.add("stage." + stage.name());
            keys.add("stage." + stage.name() + ".hint");
        }
        Stream.of(ClockStatus.values()).forEach(s -> keys.add("clock." + s.name()));
        Stream.of(PauseKind.values()).forEach(k -> keys.add("pause." + k.name()));
        Stream.of(MaterialMark.Kind.values()).forEach(k -> keys.add("mark." + k.name()));
        for (String template : List.of("tiered-review", "single-department", "parallel-review", "on-the-spot")) {
            for (String step : userTasks(template)) {
                keys.add("task.step." + step);
            }
        }

        assertThat(keys).contains("task.step.tierReview", "task.step.windowDelivery");
        assertThat(keys)
                .allSatisfy(key -> assertThat(pages.containsKey(key))
                        .as("%s in %s", key, language)
                        .isTrue());
    }

    /** The ids of a standard template's user tasks, as the queue names a task's step. */
    private static List<String> userTasks(String template) throws IOException {
        try (InputStream in = CaseLabelsTest.class.getResourceAsStream(
                "/org/onewindow/process/templates/" + template + ".bpmn20.xml")) {
            assertThat(in).as(template).isNotNull();
            Matcher matcher = USER_TASK.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<String> ids = new ArrayList<>();
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            return ids;
        }
    }
}
