package org.onewindow.casework.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The default SMS gateway logs one line, never a whole phone or ID number. */
class LoggingSmsGatewayTest {

    @Test
    void theLineMasksTheRecipientAndAnyIdOrMobileNumberInTheText() {
        String line = LoggingSmsGateway.line(
                "13812345678",
                "casework.notify.supplement.requested",
                "您的办件370321-20261130-000001需要补正材料：370321195803121012的户口簿，联系13987654321。");

        assertThat(line)
                .startsWith("SMS to 138****5678 [casework.notify.supplement.requested] ")
                .contains("370321-20261130-000001")
                .contains("370321********1012")
                .contains("139****4321")
                .doesNotContain("13812345678")
                .doesNotContain("370321195803121012")
                .doesNotContain("13987654321");
    }
}
