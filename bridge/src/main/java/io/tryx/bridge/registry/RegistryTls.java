package io.tryx.bridge.registry;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Builds the {@link SSLContext} for a registry served with a certificate from a private CA, optionally presenting a
 * client certificate (mutual TLS). Stores are read in any of the usual forms: a PEM file (certificates; for a client
 * identity, its certificate chain and an unencrypted PKCS#8 private key, in one file or two), or a PKCS12 or JKS key
 * store (the type is detected from the content).
 */
public final class RegistryTls {

    private static final String KEY_ALIAS = "client";

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
            return context(trustManagers(store), null);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load trust store " + trustStore + ": " + e.getMessage(), e);
        }
    }

    /**
     * An SSL context trusting the certificates of {@code trustStore} (PEM, PKCS12 or JKS; none: the JDK's default CAs)
     * and, when {@code keyStore} is given, presenting its client certificate (PEM, PKCS12 or JKS; for a PEM holding
     * only certificates, {@code privateKeyPem} names the PEM file with the PKCS#8 key).
     *
     * @throws IllegalArgumentException naming the file when a store cannot be read
     */
    public static SSLContext context(Path trustStore, char[] trustPassword, Path keyStore, char[] keyPassword,
                                     Path privateKeyPem) {
        TrustManager[] trust = trustStore == null ? null : trustManagers(trustStore, trustPassword);
        KeyManager[] keys = keyStore == null ? null : keyManagers(keyStore, keyPassword, privateKeyPem);
        return context(trust, keys);
    }

    /** Trust managers trusting the certificates of a PEM file, a PKCS12 or a JKS store. */
    public static TrustManager[] trustManagers(Path file, char[] password) {
        try {
            KeyStore store;
            if (Pem.isPem(file)) {
                List<X509Certificate> certificates = Pem.certificates(file);
                if (certificates.isEmpty()) {
                    throw new IllegalArgumentException("no certificate in PEM file " + file);
                }
                store = emptyStore();
                for (int i = 0; i < certificates.size(); i++) {
                    store.setCertificateEntry("ca-" + i, certificates.get(i));
                }
            } else {
                store = KeyStore.getInstance(file.toFile(), password);
            }
            return trustManagers(store);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read trust store " + file + ": " + describe(e), e);
        }
    }

    /**
     * Key managers presenting the client certificate of a PKCS12 or JKS store (its key protected by the store's
     * password), or of a PEM file with the certificate chain and, in it or in {@code privateKeyPem}, the key.
     */
    public static KeyManager[] keyManagers(Path file, char[] password, Path privateKeyPem) {
        try {
            KeyStore store;
            char[] keyPassword = password == null ? new char[0] : password;
            if (Pem.isPem(file)) {
                List<X509Certificate> chain = Pem.certificates(file);
                if (chain.isEmpty()) {
                    throw new IllegalArgumentException("no certificate in PEM file " + file);
                }
                Path keyFile = privateKeyPem == null ? file : privateKeyPem;
                PrivateKey key = Pem.privateKey(keyFile, chain.getFirst().getPublicKey().getAlgorithm());
                store = emptyStore();
                store.setKeyEntry(KEY_ALIAS, key, keyPassword, chain.toArray(X509Certificate[]::new));
            } else {
                store = KeyStore.getInstance(file.toFile(), password);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, keyPassword);
            return kmf.getKeyManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read client key store " + file + ": " + describe(e), e);
        }
    }

    private static SSLContext context(TrustManager[] trust, KeyManager[] keys) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys, trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    private static KeyStore emptyStore() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        if (e.getMessage() != null && e.getMessage().contains("password") || cause instanceof java.security.UnrecoverableKeyException) {
            return "wrong password? (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
