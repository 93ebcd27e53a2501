package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.MessageKey;
import org.onewindow.ui.MessageResolver;

/**
 * The one resolver of the pages' messages (OmniFaces Messages, ADR 0026) outside a page: a refusal's key is worded
 * from its module's bundle with its arguments, in Chinese by default; a text already worded is shown exactly as given.
 * (The faces bundles, {@code t:…}, {@code a:…}, are read on the pages: the browser tests show their messages.)
 */
class MessageResolverTest {

    /** The resolver's words outside a page (no faces context: Chinese, the product's bundles). */
    private static String resolver(String message, Object... arguments) {
        return MessageResolver.word(null, message, arguments);
    }

    @Test
    void aRefusalsKeyIsWordedFromItsModulesBundleWithItsArguments() {
        assertThat(resolver("casework.decision.reason.required")).isEqualTo("不予（不同意）必须说明理由");
        assertThat(resolver("text.too-long", "姓名", 50, 57)).isEqualTo("姓名最多50个字，现有57个字");
        assertThat(resolver(
                        "casework.case.transition",
                        new MessageKey("casework.state.IN_REVIEW"),
                        new MessageKey("casework.action.RECORD_PICKUP")))
                .doesNotContain("casework.state")
                .doesNotContain("casework.action");
    }

    @Test
    void aTextAlreadyWordedIsShownAsGivenEvenWithBracesApostrophesOrAColon() {
        assertThat(resolver("第3行：名称 {0} 不能为空 'x'", "忽略")).isEqualTo("第3行：名称 {0} 不能为空 'x'");
        assertThat(resolver("Saved: {0}")).isEqualTo("Saved: {0}");
        assertThat(resolver(null)).isEmpty();
    }
}
