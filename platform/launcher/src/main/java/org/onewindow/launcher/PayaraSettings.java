package org.onewindow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The settings Payara Micro takes as asadmin commands before it boots, the same for the product and the tests. */
public final class PayaraSettings {

    private static final String HTTP_LISTENER =
            "configs.config.server-config.network-config.protocols.protocol.http-listener.http";

    private PayaraSettings() {}

    /**
     * Writes the pre-boot commands into {@code home} and returns the file, for {@code --prebootcommandfile}: answers
     * name no server product or version (OWASP ASVS 5.0 V13: no fingerprint for an attacker's search).
     */
    public static Path prebootCommands(Path home) {
        Path file = home.resolve("payara-preboot.asadmin");
        try {
            Files.createDirectories(home);
            Files.writeString(
                    file,
                    "set " + HTTP_LISTENER + ".server-header=false\n" + "set " + HTTP_LISTENER
                            + ".xpowered-by=false\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
