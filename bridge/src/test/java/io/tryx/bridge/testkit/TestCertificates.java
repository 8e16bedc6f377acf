package io.tryx.bridge.testkit;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * A self-signed EC certificate made in process with Bouncy Castle (for 127.0.0.1 as a server, or a client identity
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
        return make(dir, "server", "CN=127.0.0.1", "127.0.0.1");
    }

    /** A client certificate for mutual TLS (files named {@code client.*} in {@code dir}). */
    public static TestCertificates client(Path dir) {
        return make(dir, "client", "CN=tryx-bridge", null);
    }

    private static TestCertificates make(Path dir, String name, String dname, String ipAddress) {
        Path keyStore = dir.resolve(name + ".p12");
        Path trustStore = dir.resolve(name + "-trust.p12");
        Path jks = dir.resolve(name + "-trust.jks");
        Path pem = dir.resolve(name + ".pem");
        Path keyPem = dir.resolve(name + "-key.pem");
        char[] password = PASSWORD.toCharArray();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name(dname);
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), subject,
                    keys.getPublic());
            if (ipAddress != null) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            KeyStore withKey = KeyStore.getInstance("PKCS12");
            withKey.load(null, null);
            withKey.setKeyEntry(name, keys.getPrivate(), password, new X509Certificate[] {certificate});
            store(withKey, keyStore, password);
            for (String type : new String[] {"PKCS12", "JKS"}) {
                KeyStore trust = KeyStore.getInstance(type);
                trust.load(null, null);
                trust.setCertificateEntry(name, certificate);
                store(trust, type.equals("JKS") ? jks : trustStore, password);
            }
            Files.writeString(pem, pemBlock("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(keyPem, pemBlock("PRIVATE KEY", keys.getPrivate().getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the " + name + " certificate", e);
        }
        return new TestCertificates(keyStore, trustStore, password, jks, pem, keyPem);
    }

    private static void store(KeyStore store, Path file, char[] password) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }

    private static String pemBlock(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
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
}
