package org.onewindow.casework.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.text.TextRule;

/** The queue's search and the stored name are compared without white space, the same white space on both sides. */
class WorkTaskSearchTest {

    @Test
    void aFullWidthSpaceInTheNameOrTheSearchMakesNoDifference() {
        assertThat(WorkTaskRepository.searched("王　𠮷祥"))
                .isEqualTo(WorkTaskRepository.searched("王𠮷祥"))
                .isEqualTo(WorkTaskRepository.searched(" 王 𠮷祥\u00A0"))
                .isEqualTo("王𠮷祥");
        assertThat(WorkTaskRepository.searched("370321-20261130-000001")).isEqualTo("370321-20261130-000001");
        assertThat(WorkTaskRepository.searched("　")).isEmpty();
        assertThat(WorkTaskRepository.searched(null)).isEmpty();
    }

    @Test
    void theMigrationRemovesExactlyTheWhiteSpaceTheSearchRemoves() throws IOException {
        String migration;
        try (InputStream in = WorkTaskSearchTest.class.getResourceAsStream(
                "/db/migration/casework/V98__queue_search_ignores_spaces.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher literal = Pattern.compile("U&'((?:\\\\[0-9A-F]{4})+)'").matcher(migration);
        assertThat(literal.find()).as("the translate list in V98").isTrue();
        List<Character> inSql = new ArrayList<>();
        for (String code : literal.group(1).substring(1).split("\\\\")) {
            inSql.add((char) Integer.parseInt(code, 16));
        }

        List<Character> inJava = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (TextRule.space(c)) {
                inJava.add(c);
            }
        }

        assertThat(inSql).containsExactlyElementsOf(inJava);
    }
}
