package org.onewindow.casework.documents;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;

/**
 * What every printed notice carries besides the case (文书要素): who issues it, its document number and its date, and
 * optionally the body's seal. The issuing body and the date are printed right-aligned at the foot, where the seal goes
 * (《中华人民共和国行政许可法》第三十二条第二款: 加盖本行政机关专用印章和注明日期的书面凭证); the number under the title.
 *
 * @param issuingBody the issuing or deciding body as printed, e.g. {@code 桓台县起凤镇华沟村便民服务站}; not blank
 * @param documentNumber the document number (文号) as the county numbers its notices, e.g. {@code 桓受通〔2026〕000123号};
 *     taken as it is, not blank
 * @param issuedOn the notice's date (成文日期), printed as {@code 2026年11月30日}
 * @param sealImage the body's seal (专用印章) as a PNG or JPEG, ideally red on a transparent background, printed about
 *     40 mm wide over the body's name and the date; {@code null} for a notice stamped by hand
 * @throws IllegalArgumentException for a blank body or number or a missing date: the service fills these from the
 *     county's settings and its number sequence, never from a clerk's typing
 */
public record NoticeHeader(String issuingBody, String documentNumber, LocalDate issuedOn, byte[] sealImage) {

    public NoticeHeader {
        issuingBody = required(issuingBody, "issuingBody");
        documentNumber = required(documentNumber, "documentNumber");
        Objects.requireNonNull(issuedOn, "issuedOn");
        sealImage = sealImage == null || sealImage.length == 0 ? null : sealImage.clone();
    }

    /** A header for a notice stamped by hand (no seal image). */
    public static NoticeHeader of(String issuingBody, String documentNumber, LocalDate issuedOn) {
        return new NoticeHeader(issuingBody, documentNumber, issuedOn, null);
    }

    /** The seal's bytes, a copy; {@code null} without one. */
    @Override
    public byte[] sealImage() {
        return sealImage == null ? null : sealImage.clone();
    }

    boolean hasSeal() {
        return sealImage != null;
    }

    private static String required(String text, String name) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required on a notice");
        }
        return text.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NoticeHeader that
                && issuingBody.equals(that.issuingBody)
                && documentNumber.equals(that.documentNumber)
                && issuedOn.equals(that.issuedOn)
                && Arrays.equals(sealImage, that.sealImage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(issuingBody, documentNumber, issuedOn, Arrays.hashCode(sealImage));
    }

    @Override
    public String toString() {
        return "NoticeHeader[" + issuingBody + ", " + documentNumber + ", " + issuedOn
                + (sealImage == null ? "" : ", seal " + sealImage.length + " bytes") + "]";
    }
}
