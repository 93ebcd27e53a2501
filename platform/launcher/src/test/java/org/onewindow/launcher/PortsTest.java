package org.onewindow.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second instance on taken ports is told which port is taken and which setting moves it, before anything starts. */
class PortsTest {

    private static Map<String, Integer> ports(int http, int database) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("ONEWINDOW_PORT", http);
        ports.put("ONEWINDOW_EMBEDDED_DB_PORT", database);
        return ports;
    }

    private static ServerSocket listening(InetAddress on) throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(on, 0));
        return socket;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void aDatabasePortTakenOnLoopbackAsPostgresqlListensIsNamedWithItsSetting() throws Exception {
        try (ServerSocket otherDatabase = listening(InetAddress.getLoopbackAddress())) {
            int taken = otherDatabase.getLocalPort();

            String said = Ports.taken(ports(freePort(), taken)).orElseThrow();

            assertThat(said)
                    .contains("Port " + taken + " (embedded PostgreSQL, ONEWINDOW_EMBEDDED_DB_PORT) is taken")
                    .contains("set ONEWINDOW_EMBEDDED_DB_PORT to a free port, e.g. ONEWINDOW_EMBEDDED_DB_PORT=")
                    .doesNotContain("ONEWINDOW_PORT ");
        }
    }

    @Test
    void bothPortsTakenAreBothNamed() throws Exception {
        try (ServerSocket otherServer = listening(null);
                ServerSocket otherDatabase = listening(InetAddress.getLoopbackAddress())) {
            String said = Ports.taken(ports(otherServer.getLocalPort(), otherDatabase.getLocalPort()))
                    .orElseThrow();

            assertThat(said.lines())
                    .hasSize(2)
                    .anySatisfy(line -> assertThat(line)
                            .startsWith("Port " + otherServer.getLocalPort() + " (HTTP, ONEWINDOW_PORT) is taken")
                            .contains("set ONEWINDOW_PORT to a free port"))
                    .anySatisfy(line -> assertThat(line).contains("set ONEWINDOW_EMBEDDED_DB_PORT to a free port"));
        }
    }

    /** A restart right after a stop: the last connections' close still waits out TCP's TIME_WAIT on the port. */
    @Test
    void aPortWhoseListenerStoppedIsFreeWhileItsLastConnectionsWaitOutTheirClose() throws Exception {
        int port;
        try (ServerSocket stopped = new ServerSocket()) {
            stopped.setReuseAddress(true);
            stopped.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = stopped.getLocalPort();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                    Socket served = stopped.accept()) {
                served.close(); // the server closes first, as a stopping server does: its side waits in TIME_WAIT
            }
        }

        assertThat(Ports.free(port)).isTrue();
        assertThat(Ports.taken(ports(port, freePort()))).isEmpty();
    }

    @Test
    void freePortsPassAndTheSuggestionIsFree() throws Exception {
        assertThat(Ports.taken(ports(freePort(), freePort()))).isEmpty();
        try (ServerSocket other = listening(null)) {
            String said =
                    Ports.taken(Map.of("ONEWINDOW_PORT", other.getLocalPort())).orElseThrow();
            int suggested = Integer.parseInt(said.replaceAll("(?s).*ONEWINDOW_PORT=(\\d+)\\.$", "$1"));
            assertThat(Ports.free(suggested)).isTrue();
        }
    }

    @Test
    void theSamePortForBothIsSaidPlainly() throws Exception {
        int port = freePort();

        assertThat(Ports.taken(ports(port, port)).orElseThrow())
                .isEqualTo("ONEWINDOW_EMBEDDED_DB_PORT and ONEWINDOW_PORT are both " + port
                        + ": set one of them to another port.");
    }

    @Test
    void aPortSettingThatIsNoPortIsRefusedByName() {
        assertThat(Ports.port("ONEWINDOW_PORT", null, 8080)).isEqualTo(8080);
        assertThat(Ports.port("ONEWINDOW_PORT", " 18080 ", 8080)).isEqualTo(18080);
        assertThatThrownBy(() -> Ports.port("ONEWINDOW_EMBEDDED_DB_PORT", "54329x", 54329))
                .hasMessage("ONEWINDOW_EMBEDDED_DB_PORT must be a port number from 1 to 65535, not \"54329x\".");
        assertThatThrownBy(() -> Ports.port("ONEWINDOW_PORT", "70000", 8080)).hasMessageContaining("not \"70000\"");
    }
}
