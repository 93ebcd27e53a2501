package org.onewindow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.onewindow.launcher.EmbeddedDatabase;
import org.onewindow.launcher.ServerHardening;

/**
 * One embedded PostgreSQL for the whole test run, started before any test class and stopped after the
 * last. It also tells Arquillian how Payara Micro reaches it, through {@code payara.cmdOptions}, and
 * turns on the demo data with a known password so tests can log in as the demo accounts.
 */
public class TestDatabase implements LauncherSessionListener {

    public static final String DEMO_PASSWORD = "Demo-Password-2026";

    private static EmbeddedDatabase database;
    private static Path home;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        start();
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (database != null) {
            database.close();
            database = null;
        }
    }

    /** The running database (started on first use). */
    public static synchronized EmbeddedDatabase get() {
        start();
        return database;
    }

    /** The folder Payara Micro uses as {@code onewindow.home}: the token signing key lives there. */
    public static Path home() {
        start();
        return home;
    }

    private static synchronized void start() {
        if (database != null) {
            return;
        }
        try {
            home = Path.of("target", "onewindow-test-home").toAbsolutePath();
            deleteRecursively(home);
            Files.createDirectories(home);
            database = EmbeddedDatabase.start(home.resolve("pgdata"), 0, null, EmbeddedDatabase.Durability.THROWAWAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The public catalog is the demo county's portal, as a county's deployment configures it: test classes add
        // counties of their own to the shared database (another county's 404s), and a visitor's first page must not
        // depend on which of them ran first.
        String options = String.join(
                " ",
                "-Xmx512m",
                "-Donewindow.db.url=" + database.url(),
                "-Donewindow.db.user=" + EmbeddedDatabase.APP,
                "-Donewindow.db.password=" + database.appPassword(),
                "-Donewindow.db.owner.user=" + EmbeddedDatabase.OWNER,
                "-Donewindow.db.owner.password=" + database.ownerPassword(),
                "-Donewindow.demo=true",
                "-Donewindow.demo.password=" + DEMO_PASSWORD,
                "-Donewindow.catalog.public.counties=370321000000",
                "-Donewindow.home=" + home,
                "-Donewindow.password.iterations=20000");
        System.setProperty("payara.cmdOptions", options);
        try {
            System.setProperty(
                    "payara.extraMicroOptions",
                    String.join(
                            " ",
                            "--nocluster --disablephonehome --contextroot /",
                            String.join(" ", ServerHardening.payaraOptions(home))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
