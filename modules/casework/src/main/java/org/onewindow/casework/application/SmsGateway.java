package org.onewindow.casework.application;

import java.util.List;

/**
 * Sends one text message (短信) through an operator's gateway. The default implementation only logs a masked line;
 * a deployment replaces it with an {@code @Alternative} of higher priority that calls its provider, whose templates
 * are registered under {@code templateKey} with the {@code arguments} in order.
 */
public interface SmsGateway {

    /**
     * Sends the message, or throws.
     *
     * @param phone the recipient's 11-digit mobile number, in clear: an implementation never logs it whole
     * @param templateKey the template, e.g. {@code casework.notify.ready.for.pickup}
     * @param arguments the template's arguments in order
     * @param text the message as the template renders it in Chinese, for gateways that take free text
     * @throws RuntimeException when the gateway refuses or cannot be reached: the message is tried again later
     */
    void send(String phone, String templateKey, List<String> arguments, String text);
}
