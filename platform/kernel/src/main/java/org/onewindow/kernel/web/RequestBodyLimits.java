package org.onewindow.kernel.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.onewindow.kernel.error.Problem;

/**
 * What one REST request body may cost before any resource reads it (issue 8, OWASP ASVS 5.0 V2): at most
 * {@link #MAX_BYTES} — a declared {@code Content-Length} over it is refused unread, a longer chunked body as soon as
 * the limit is passed — and, for JSON, nested at most {@link #MAX_DEPTH} deep, so no body makes a parser recurse
 * until the stack or the heap runs out. Refusals are 413 {@code request.body.too.large} and 400 {@code
 * request.json.too.deep}, each naming its limit. Uploads (operations that take the raw {@link InputStream}: division
 * lists, catalog imports, BPMN) are left to their own, larger limits ({@code ImportLimits}).
 */
@Provider
public class RequestBodyLimits implements ContainerRequestFilter {

    /** 1 MiB: a catalog item's elements or a whole intake are a few KiB. */
    public static final int MAX_BYTES = 1 << 20;

    /** The deepest JSON any operation takes is an item's elements (about 5 levels). */
    public static final int MAX_DEPTH = 32;

    @Context
    ResourceInfo resource;

    @Context
    HttpHeaders headers;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity() || takesTheRawBody()) {
            return;
        }
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        byte[] body = request.getEntityStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            request.abortWith(tooLarge());
            return;
        }
        MediaType type = request.getMediaType();
        if (type != null
                && type.getSubtype().endsWith("json")
                && depth(new String(body, StandardCharsets.ISO_8859_1)) > MAX_DEPTH) {
            request.abortWith(Problem.response(400, "request.json.too.deep", Problem.locale(headers), MAX_DEPTH));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
    }

    private boolean takesTheRawBody() {
        return resource.getResourceMethod() != null
                && Arrays.asList(resource.getResourceMethod().getParameterTypes())
                        .contains(InputStream.class);
    }

    private jakarta.ws.rs.core.Response tooLarge() {
        return Problem.response(413, "request.body.too.large", Problem.locale(headers), MAX_BYTES >> 20);
    }

    /**
     * The deepest nesting of objects and arrays in a JSON text, brackets inside strings not counted. Malformed text is
     * measured all the same; the parser refuses it afterwards. UTF-8 bytes read one to one as Latin-1 characters measure
     * the same, as no byte of a multi-byte character is ASCII.
     */
    public static int depth(CharSequence json) {
        int depth = 0;
        int deepest = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char b = json.charAt(i);
            if (inString) {
                if (b == '\\') {
                    i++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                deepest = Math.max(deepest, ++depth);
            } else if (b == '}' || b == ']') {
                depth--;
            }
        }
        return deepest;
    }
}
