package org.onewindow.casework.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onewindow.casework.documents.NoticeFixtures.BASE_URL;
import static org.onewindow.casework.documents.NoticeFixtures.CALENDAR;
import static org.onewindow.casework.documents.NoticeFixtures.header;

import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.onewindow.casework.domain.IntakeWindow;

/** The acceptance receipt tells the applicant which window took the case in (受理窗口), or that it is not known. */
class AcceptanceReceiptWindowTest {

    private final CaseNotices notices = new CaseNotices(URI.create(BASE_URL));

    @Test
    void printsThePointAndTheWindowThatTookTheCaseIn() {
        IntakeWindow window = new IntakeWindow(UUID.randomUUID(), "华沟村便民服务站", UUID.randomUUID(), "综合代办窗口");

        String text = PdfReading.text(notices.acceptanceReceipt(
                header("桓受通〔2026〕000126号"), NoticeFixtures.accepted(), window.printed(), CALENDAR));

        // The reader joins the point and the window; the sheet prints a space between them.
        assertThat(text).containsPattern("受理窗口华沟村便民服务站\\s?综合代办窗口承诺办结日期");
    }

    @Test
    void saysUnknownForACaseTakenInBeforeTheWindowWasRecorded() {
        String text = PdfReading.text(
                notices.acceptanceReceipt(header("桓受通〔2026〕000127号"), NoticeFixtures.accepted(), CALENDAR));

        assertThat(text).contains("受理窗口不详");
    }

    @Test
    void printsAHallWithoutAnIntakeWindowAsThePointAlone() {
        assertThat(new IntakeWindow(UUID.randomUUID(), "华沟村便民服务站", null, null).printed())
                .isEqualTo("华沟村便民服务站");
    }
}
