package org.onewindow.casework.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.onewindow.casework.application.SmsGateway;
import org.onewindow.casework.domain.MobileNumber;

/**
 * The default {@link SmsGateway}: writes one line per message to the server log instead of sending it, the recipient
 * masked ({@code 138****5678}). The text is the template's (case number, item, places), and any resident ID number or
 * mobile number that a reviewer's free text put in it is masked too: the log never holds one whole.
 */
@ApplicationScoped
public class LoggingSmsGateway implements SmsGateway {

    private static final Logger LOG = Logger.getLogger(LoggingSmsGateway.class.getName());

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");

    @Override
    public void send(String phone, String templateKey, List<String> arguments, String text) {
        LOG.info(line(phone, templateKey, text));
    }

    /** The line logged: {@code SMS to 138****5678 [template] text}, nothing personal whole. */
    static String line(String phone, String templateKey, String text) {
        return "SMS to " + MobileNumber.masked(phone) + " [" + templateKey + "] " + masked(text);
    }

    static String masked(String text) {
        String withoutIds = ID_NUMBER.matcher(text).replaceAll("$1********$2");
        return MOBILE.matcher(withoutIds).replaceAll("$1****$2");
    }
}
