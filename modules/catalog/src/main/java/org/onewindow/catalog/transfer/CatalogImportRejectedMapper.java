package org.onewindow.catalog.transfer;

import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.json.Json;

/**
 * A refused import as a 400 with the usual {@code error} and {@code message}, and {@code errors}: each bad
 * row's sheet, row, column, cell, error key and message, in the caller's language (zh-CN unless English is asked
 * for).
 */
@Provider
public class CatalogImportRejectedMapper implements ExceptionMapper<CatalogImportRejected> {

    /** The errors an answer lists at most; the message still counts them all (a bad file can have 100,000). */
    static final int MAX_LISTED = 1000;

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(CatalogImportRejected rejected) {
        Locale locale = locale(headers);
        JsonArrayBuilder errors = Json.createArrayBuilder();
        for (RowError error : rejected.errors()
                .subList(0, Math.min(MAX_LISTED, rejected.errors().size()))) {
            errors.add(Json.createObjectBuilder()
                    .add("sheet", error.sheet())
                    .add("row", error.row())
                    .add("column", error.column())
                    .add("cell", error.cell())
                    .add("error", error.key())
                    .add(
                            "message",
                            Messages.format(
                                    locale, error.key(), error.arguments().toArray())));
        }
        String body = Json.createObjectBuilder()
                .add("error", rejected.key())
                .add("message", Messages.format(locale, rejected))
                .add("errors", errors)
                .build()
                .toString();
        return Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(body)
                .build();
    }

    static Locale locale(HttpHeaders headers) {
        return headers == null || headers.getAcceptableLanguages().isEmpty()
                ? Messages.DEFAULT_LOCALE
                : headers.getAcceptableLanguages().get(0);
    }
}
