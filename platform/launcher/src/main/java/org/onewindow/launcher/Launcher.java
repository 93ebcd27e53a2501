package org.onewindow.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onewindow.launcher.EmbeddedDatabase.Durability;

/**
 * {@code infra/run.sh} in Java: starts PostgreSQL (embedded, unless {@code ONEWINDOW_DB_URL} names
 * one), then Payara Micro with the WAR as a child process, waits until it is ready and says where to
 * open it and how to log in. Ctrl-C stops both. Both ports are checked first ({@link Ports}): a taken one is
 * named with the setting that moves it, and nothing starts.
 */
public final class Launcher {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Path war = Path.of(argument(args, "--war"));
        Path payara = Path.of(argument(args, "--payara"));
        boolean embeddedDatabase = isBlank(env.get("ONEWINDOW_DB_URL"));
        int port;
        int dbPort;
        try {
            port = Ports.port("ONEWINDOW_PORT", env.get("ONEWINDOW_PORT"), 8080);
            dbPort = Ports.port("ONEWINDOW_EMBEDDED_DB_PORT", env.get("ONEWINDOW_EMBEDDED_DB_PORT"), 54329);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ONEWINDOW_PORT", port);
        if (embeddedDatabase) {
            ports.put("ONEWINDOW_EMBEDDED_DB_PORT", dbPort);
        }
        Optional<String> taken = Ports.taken(ports);
        if (taken.isPresent()) {
            System.err.println("OneWindow cannot start:");
            System.err.println(taken.get());
            System.exit(2);
            return;
        }
        Path home = Path.of(env.getOrDefault("ONEWINDOW_HOME", ".onewindow")).toAbsolutePath();
        Files.createDirectories(home);
        long started = System.nanoTime();

        ProcessBuilder server = new ProcessBuilder(payaraCommand(war, payara, port, home));
        Map<String, String> childEnv = server.environment();
        childEnv.put("ONEWINDOW_HOME", home.toString());
        childEnv.putIfAbsent("ONEWINDOW_PUBLIC_URL", "http://localhost:" + port);
        EmbeddedDatabase embedded = null;
        if (embeddedDatabase) {
            embedded = EmbeddedDatabase.start(
                    home.resolve("pgdata"), dbPort, home.resolve("postgres-binaries"), Durability.DURABLE);
            childEnv.put("ONEWINDOW_DB_URL", embedded.url());
            childEnv.put("ONEWINDOW_DB_USER", EmbeddedDatabase.APP);
            childEnv.put("ONEWINDOW_DB_PASSWORD", embedded.appPassword());
            childEnv.put("ONEWINDOW_DB_OWNER_USER", EmbeddedDatabase.OWNER);
            childEnv.put("ONEWINDOW_DB_OWNER_PASSWORD", embedded.ownerPassword());
            System.out.println(
                    "Embedded PostgreSQL on port " + embedded.port() + ", data in " + home.resolve("pgdata"));
        } else {
            System.out.println("Using the PostgreSQL at " + env.get("ONEWINDOW_DB_URL"));
        }
        boolean demo = !"false".equalsIgnoreCase(env.getOrDefault("ONEWINDOW_DEMO", "true"));
        String demoPassword = demo ? demoPassword(env, home) : null;
        childEnv.put("ONEWINDOW_DEMO", String.valueOf(demo));
        if (demo) {
            childEnv.put("ONEWINDOW_DEMO_PASSWORD", demoPassword);
        }

        Path log = home.resolve("server.log");
        if (!Files.exists(log)) {
            Files.createFile(log);
        }
        EmbeddedDatabase.ownerOnly(log);
        server.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = server.start();
        EmbeddedDatabase database = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, database)));
        System.out.println("Starting Payara Micro (log: " + log + ") …");

        URI ready = URI.create("http://localhost:" + port + "/health/ready");
        if (!awaitReady(ready, process)) {
            System.err.println("OneWindow did not become ready; the last lines of " + log + ":");
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
            System.exit(1);
        }
        System.out.printf(
                "%nOneWindow 一窗通办 is ready after %.1f s: open http://localhost:%d/%n",
                (System.nanoTime() - started) / 1e9, port);
        if (demo) {
            System.out.println("Log in at a window as huagou.clerk, fumiao.clerk, qifeng.clerk or county.clerk;"
                    + " in the back office as huagou.reviewer, qifeng.reviewer, mz.reviewer, mz.reviewer2,"
                    + " zj.reviewer or cz.reviewer (work queue: /clerk/tasks/queue.xhtml); in the console as"
                    + " qifeng.admin or county.admin; also county.auditor, standards.editor, platform.operator");
            System.out.println("with the password: " + demoPassword);
        }
        System.out.println("REST API: http://localhost:" + port
                + "/api/v1 (OpenAPI at /openapi, health at /health). Ctrl-C stops.");
        System.exit(process.waitFor());
    }

    private static List<String> payaraCommand(Path war, Path payara, int port, Path home) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command =
                new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-jar", payara.toString()));
        command.addAll(List.of(
                "--deploy",
                war.toAbsolutePath().toString(),
                "--contextroot",
                "/",
                "--port",
                String.valueOf(port),
                "--nocluster",
                "--disablephonehome",
                "--rootdir",
                home.resolve("payara").toString()));
        command.addAll(ServerHardening.payaraOptions(home));
        return command;
    }

    private static boolean awaitReady(URI ready, Process process) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> answer = client.send(
                        HttpRequest.newBuilder(ready)
                                .timeout(Duration.ofSeconds(20))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                // While the WAR still deploys, Payara's own health answer can be 200 with "No Application deployed".
                if (answer.statusCode() == 200 && answer.body().contains("\"database\"")) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        return false;
    }

    /** The demo password: the configured one, or one generated on the first run and kept in the home folder. */
    private static String demoPassword(Map<String, String> env, Path home) throws IOException {
        if (!isBlank(env.get("ONEWINDOW_DEMO_PASSWORD"))) {
            return env.get("ONEWINDOW_DEMO_PASSWORD");
        }
        Path file = home.resolve("demo-password");
        if (!Files.exists(file)) {
            String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
            SecureRandom random = new SecureRandom();
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                password.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Files.writeString(file, password.toString());
            EmbeddedDatabase.ownerOnly(file);
        }
        return Files.readString(file).strip();
    }

    private static void stop(Process process, EmbeddedDatabase database) {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (database != null) {
            database.close();
        }
    }

    private static String argument(String[] args, String name) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("missing " + name);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
