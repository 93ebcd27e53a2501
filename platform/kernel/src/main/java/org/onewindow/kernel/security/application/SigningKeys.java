package org.onewindow.kernel.security.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key that signs bearer tokens. Production passes it as configuration
 * ({@code onewindow.jwt.signing-key}, PKCS#8 PEM or base64; every cluster node the same). Without
 * one, a development key is generated on first start into {@code <onewindow.home>/jwt-signing.pem}
 * and reused after: never committed, never shared.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    @ConfigProperty(name = "onewindow.jwt.signing-key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "onewindow.home", defaultValue = ".onewindow")
    String home;

    private RSAPrivateCrtKey privateKey;
    private RSAPublicKey publicKey;

    @PostConstruct
    void load() {
        try {
            String pem = configuredKey.filter(k -> !k.isBlank()).orElseGet(this::developmentKey);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            publicKey = (RSAPublicKey)
                    rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("onewindow.jwt.signing-key is not an RSA private key in PKCS#8", e);
        }
    }

    private String developmentKey() {
        Path file = Path.of(home, "jwt-signing.pem");
        try {
            if (!Files.exists(file)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                String body = Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
                Files.createDirectories(file.getParent());
                Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                LOG.info(() -> "Generated a development token signing key at " + file.toAbsolutePath());
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public RSAPrivateCrtKey privateKey() {
        return privateKey;
    }

    public RSAPublicKey publicKey() {
        return publicKey;
    }
}
