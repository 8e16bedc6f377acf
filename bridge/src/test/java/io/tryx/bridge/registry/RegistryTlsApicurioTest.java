package io.tryx.bridge.registry;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.app.TopicNames;
import io.tryx.bridge.config.ConfigException;
import io.tryx.bridge.config.ConfigLoader;
import io.tryx.bridge.embedded.EmbeddedSchemaRegistry;
import io.tryx.bridge.runtime.Bridge;
import io.tryx.bridge.runtime.RuntimeOptions;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.serde.AvroSerdeOptions;
import io.tryx.bridge.serde.AvroSerializer;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.RecordingProxy;
import io.tryx.bridge.testkit.Tail;
import io.tryx.bridge.testkit.TestCertificates;
import io.tryx.bridge.topics.TopicSettings;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandFailed;
import io.tryx.commands.v1.CommandResult;
import io.tryx.commands.v1.account.LogOut;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The registry client over TLS against Apicurio Registry itself, started here serving HTTPS only (a self-signed
 * certificate for 127.0.0.1) with HTTP Basic authentication on its API: trust given as PEM, PKCS12 or JKS, the
 * credentials checked by the registry, and the whole bridge configured through the launcher's settings
 * ({@code TRYX_SCHEMA_REGISTRY_*}) publishing and consuming through it. Mutual TLS is shown against a JDK HTTPS server
 * that requires a client certificate, because this Apicurio build cannot require one (its
 * {@code quarkus.http.ssl.client-auth} is fixed to NONE at build time).
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryTlsApicurioTest {

    private static final String USER = "bridge";
    private static final String PASSWORD = "s3cret-pass";

    private final KafkaTestEnvironment env;
    private Path dir;
    private TestCertificates server;
    private TestCertificates client;
    private EmbeddedSchemaRegistry registry;

    RegistryTlsApicurioTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        this.dir = dir;
        server = TestCertificates.selfSigned(dir);
        client = TestCertificates.client(dir);
        registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistry.locateHome(), Files.createTempFile("tryx-apicurio-tls-", ".log"),
                new EmbeddedSchemaRegistry.Security(Optional.of(server.keyStore()), server.passwordText(), Map.of(USER, PASSWORD)));
    }

    @AfterAll
    void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static Schema schema() {
        return SchemaBuilder.record("Ping").namespace("io.tryx.test").fields().requiredInt("n").endRecord();
    }

    private SchemaRegistryClient clientWith(TestCertificates.Store trust, RegistryAuth auth) {
        Path file = switch (trust) {
            case PEM -> server.certificatePem();
            case PKCS12 -> server.trustStore();
            case JKS -> server.jksTrustStore();
        };
        RegistryTlsFiles files = new RegistryTlsFiles(Optional.of(file),
                trust == TestCertificates.Store.PEM ? Optional.empty() : Optional.of(server.passwordText()),
                Optional.empty(), Optional.empty(), Optional.empty());
        return new SchemaRegistryClient(SchemaRegistryConfig.builder(registry.url()).auth(auth)
                .sslContext(files.sslContext().orElseThrow()).retry(RetryPolicy.NONE).build());
    }

    @Test
    void apicurioServesHttpsOnly() {
        assertThat(registry.url()).startsWith("https://127.0.0.1:");
        String plain = registry.url().replace("https://", "http://");
        try (SchemaRegistryClient http = new SchemaRegistryClient(SchemaRegistryConfig.builder(plain)
                .retry(RetryPolicy.NONE).build())) {
            assertThatThrownBy(http::subjects).isInstanceOf(SchemaRegistryException.class);
        }
    }

    @Test
    void registersAndReadsSchemasTrustingTheCertificateAsPemPkcs12OrJks() {
        for (TestCertificates.Store store : TestCertificates.Store.values()) {
            try (SchemaRegistryClient https = clientWith(store, RegistryAuth.basic(USER, PASSWORD))) {
                String subject = "tls-" + store + "-" + UUID.randomUUID() + "-value";
                int id = https.register(subject, schema());
                assertThat(https.schemaById(id)).as(store.name()).isEqualTo(schema());
                assertThat(https.subjects()).contains(subject);
            }
        }
    }

    @Test
    void refusesAServerItDoesNotTrustWithAClearError() {
        try (SchemaRegistryClient jdkDefaults = new SchemaRegistryClient(SchemaRegistryConfig.builder(registry.url())
                .auth(RegistryAuth.basic(USER, PASSWORD)).retry(RetryPolicy.NONE).build());
             SchemaRegistryClient otherCa = new SchemaRegistryClient(SchemaRegistryConfig.builder(registry.url())
                     .auth(RegistryAuth.basic(USER, PASSWORD)).retry(RetryPolicy.NONE)
                     .sslContext(RegistryTls.context(client.certificatePem(), null, null, null, null)).build())) {
            for (SchemaRegistryClient untrusting : List.of(jdkDefaults, otherCa)) {
                assertThatThrownBy(untrusting::subjects).isInstanceOf(SchemaRegistryException.class)
                        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isZero())
                        .hasMessageContaining("SSLHandshakeException");
            }
        }
    }

    @Test
    void basicAuthIsCheckedByTheRegistry() {
        try (SchemaRegistryClient none = clientWith(TestCertificates.Store.PEM, RegistryAuth.none());
             SchemaRegistryClient wrong = clientWith(TestCertificates.Store.PEM, RegistryAuth.basic(USER, "wrong"));
             SchemaRegistryClient right = clientWith(TestCertificates.Store.PEM, RegistryAuth.basic(USER, PASSWORD))) {
            for (SchemaRegistryClient refused : List.of(none, wrong)) {
                assertThatThrownBy(refused::subjects).isInstanceOf(SchemaRegistryException.class)
                        .satisfies(e -> assertThat(((SchemaRegistryException) e).isUnauthorized()).isTrue());
            }
            assertThat(right.subjects()).isNotNull();
        }
    }

    @Test
    void theBridgeConfiguredByEnvironmentPublishesAndConsumesThroughTheHttpsRegistry() throws Exception {
        String prefix = "tls" + Long.toHexString(System.nanoTime() & 0xffffff);
        Map<String, String> environment = new HashMap<>(Map.of(
                "TRYX_KAFKA_BOOTSTRAP_SERVERS", env.bootstrapServers(),
                "TRYX_SCHEMA_REGISTRY_URL", registry.url(),
                "TRYX_SCHEMA_REGISTRY_USER", USER,
                "TRYX_SCHEMA_REGISTRY_PASSWORD", PASSWORD,
                "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE", server.certificatePem().toString(),
                "TRYX_TOPIC_PREFIX", prefix,
                "TRYX_STORE", "memory",
                "TRYX_HTTP_PORT", "0"));
        BridgeConfig config = new ConfigLoader(dir, environment).load(Optional.empty(), ConfigLoader.Flags.none());
        assertThat(config.kafka().registryTls().trustStore()).contains(server.certificatePem());
        TopicNames topics = new TopicNames(prefix);
        RuntimeOptions options = RuntimeOptions.defaults(prefix).withTopics(TopicSettings.defaults()
                .withEventPartitions(1).withCommandPartitions(1));
        try (BridgeRuntime bridge = Bridge.start(config, options, new SimpleMeterRegistry());
             SchemaRegistryClient https = clientWith(TestCertificates.Store.PEM, RegistryAuth.basic(USER, PASSWORD));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(env.producerConfig(), new ByteArraySerializer(),
                     new ByteArraySerializer());
             Tail<CommandResult> results = new Tail<>(env.bootstrapServers(), topics.commandResults(),
                     new AvroDeserializer<>(https, AvroReadMode.specific(CommandResult.class)))) {
            await().atMost(Duration.ofSeconds(30)).until(bridge::ready);
            String account = "15550005001@s.whatsapp.net";
            Command command = Command.newBuilder().setCommandId("over-tls").setAccount(account)
                    .setAction(LogOut.newBuilder().build()).build();
            byte[] value = new AvroSerializer<Command>(https, AvroSerdeOptions.DEFAULTS, false)
                    .serialize(topics.commands(), command);
            producer.send(new ProducerRecord<>(topics.commands(), account.getBytes(StandardCharsets.UTF_8), value))
                    .get(30, TimeUnit.SECONDS);

            CommandResult result = results.await(r -> r.value().getCommandId().equals("over-tls"), Duration.ofSeconds(30))
                    .value();
            assertThat(((CommandFailed) result.getStatus()).getCode().name()).isEqualTo("UNKNOWN_ACCOUNT");
            assertThat(https.subjects()).contains(topics.commands() + "-value", topics.commandResults() + "-value");
        }
    }

    @Test
    void aWrongTrustStorePasswordIsAConfigurationErrorNamingTheSetting() {
        Map<String, String> environment = Map.of(
                "TRYX_KAFKA_BOOTSTRAP_SERVERS", env.bootstrapServers(),
                "TRYX_SCHEMA_REGISTRY_URL", registry.url(),
                "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE", server.trustStore().toString(),
                "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE_PASSWORD", "not-the-password");
        assertThatThrownBy(() -> new ConfigLoader(dir, environment).load(Optional.empty(), ConfigLoader.Flags.none()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema-registry.tls.trust-store from environment variable "
                        + "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE")
                .hasMessageContaining(server.trustStore().toString());
    }

    @Test
    void presentsItsClientCertificateFromPkcs12OrPemWhenTheServerRequiresOne() {
        try (RecordingProxy mtls = RecordingProxy.httpsRequiringClientCertificate(env.registryUrl(),
                server.serverContextTrusting(client))) {
            List<RegistryTlsFiles> identities = List.of(
                    new RegistryTlsFiles(Optional.of(server.certificatePem()), Optional.empty(),
                            Optional.of(client.keyStore()), Optional.of(client.passwordText()), Optional.empty()),
                    new RegistryTlsFiles(Optional.of(server.certificatePem()), Optional.empty(),
                            Optional.of(client.certificatePem()), Optional.empty(), Optional.of(client.privateKeyPem())));
            for (RegistryTlsFiles identity : identities) {
                try (SchemaRegistryClient mutual = new SchemaRegistryClient(SchemaRegistryConfig.builder(mtls.url())
                        .sslContext(identity.sslContext().orElseThrow()).retry(RetryPolicy.NONE).build())) {
                    assertThat(mutual.subjects()).as(identity.toString()).isNotNull();
                }
            }
            RegistryTlsFiles noIdentity = new RegistryTlsFiles(Optional.of(server.certificatePem()), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
            try (SchemaRegistryClient anonymous = new SchemaRegistryClient(SchemaRegistryConfig.builder(mtls.url())
                    .sslContext(noIdentity.sslContext().orElseThrow()).retry(RetryPolicy.NONE).build())) {
                assertThatThrownBy(anonymous::subjects).isInstanceOf(SchemaRegistryException.class)
                        .satisfies(e -> assertThat(((SchemaRegistryException) e).status()).isZero());
            }
            assertThat(mtls.seen()).hasSize(2);
        }
    }
}
