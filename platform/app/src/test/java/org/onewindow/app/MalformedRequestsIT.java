package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requests no browser sends, written byte by byte on a socket, as a scanner sends them: addresses with malformed or
 * forbidden escapes, unknown methods and HTTP versions, headers and addresses longer than the server reads. Many are
 * answered by the HTTP server itself, before the application: every answer must still name no server product or
 * version and be either bare (no body) or the product's problem shape, never the server's own error page.
 */
class MalformedRequestsIT extends ShippedWar {

    /** What is sent after the request line of each case, ending the request. */
    private static final String REST = "Host: onewindow.test\r\nConnection: close\r\n\r\n";

    @Test
    void everyMalformedRequestIsRefusedWithoutServerDetails() throws IOException {
        Map<String, String> requests = new LinkedHashMap<>();
        for (String path : new String[] {
            "/%00",
            "/api/v1/%00",
            "/login.xhtml%00.txt",
            "/api/v1/%C0%AF",
            "/%5C..%5Cetc",
            "/a%2Fb",
            "/api/v1/me%2F..%2F"
        }) {
            requests.put("GET " + path, "GET " + path + " HTTP/1.1\r\n" + REST);
        }
        for (String method : new String[] {"FOO", "PROPFIND", "TRACE", "CONNECT"}) {
            requests.put(method + " /login.xhtml", method + " /login.xhtml HTTP/1.1\r\n" + REST);
            requests.put(method + " /api/v1/me", method + " /api/v1/me HTTP/1.1\r\n" + REST);
        }
        requests.put("HTTP/9.9", "GET /login.xhtml HTTP/9.9\r\n" + REST);
        requests.put("a 70 kB header", "GET /login.xhtml HTTP/1.1\r\nX-Long: " + "a".repeat(70_000) + "\r\n" + REST);
        requests.put("a 20 kB address", "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\n" + REST);

        for (Map.Entry<String, String> request : requests.entrySet()) {
            String answer = send(request.getValue());
            String head = answer.contains("\r\n\r\n") ? answer.substring(0, answer.indexOf("\r\n\r\n")) : answer;
            String body = answer.substring(head.length()).strip();
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            assertThat(status)
                    .as(request.getKey() + "\n" + head)
                    .isBetween(400, 505)
                    .isNotEqualTo(500);
            assertThat(head.toLowerCase(java.util.Locale.ROOT))
                    .as(request.getKey())
                    .doesNotContain("\r\nserver:")
                    .doesNotContain("x-powered-by")
                    .doesNotContain("payara")
                    .doesNotContain("glassfish")
                    .doesNotContain("grizzly");
            if (!body.isEmpty() && status != 404) {
                assertThat(head.toLowerCase(java.util.Locale.ROOT))
                        .as(request.getKey() + ": a body is the problem shape\n" + body)
                        .contains("content-type: application/problem+json");
            }
            assertThat(body.toLowerCase(java.util.Locale.ROOT))
                    .as(request.getKey() + ": no server name, no stack trace")
                    .doesNotContain("payara")
                    .doesNotContain("glassfish")
                    .doesNotContain("exception:")
                    .doesNotContain(".java:");
        }
    }

    @Test
    void anUnknownMethodOnAPageAnswersTheProblemShape() throws IOException {
        String answer = send("FOO /login.xhtml HTTP/1.1\r\n" + REST);

        assertThat(answer).startsWith("HTTP/1.1 4").contains("application/problem+json");
        assertThat(answer).contains("\"error\":\"request.");
    }

    /** The whole answer to {@code request}, as the server wrote it before closing (or after 10 s). */
    private String send(String request) throws IOException {
        try (Socket socket = new Socket(loopbackAddress(getClass()), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = in.read(buffer)) != -1; ) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // a server that closes while the test still writes or reads: what it answered counts
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
