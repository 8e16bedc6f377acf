package io.tryx.bridge.testkit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A self-signed certificate made with the JDK's {@code keytool} (for 127.0.0.1 as a server, or a client identity
 * for mutual TLS) in every form a client may be given: the PKCS12 key store with the private key, a PKCS12 and a
 * JKS trust store holding only the certificate, the certificate as PEM and the private key as unencrypted PKCS#8 PEM.
 */
public record TestCertificates(Path keyStore, Path trustStore, char[] password, Path jksTrustStore, Path certificatePem,
                               Path privateKeyPem) {

    private static final String PASSWORD = "changeit";

    /** The forms a trust store can take. */
    public enum Store { PEM, PKCS12, JKS }

    /** A server certificate for 127.0.0.1 (files named {@code server.*} in {@code dir}). */
    public static TestCertificates selfSigned(Path dir) {
        return make(dir, "server", "CN=127.0.0.1", "SAN=ip:127.0.0.1");
    }

    /** A client certificate for mutual TLS (files named {@code client.*} in {@code dir}). */
    public static TestCertificates client(Path dir) {
        return make(dir, "client", "CN=tryx-bridge", null);
    }

    private static TestCertificates make(Path dir, String name, String dname, String extension) {
        Path keyStore = dir.resolve(name + ".p12");
        Path cert = dir.resolve(name + ".der");
        Path trustStore = dir.resolve(name + "-trust.p12");
        Path jks = dir.resolve(name + "-trust.jks");
        Path pem = dir.resolve(name + ".pem");
        Path keyPem = dir.resolve(name + "-key.pem");
        List<String> generate = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", dname, "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (extension != null) {
            generate.addAll(List.of("-ext", extension));
        }
        keytool(generate.toArray(String[]::new));
        keytool("-exportcert", "-alias", name, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        keytool("-exportcert", "-rfc", "-alias", name, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", name, "-file", cert.toString(),
                "-keystore", jks.toString(), "-storetype", "JKS", "-storepass", PASSWORD);
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            byte[] pkcs8 = store.getKey(name, PASSWORD.toCharArray()).getEncoded();
            Files.writeString(keyPem, "-----BEGIN PRIVATE KEY-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8)
                    + "\n-----END PRIVATE KEY-----\n");
        } catch (Exception e) {
            throw new IllegalStateException("cannot export the key of " + keyStore, e);
        }
        return new TestCertificates(keyStore, trustStore, PASSWORD.toCharArray(), jks, pem, keyPem);
    }

    /** The password of every store, as a string. */
    public String passwordText() {
        return new String(password);
    }

    /** A server context presenting this certificate and trusting (and so accepting) the client {@code clients}. */
    public SSLContext serverContextTrusting(TestCertificates clients) {
        try (InputStream in = Files.newInputStream(keyStore); InputStream trusted = Files.newInputStream(clients.trustStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(trusted, clients.password());
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + keyStore, e);
        }
    }

    /** The server's SSL context, presenting the certificate. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + keyStore, e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
