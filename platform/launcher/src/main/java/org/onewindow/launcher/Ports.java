package org.onewindow.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ports the launcher is about to listen on, checked before anything starts: a second instance on a taken port
 * would otherwise fail half-way (PostgreSQL's port taken by another instance's database reads as "password
 * authentication failed", with a stack trace), and the person starting it learns nothing about the cause.
 */
final class Ports {

    private Ports() {}

    /**
     * A setting's port number.
     *
     * @param setting the environment variable, e.g. {@code ONEWINDOW_PORT}
     * @param value its value, or null for the default
     * @throws IllegalArgumentException with a sentence naming the setting, for anything but 1–65535
     */
    static int port(String setting, String value, int defaultPort) {
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException(
                setting + " must be a port number from 1 to 65535, not \"" + value.strip() + "\".");
    }

    /**
     * What is wrong with the ports, one sentence a port, or empty when all are free.
     *
     * @param wanted each port's setting (e.g. {@code ONEWINDOW_EMBEDDED_DB_PORT}) and number, in the order to report
     */
    static Optional<String> taken(Map<String, Integer> wanted) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> seen = new LinkedHashMap<>();
        wanted.forEach((setting, port) -> {
            String other = seen.putIfAbsent(port, setting);
            if (other != null) {
                problems.add(setting + " and " + other + " are both " + port + ": set one of them to another port.");
            } else if (!free(port)) {
                problems.add("Port " + port + " (" + what(setting) + ") is taken, by another OneWindow instance or"
                        + " another program: set " + setting + " to a free port, e.g. " + setting + "="
                        + suggestion(port, seen.keySet()) + ".");
            }
        });
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(System.lineSeparator(), problems));
    }

    /** Whether nothing listens on the port, on any interface or on loopback (where PostgreSQL listens). */
    static boolean free(int port) {
        return bindable(new InetSocketAddress(port))
                && bindable(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Whether a listener could bind the address now. Bound as Payara and PostgreSQL bind (address reuse on), so the
     * connections a stopped instance left waiting out their close (TCP TIME_WAIT, a minute) do not count as taken:
     * only a live listener does.
     */
    private static boolean bindable(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int suggestion(int port, java.util.Set<Integer> claimed) {
        for (int candidate = port + 10; candidate < Math.min(65535, port + 1000); candidate += 10) {
            if (!claimed.contains(candidate) && free(candidate)) {
                return candidate;
            }
        }
        return port + 10;
    }

    private static String what(String setting) {
        return setting.equals("ONEWINDOW_PORT") ? "HTTP, " + setting : "embedded PostgreSQL, " + setting;
    }
}
