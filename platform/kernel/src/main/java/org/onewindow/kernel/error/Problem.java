package org.onewindow.kernel.error;

import jakarta.json.JsonArray;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.onewindow.kernel.json.Json;

/**
 * The one shape of every error the API answers: {@code application/problem+json} (RFC 9457) with
 * {@code type} ({@code urn:onewindow:error:<key>}), {@code title} and {@code detail} (the message in the caller's
 * language), {@code status}, and the stable {@code error} key and {@code message} clients already read.
 */
public final class Problem {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json", "UTF-8");

    private Problem() {}

    /** The caller's language from its Accept-Language, one the product speaks. */
    public static Locale locale(HttpHeaders headers) {
        return headers == null || headers.getAcceptableLanguages().isEmpty()
                ? Messages.DEFAULT_LOCALE
                : Messages.supported(headers.getAcceptableLanguages().get(0));
    }

    /** The body for {@code key} rendered in {@code locale}, before any extension member is added. */
    public static JsonObjectBuilder body(int status, String key, String message) {
        return Json.createObjectBuilder()
                .add("type", "urn:onewindow:error:" + key)
                .add("title", message)
                .add("status", status)
                .add("detail", message)
                .add("error", key)
                .add("message", message);
    }

    public static Response response(int status, JsonObjectBuilder body) {
        return Response.status(status)
                .type(MEDIA_TYPE)
                .entity(body.build().toString())
                .build();
    }

    public static Response response(int status, String key, Locale locale, Object... arguments) {
        return response(status, body(status, key, Messages.format(locale, key, arguments)));
    }

    /** A problem with its {@code errors[]}: one object per field or line, each with its own key and message. */
    public static Response response(int status, JsonObjectBuilder body, JsonArray errors) {
        return response(status, body.add("errors", errors));
    }
}
