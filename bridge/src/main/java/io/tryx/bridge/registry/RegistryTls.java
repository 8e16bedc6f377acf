package io.tryx.bridge.registry;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** Builds the {@link SSLContext} for a registry served with a certificate from a private CA. */
public final class RegistryTls {

    private RegistryTls() {
    }

    /**
     * An SSL context trusting exactly the certificates of the given trust store ({@code PKCS12} or {@code JKS}).
     *
     * @throws IllegalArgumentException when the store cannot be read
     */
    public static SSLContext trusting(Path trustStore, char[] password, String type) {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }
}
