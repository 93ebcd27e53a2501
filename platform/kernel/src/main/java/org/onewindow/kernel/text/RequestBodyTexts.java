package org.onewindow.kernel.text;

import jakarta.json.JsonValue;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.imports.ImportTooLargeException;
import org.onewindow.kernel.json.Json;

/**
 * Every REST body passes {@link TextRule} before a resource sees it, so no endpoint can forget it (ADR 0011). A JSON
 * body is checked string by string against the fields of the type it binds to ({@link JsonTexts}) and handed on
 * cleaned (trimmed, NFC); any refused text answers 400 naming every such field, before the resource runs. A form
 * body (the token endpoint) is checked value by value and handed on exactly as sent: it carries a password. A body
 * the resource reads as bytes (an import: CSV, a workbook, a catalog JSON file, a BPMN file) is left to the import
 * reader, which applies the same rule cell by cell with the row and column (ADR 0009).
 */
@Provider
public class RequestBodyTexts implements ReaderInterceptor {

    /** A JSON request (not a file upload) is read whole to be checked; larger ones are refused unread. */
    static final long MAX_JSON_BYTES = ImportLimits.DEFAULT.maxBytes();

    private static final TextField FORM_VALUE = TextField.secret(TextField.LINE_MAX_LENGTH);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || rawBytes(context.getType())) {
            return context.proceed();
        }
        if (json(type)) {
            byte[] body = read(context.getInputStream());
            if (!blank(body)) {
                JsonValue document;
                try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
                    document = reader.readValue();
                }
                List<TextProblem> problems = new ArrayList<>();
                JsonValue cleaned = JsonTexts.clean(document, context.getGenericType(), problems);
                TextRule.refuseAny(problems);
                body = cleaned.toString().getBytes(StandardCharsets.UTF_8);
                context.setMediaType(type.withCharset(StandardCharsets.UTF_8.name()));
            }
            context.setInputStream(new ByteArrayInputStream(body));
        } else if (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            byte[] body = read(context.getInputStream());
            TextRule.refuseAny(formProblems(new String(body, StandardCharsets.ISO_8859_1)));
            context.setInputStream(new ByteArrayInputStream(body));
        }
        return context.proceed();
    }

    /** Each value of an {@code application/x-www-form-urlencoded} body refused by the rule, named by its name. */
    static List<TextProblem> formProblems(String form) {
        List<TextProblem> problems = new ArrayList<>();
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            TextRule.Checked checked = TextRule.check(name, value, FORM_VALUE);
            if (checked.problem() != null) {
                problems.add(checked.problem());
            }
        }
        return problems;
    }

    /** Percent-decoded as UTF-8; bytes that are no UTF-8 become U+FFFD, which the rule then refuses. */
    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return "\uFFFD";
        }
    }

    static boolean json(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    private static boolean rawBytes(Class<?> type) {
        return InputStream.class.isAssignableFrom(type)
                || Reader.class.isAssignableFrom(type)
                || type == byte[].class
                || type == File.class;
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes((int) MAX_JSON_BYTES + 1);
        if (body.length > MAX_JSON_BYTES) {
            throw new ImportTooLargeException("request.too-large");
        }
        return body;
    }

    private static boolean blank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
