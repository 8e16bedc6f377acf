package io.tryx.bridge.registry;

import javax.net.ssl.SSLContext;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the TLS material for the schema registry is: a trust store for the registry's certificate (PEM, PKCS12 or
 * JKS; none means the JDK's default CAs) and, for mutual TLS, a client key store (PKCS12 or JKS, or a PEM with the
 * certificate chain and a PKCS#8 key, the key possibly in its own PEM file). All empty: plain JDK defaults.
 */
public record RegistryTlsFiles(Optional<Path> trustStore, Optional<String> trustStorePassword, Optional<Path> keyStore,
                               Optional<String> keyStorePassword, Optional<Path> privateKey) {

    public RegistryTlsFiles {
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(privateKey, "privateKey");
        if (privateKey.isPresent() && keyStore.isEmpty()) {
            throw new IllegalArgumentException("a private key file needs the client certificate (key store) too");
        }
    }

    /** Nothing configured: the JDK's trust store, no client certificate. */
    public static RegistryTlsFiles none() {
        return new RegistryTlsFiles(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when nothing is configured. */
    public boolean isEmpty() {
        return trustStore.isEmpty() && keyStore.isEmpty();
    }

    /**
     * The SSL context for these files, or empty when nothing is configured.
     *
     * @throws IllegalArgumentException naming the file when one cannot be read (missing, wrong password, bad PEM)
     */
    public Optional<SSLContext> sslContext() {
        if (isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RegistryTls.context(trustStore.orElse(null), chars(trustStorePassword),
                keyStore.orElse(null), chars(keyStorePassword), privateKey.orElse(null)));
    }

    private static char[] chars(Optional<String> password) {
        return password.map(String::toCharArray).orElse(null);
    }

    @Override
    public String toString() {
        return "RegistryTlsFiles[trustStore=" + trustStore + ", keyStore=" + keyStore + ", privateKey=" + privateKey
                + ", passwords=***]";
    }
}
