package org.onewindow.app;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * What the shared Payara Micro writes to its log while a test acts: the managed container copies the server's output
 * line by line to this JVM's {@code System.out}, so a copy of that stream is the server's log of the moment.
 */
final class ServerLog {

    /** Something a test does while the log is read; it may throw. */
    @FunctionalInterface
    interface Act {
        void run() throws Exception;
    }

    private ServerLog() {}

    /**
     * The server's output while {@code act} runs, read until {@code marker} has appeared {@code times} times (at most
     * 20 s) and then for 2 s more, so that anything logged after the marker is in it too.
     */
    static String whileRunning(String marker, int times, Act act) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        OutputStream tee = new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (copy) {
                    copy.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (copy) {
                    copy.write(bytes, offset, length);
                }
            }
        };
        System.setOut(new PrintStream(tee, true, StandardCharsets.UTF_8));
        try {
            act.run();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (count(read(copy), marker) < times && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Thread.sleep(2000);
            return read(copy);
        } finally {
            System.setOut(original);
        }
    }

    private static String read(ByteArrayOutputStream copy) {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }

    private static int count(String text, String marker) {
        int found = 0;
        for (int at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + marker.length())) {
            found++;
        }
        return found;
    }
}
