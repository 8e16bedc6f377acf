package io.tryx.bridge.registry;

import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.RecordingProxy;
import io.tryx.bridge.testkit.TestCertificates;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the client puts on the wire and how it copes with a failing registry: the real registry sits behind
 * a {@link RecordingProxy} that records headers and can inject error statuses.
 */
@ExtendWith(KafkaExtension.class)
class RegistryTransportTest {

    private static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50));

    private final KafkaTestEnvironment env;

    RegistryTransportTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    private static Schema schema() {
        return SchemaBuilder.record("Ping").namespace("io.tryx.test").fields().requiredInt("n").endRecord();
    }

    private static String subject() {
        return "ping-" + UUID.randomUUID() + "-value";
    }

    @Test
    void sendsBasicAuthAndTheRegistryMediaType() {
        try (RecordingProxy proxy = RecordingProxy.http(env.registryUrl());
             SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url())
                     .auth(RegistryAuth.basic("bridge", "s3cret:with colon")).build())) {
            client.register(subject(), schema());

            RecordingProxy.Seen request = proxy.seen().getFirst();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("Authorization")).isEqualTo("Basic YnJpZGdlOnMzY3JldDp3aXRoIGNvbG9u");
            assertThat(request.header("Content-Type")).isEqualTo("application/vnd.schemaregistry.v1+json");
            assertThat(request.header("Accept")).startsWith("application/vnd.schemaregistry.v1+json");
        }
    }

    @Test
    void asksTheBearerTokenSourceForEveryRequest() {
        AtomicInteger issued = new AtomicInteger();
        try (RecordingProxy proxy = RecordingProxy.http(env.registryUrl());
             SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url())
                     .auth(RegistryAuth.bearer(() -> "token-" + issued.incrementAndGet())).build())) {
            client.subjects();
            client.subjects();

            assertThat(proxy.seen()).extracting(seen -> seen.header("Authorization"))
                    .containsExactly("Bearer token-1", "Bearer token-2");
        }
    }

    @Test
    void retriesA503AndSucceeds() {
        try (RecordingProxy proxy = RecordingProxy.http(env.registryUrl());
             SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url())
                     .retry(FAST_RETRY).build())) {
            proxy.failNext(2, 503);
            int id = client.register(subject(), schema());

            assertThat(id).isPositive();
            assertThat(proxy.seen()).hasSize(3);
        }
    }

    @Test
    void givesUpAfterTheLastAttemptWithATransientError() {
        try (RecordingProxy proxy = RecordingProxy.http(env.registryUrl());
             SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url())
                     .retry(FAST_RETRY).build())) {
            proxy.failNext(10, 503);

            assertThatThrownBy(() -> client.subjects())
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.isTransient()).isTrue();
                    });
            assertThat(proxy.seen()).hasSize(4);
        }
    }

    @Test
    void doesNotRetryClientErrors() {
        try (RecordingProxy proxy = RecordingProxy.http(env.registryUrl());
             SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url())
                     .retry(FAST_RETRY).build())) {
            assertThatThrownBy(() -> client.schemaById(876_543_210))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isSchemaNotFound()).isTrue());
            proxy.failNext(1, 401);
            assertThatThrownBy(() -> client.subjects())
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isUnauthorized()).isTrue());

            assertThat(proxy.seen()).hasSize(2);
        }
    }

    @Test
    void answersRepeatedLookupsFromItsCaches() {
        String subject = subject();
        try (RecordingProxy proxy = RecordingProxy.http(env.registryUrl());
             SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url()).build())) {
            int id = client.register(subject, schema());
            try (SchemaRegistryClient reader = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url()).build())) {
                for (int i = 0; i < 5; i++) {
                    assertThat(client.register(subject, schema())).isEqualTo(id);
                    assertThat(reader.schemaById(id)).isEqualTo(schema());
                    assertThat(reader.idOf(subject, schema())).isEqualTo(id);
                }
            }
            // one register, one schema fetch, one lookup
            assertThat(proxy.seen()).extracting(RecordingProxy.Seen::method).containsExactly("POST", "GET", "POST");
        }
    }

    @Test
    void aRefusedConnectionIsATransientErrorWithoutStatus() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (SchemaRegistryClient client = new SchemaRegistryClient(
                SchemaRegistryConfig.builder("http://127.0.0.1:" + closedPort).retry(FAST_RETRY).build())) {
            assertThatThrownBy(() -> client.schemaById(1))
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                        assertThat(e.status()).isZero();
                        assertThat(e.isTransient()).isTrue();
                    });
        }
    }

    @Test
    void talksTlsToARegistryWhoseCertificateIsInACustomTrustStore(@TempDir Path dir) {
        TestCertificates certs = TestCertificates.selfSigned(dir);
        try (RecordingProxy proxy = RecordingProxy.https(env.registryUrl(), certs.serverContext())) {
            try (SchemaRegistryClient trusting = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url())
                    .sslContext(RegistryTls.trusting(certs.trustStore(), certs.password(), "PKCS12")).build())) {
                assertThat(trusting.register(subject(), schema())).isPositive();
            }
            try (SchemaRegistryClient systemTrust = new SchemaRegistryClient(SchemaRegistryConfig.builder(proxy.url())
                    .retry(RetryPolicy.NONE).build())) {
                assertThatThrownBy(systemTrust::subjects)
                        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isZero())
                        .hasMessageContaining("SSLHandshakeException");
            }
        }
    }
}
