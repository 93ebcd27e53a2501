package org.onewindow.testing;

import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A small client for the REST API, as a department system would call it. */
public final class Api {

    private final HttpClient http;
    private final URI base;

    /**
     * A client of the server at {@code base}. When {@code base} is a loopback address other than 127.0.0.1
     * (127.0.0.2…254), the requests also come <em>from</em> that address: Linux answers a connection to any loopback
     * address from 127.0.0.1 unless the client binds its own, and what the server keeps per client address (the
     * progress lookup's budget of wrong check codes) would otherwise be shared by every test.
     */
    public Api(URI base) {
        this.base = base;
        this.http = client(base);
    }

    /** An HTTP client that connects from {@code base}'s loopback address when it is one, as {@link #Api} does. */
    public static HttpClient client(URI base) {
        return builder(base).build();
    }

    /** An HTTP client's builder that connects from {@code base}'s loopback address when it is one. */
    public static HttpClient.Builder builder(URI base) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        String host = base.getHost();
        if (host != null && host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            try {
                client.localAddress(InetAddress.getByName(host));
            } catch (UnknownHostException notALiteral) {
                throw new IllegalArgumentException(host, notALiteral);
            }
        }
        return client;
    }

    /** An HTTP answer with its body parsed as JSON when it is JSON. */
    public record Answer(int status, String body, String contentType) {
        public JsonStructure json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.read();
            }
        }

        public String field(String name) {
            return json().asJsonObject().getString(name);
        }
    }

    public String token(String username, String password) {
        Answer answer = tokenAnswer(username, password);
        if (answer.status() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + answer);
        }
        return answer.field("access_token");
    }

    public Answer tokenAnswer(String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(base.resolve("api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Answer get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Answer post(String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A POST of a file's bytes as they are, e.g. a CSV in GBK or a workbook. */
    public Answer post(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Answer putJson(String path, String token, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Answer put(String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Answer delete(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Answer postJson(String path, String token, String json) {
        return post(path, token, "application/json", json);
    }

    /** An answer with the response's headers, for requests that send or expect particular ones. */
    public record Exchange(Answer answer, java.net.http.HttpHeaders headers) {
        public java.util.Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * A request with extra headers (e.g. {@code Idempotency-Key}); {@code json} null sends no body.
     *
     * @param method GET, POST, PUT or DELETE
     */
    public Exchange exchange(
            String method, String path, String token, java.util.Map<String, String> headers, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(
                    new Answer(
                            response.statusCode(),
                            response.body(),
                            response.headers().firstValue("Content-Type").orElse("")),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
