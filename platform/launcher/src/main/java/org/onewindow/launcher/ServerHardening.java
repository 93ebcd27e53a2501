package org.onewindow.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Payara Micro is told before it boots, the same for the launcher and for the tests' server: its HTTP listener
 * names no product or version in a {@code Server} or {@code X-Powered-By} header, including on the answers it gives
 * itself before a request reaches the application (a malformed address such as {@code %00}, an unknown HTTP version).
 * OWASP ASVS 5.0 V13.4: the server discloses no component details.
 */
public final class ServerHardening {

    static final List<String> PRE_BOOT_COMMANDS = List.of(
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false",
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false");

    private ServerHardening() {}

    /**
     * Writes the pre-boot command file into {@code folder} and answers the Payara Micro options that read it.
     *
     * @throws IOException when the file cannot be written
     */
    public static List<String> payaraOptions(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path commands = folder.resolve("pre-boot-commands.asadmin");
        Files.write(commands, PRE_BOOT_COMMANDS);
        return List.of("--prebootcommandfile", commands.toAbsolutePath().toString());
    }
}
