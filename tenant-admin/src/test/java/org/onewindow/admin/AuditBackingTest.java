package org.onewindow.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit trail's CSV export: what Chinese Excel needs to open it, and cells it must not run. */
class AuditBackingTest {

    @Test
    void theExportIsUtf8WithAByteOrderMarkSoExcelReadsTheChinese() {
        byte[] file = AuditBacking.csv(List.of(List.of("时间", "操作"), List.of("2026-11-30 09:00:00", "登录成功")));

        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(file, 3, file.length - 3, StandardCharsets.UTF_8))
                .isEqualTo("\"时间\",\"操作\"\r\n\"2026-11-30 09:00:00\",\"登录成功\"\r\n");
    }

    @Test
    void quotesAreDoubledAndAFormulaStaysText() {
        assertThat(AuditBacking.csvLine(List.of("名称：\"华沟\" → 华沟村", "=HYPERLINK(\"x\")", "-1", "")))
                .isEqualTo("\"名称：\"\"华沟\"\" → 华沟村\",\"'=HYPERLINK(\"\"x\"\")\",\"'-1\",\"\"\r\n");
    }
}
