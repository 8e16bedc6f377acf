package io.tryx.bridge.config;

import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.BridgeConfig.StoreSettings;
import io.tryx.bridge.config.ConfigException.Reason;
import io.tryx.bridge.config.ConfigLoader.Flags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private BridgeConfig load(Map<String, String> env, Flags flags) {
        return new ConfigLoader(dir, env).load(Optional.empty(), flags);
    }

    private BridgeConfig load(Map<String, String> env) {
        return load(env, Flags.none());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static ConfigException failure(Runnable load) {
        try {
            load.run();
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException");
    }

    @Test
    void defaultsAreEmbeddedKafkaSqliteInTheDataDirAndTheRealService() {
        BridgeConfig config = load(Map.of());

        assertThat(config.kafka().embedded()).isTrue();
        assertThat(config.topicPrefix()).isEqualTo("tryx");
        assertThat(config.httpPort()).isEqualTo(ConfigLoader.DEFAULT_HTTP_PORT);
        assertThat(config.dataDir()).isEqualTo(dir.toAbsolutePath().resolve("tryx-data"));
        assertThat(config.store()).isEqualTo(new StoreSettings.Sqlite(config.dataDir().resolve("tryx.db")));
        assertThat(config.whatsapp().chatUrl()).isEqualTo(BridgeConfig.WhatsAppSettings.WHATSAPP_WEB);
        assertThat(config.whatsapp().noiseRoot()).isEmpty();
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheFileWhichBeatsDefaults() throws IOException {
        file("tryx.yaml", """
                topic-prefix: fromfile
                http:
                  port: 9001
                data-dir: filedata
                store:
                  url: file.db
                """);
        Map<String, String> env = Map.of("TRYX_HTTP_PORT", "9002", "TRYX_DATA_DIR", "envdata");
        Flags flags = new Flags(Map.of(ConfigKey.HTTP_PORT, "9003"), Map.of());

        BridgeConfig config = load(env, flags);

        assertThat(config.topicPrefix()).isEqualTo("fromfile");          // only the file sets it
        assertThat(config.dataDir()).isEqualTo(dir.resolve("envdata"));  // environment over file
        assertThat(config.httpPort()).isEqualTo(9003);                   // flag over environment over file
        assertThat(config.store()).isEqualTo(new StoreSettings.Sqlite(dir.resolve("file.db")));
    }

    @Test
    void defaultFileIsReadOnlyWhenPresentAndAnExplicitFileMustExist() throws IOException {
        assertThat(load(Map.of()).topicPrefix()).isEqualTo("tryx");
        file("other.properties", "topic-prefix=props\nkafka.properties.security.protocol=SSL\n");

        BridgeConfig config = new ConfigLoader(dir, Map.of()).load(Optional.of(Path.of("other.properties")), Flags.none());
        assertThat(config.topicPrefix()).isEqualTo("props");
        assertThat(config.kafka().clientProperties()).containsEntry("security.protocol", "SSL");

        ConfigException missing = failure(() -> new ConfigLoader(dir, Map.of()).load(Optional.of(Path.of("nope.yaml")), Flags.none()));
        assertThat(missing.reason()).isEqualTo(Reason.FILE_UNREADABLE);
        assertThat(missing.getMessage()).contains("nope.yaml");
    }

    @Test
    void externalKafkaNeedsTheRegistryAndPassesClientPropertiesThrough() {
        BridgeConfig config = load(Map.of(
                "TRYX_KAFKA_BOOTSTRAP_SERVERS", "broker1:9092, broker2:9093",
                "TRYX_SCHEMA_REGISTRY_URL", "https://registry.example:8081",
                "TRYX_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "TRYX_KAFKA_SASL_MECHANISM", "PLAIN",
                "TRYX_SCHEMA_REGISTRY_USER", "key",
                "TRYX_SCHEMA_REGISTRY_PASSWORD", "secret",
                "TRYX_SIM_LOG", "DEBUG"));

        assertThat(config.kafka().embedded()).isFalse();
        assertThat(config.kafka().bootstrapServers()).isEqualTo("broker1:9092,broker2:9093");
        assertThat(config.kafka().schemaRegistryUrl()).isEqualTo("https://registry.example:8081");
        assertThat(config.kafka().clientProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN"));
        assertThat(config.kafka().registryUser()).contains("key");
        assertThat(config.kafka().registryPassword()).contains("secret");

        ConfigException noRegistry = failure(() -> load(Map.of("TRYX_KAFKA_BOOTSTRAP_SERVERS", "broker:9092")));
        assertThat(noRegistry.reason()).isEqualTo(Reason.MISSING_VALUE);
        assertThat(noRegistry.key()).contains("schema-registry.url");
        assertThat(noRegistry.getMessage()).contains("TRYX_SCHEMA_REGISTRY_URL");
    }

    @Test
    void kafkaPropertyFlagsOverrideTheEnvironmentAndEmbeddedCanBeForced() {
        BridgeConfig config = load(Map.of("TRYX_KAFKA_EMBEDDED", "true", "TRYX_KAFKA_BOOTSTRAP_SERVERS", "b:1",
                        "TRYX_KAFKA_CLIENT_DNS_LOOKUP", "default"),
                new Flags(Map.of(), Map.of("client.dns.lookup", "use_all_dns_ips")));

        assertThat(config.kafka().embedded()).isTrue();
        assertThat(config.kafka().clientProperties()).containsEntry("client.dns.lookup", "use_all_dns_ips");
    }

    @Test
    void badValuesNameTheSettingAndWhereTheValueCameFrom() {
        ConfigException port = failure(() -> load(Map.of("TRYX_HTTP_PORT", "eighty")));
        assertThat(port.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(port.key()).contains("http.port");
        assertThat(port.getMessage()).contains("'eighty'").contains("environment variable TRYX_HTTP_PORT");

        ConfigException range = failure(() -> load(Map.of(), new Flags(Map.of(ConfigKey.HTTP_PORT, "70000"), Map.of())));
        assertThat(range.getMessage()).contains("--http-port").contains("0-65535");

        ConfigException prefix = failure(() -> load(Map.of("TRYX_TOPIC_PREFIX", "bad prefix!")));
        assertThat(prefix.key()).contains("topic-prefix");

        ConfigException servers = failure(() -> load(Map.of("TRYX_KAFKA_BOOTSTRAP_SERVERS", "broker-without-port",
                "TRYX_SCHEMA_REGISTRY_URL", "http://r:8081")));
        assertThat(servers.getMessage()).contains("host:port");

        ConfigException url = failure(() -> load(Map.of("TRYX_KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "TRYX_SCHEMA_REGISTRY_URL", "ftp://r")));
        assertThat(url.key()).contains("schema-registry.url");

        ConfigException bool = failure(() -> load(Map.of("TRYX_KAFKA_EMBEDDED", "maybe")));
        assertThat(bool.getMessage()).contains("true or false");
    }

    @Test
    void registryAuthenticationIsBasicOrBearerAndComplete() {
        ConfigException half = failure(() -> load(Map.of("TRYX_SCHEMA_REGISTRY_USER", "key")));
        assertThat(half.reason()).isEqualTo(Reason.MISSING_VALUE);
        assertThat(half.key()).contains("schema-registry.password");

        ConfigException both = failure(() -> load(Map.of("TRYX_SCHEMA_REGISTRY_USER", "key",
                "TRYX_SCHEMA_REGISTRY_PASSWORD", "secret", "TRYX_SCHEMA_REGISTRY_TOKEN", "t")));
        assertThat(both.reason()).isEqualTo(Reason.CONFLICT);

        assertThat(load(Map.of("TRYX_SCHEMA_REGISTRY_TOKEN", "t")).kafka().registryBearerToken()).contains("t");
    }

    @Test
    void registryTlsFilesComeFromTheFileOrEnvironmentAndAreCheckedAtLoad() throws IOException {
        io.tryx.bridge.testkit.TestCertificates server = io.tryx.bridge.testkit.TestCertificates.selfSigned(dir);
        io.tryx.bridge.testkit.TestCertificates client = io.tryx.bridge.testkit.TestCertificates.client(dir);
        Path yaml = file("tls.yaml", """
                schema-registry:
                  url: https://registry.example:8081
                  tls:
                    trust-store: server-trust.p12
                    trust-store-password: changeit
                    key-store: client.pem
                    key: client-key.pem
                kafka:
                  bootstrap-servers: broker:9092
                """);
        BridgeConfig config = new ConfigLoader(dir, Map.of()).load(Optional.of(yaml), Flags.none());
        var tls = config.kafka().registryTls();
        assertThat(tls.trustStore()).contains(dir.toAbsolutePath().resolve("server-trust.p12"));
        assertThat(tls.keyStore()).contains(dir.toAbsolutePath().resolve("client.pem"));
        assertThat(tls.privateKey()).contains(dir.toAbsolutePath().resolve("client-key.pem"));
        assertThat(tls.sslContext()).isPresent();
        assertThat(config.kafka().toString()).doesNotContain("changeit");

        Map<String, String> base = Map.of("TRYX_KAFKA_BOOTSTRAP_SERVERS", "b:9092",
                "TRYX_SCHEMA_REGISTRY_URL", "https://r:8081");
        assertThat(load(with(base, "TRYX_SCHEMA_REGISTRY_TLS_KEY_STORE", client.keyStore().toString(),
                "TRYX_SCHEMA_REGISTRY_TLS_KEY_STORE_PASSWORD", "changeit")).kafka().registryTls().keyStore())
                .contains(client.keyStore());
        ConfigException missing = failure(() -> load(with(base, "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE", "nowhere.pem")));
        assertThat(missing.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(missing.getMessage()).contains("schema-registry.tls.trust-store", "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE",
                "readable file");
        ConfigException keyAlone = failure(() -> load(with(base, "TRYX_SCHEMA_REGISTRY_TLS_KEY",
                client.privateKeyPem().toString())));
        assertThat(keyAlone.reason()).isEqualTo(Reason.MISSING_VALUE);
        assertThat(keyAlone.key()).contains("schema-registry.tls.key-store");
        ConfigException certOnly = failure(() -> load(with(base, "TRYX_SCHEMA_REGISTRY_TLS_KEY_STORE",
                client.certificatePem().toString())));
        assertThat(certOnly.getMessage()).contains("schema-registry.tls.key-store", "no PRIVATE KEY");
        ConfigException notACertificate = failure(() -> load(with(base, "TRYX_SCHEMA_REGISTRY_TLS_TRUST_STORE",
                client.privateKeyPem().toString())));
        assertThat(notACertificate.getMessage()).contains("no certificate");
    }

    private static Map<String, String> with(Map<String, String> base, String... more) {
        Map<String, String> all = new java.util.HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    @Test
    void storeIsSqlitePostgresMemoryOrKafka() {
        assertThat(load(Map.of("TRYX_STORE", "memory")).store()).isEqualTo(new StoreSettings.InMemory());
        assertThat(load(Map.of("TRYX_STORE", "kafka")).store()).isEqualTo(new StoreSettings.Kafka());
        assertThat(load(Map.of("TRYX_STORE", "jdbc:sqlite:state/x.db")).store())
                .isEqualTo(new StoreSettings.Sqlite(dir.resolve("state/x.db")));
        assertThat(load(Map.of("TRYX_STORE", "jdbc:postgresql://db:5432/tryx", "TRYX_STORE_USER", "tryx",
                "TRYX_STORE_PASSWORD", "pw", "TRYX_STORE_POOL_SIZE", "4")).store())
                .isEqualTo(new StoreSettings.Postgres("jdbc:postgresql://db:5432/tryx", "tryx", "pw", 4));

        ConfigException noUser = failure(() -> load(Map.of("TRYX_STORE", "jdbc:postgresql://db/tryx")));
        assertThat(noUser.key()).contains("store.user");
        assertThat(noUser.getMessage()).contains("TRYX_STORE_USER");

        ConfigException mysql = failure(() -> load(Map.of("TRYX_STORE", "jdbc:mysql://db/tryx")));
        assertThat(mysql.reason()).isEqualTo(Reason.INVALID_VALUE);
        assertThat(mysql.getMessage()).contains("jdbc:postgresql");
    }

    @Test
    void kafkaStoreGroupCommitIsTunable() {
        assertThat(load(Map.of("TRYX_STORE", "kafka", "TRYX_STORE_KAFKA_LINGER_MS", "0",
                "TRYX_STORE_KAFKA_MAX_RECORDS", "10")).store())
                .isEqualTo(new StoreSettings.Kafka(java.time.Duration.ZERO, 10));

        ConfigException zero = failure(() -> load(Map.of("TRYX_STORE", "kafka", "TRYX_STORE_KAFKA_MAX_RECORDS", "0")));
        assertThat(zero.key()).contains("store.kafka.max-records");
        assertThat(zero.reason()).isEqualTo(Reason.INVALID_VALUE);
    }

    @Test
    void whatsappEndpointOfASimulator() throws IOException {
        byte[] root = new byte[32];
        root[0] = 7;
        Path pem = file("sim.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        BridgeConfig config = load(Map.of("TRYX_WHATSAPP_CHAT_URL", "ws://127.0.0.1:5000/ws/chat",
                "TRYX_WHATSAPP_NOISE_ROOT", Base64.getEncoder().encodeToString(root),
                "TRYX_WHATSAPP_TLS_CERTIFICATE", pem.getFileName().toString()));

        assertThat(config.whatsapp().chatUrl()).isEqualTo(URI.create("ws://127.0.0.1:5000/ws/chat"));
        assertThat(config.whatsapp().noiseRoot()).hasValueSatisfying(k -> assertThat(k).isEqualTo(root));
        assertThat(config.whatsapp().tlsCertificatePem()).hasValueSatisfying(p -> assertThat(p).contains("BEGIN CERTIFICATE"));

        ConfigException shortKey = failure(() -> load(Map.of("TRYX_WHATSAPP_NOISE_ROOT", "AAAA")));
        assertThat(shortKey.getMessage()).contains("32-byte");
        ConfigException http = failure(() -> load(Map.of("TRYX_WHATSAPP_CHAT_URL", "http://x/ws")));
        assertThat(http.key()).contains("whatsapp.chat-url");
    }

    @Test
    void mediaTrustFallsBackToTheWhatsAppCertificateAndFetchLimitsAreRead() throws IOException {
        Path chat = file("chat.pem", "-----BEGIN CERTIFICATE-----\nCHAT\n-----END CERTIFICATE-----\n");
        Path media = file("media.pem", "-----BEGIN CERTIFICATE-----\nMEDIA\n-----END CERTIFICATE-----\n");
        BridgeConfig defaults = load(Map.of());
        assertThat(defaults.media()).isEqualTo(BridgeConfig.MediaSettings.defaults());
        assertThat(defaults.media().effectiveCertificate(defaults.whatsapp())).as("the JDK trust store").isEmpty();

        BridgeConfig simulator = load(Map.of("TRYX_WHATSAPP_TLS_CERTIFICATE", chat.getFileName().toString()));
        assertThat(simulator.media().effectiveCertificate(simulator.whatsapp())).hasValueSatisfying(p -> assertThat(p).contains("CHAT"));

        BridgeConfig own = load(Map.of("TRYX_WHATSAPP_TLS_CERTIFICATE", chat.getFileName().toString(),
                "TRYX_MEDIA_TLS_CERTIFICATE", media.getFileName().toString(), "TRYX_MEDIA_FETCH_MAX_BYTES", "5000000",
                "TRYX_MEDIA_FETCH_TIMEOUT_SECONDS", "7"));
        assertThat(own.media().effectiveCertificate(own.whatsapp())).hasValueSatisfying(p -> assertThat(p).contains("MEDIA"));
        assertThat(own.media().fetchMaxBytes()).isEqualTo(5_000_000L);
        assertThat(own.media().fetchTimeout()).hasSeconds(7);

        ConfigException missing = failure(() -> load(Map.of("TRYX_MEDIA_TLS_CERTIFICATE", "nope.pem")));
        assertThat(missing.key()).contains("media.tls-certificate");
        ConfigException size = failure(() -> load(Map.of("TRYX_MEDIA_FETCH_MAX_BYTES", "-1")));
        assertThat(size.getMessage()).contains("media.fetch-max-bytes");
    }

    @Test
    void mediaUrlsReachPublicAddressesOnlyUnlessPrivateNetworksAreAllowed() throws IOException {
        assertThat(load(Map.of()).media().allowPrivateNetworks()).isFalse();
        assertThat(load(Map.of("TRYX_MEDIA_ALLOW_PRIVATE_NETWORKS", "true")).media().allowPrivateNetworks()).isTrue();
        file("tryx.yaml", "media:\n  allow-private-networks: true\n");
        assertThat(load(Map.of()).media().allowPrivateNetworks()).isTrue();
        ConfigException bad = failure(() -> load(Map.of("TRYX_MEDIA_ALLOW_PRIVATE_NETWORKS", "perhaps")));
        assertThat(bad.getMessage()).contains("media.allow-private-networks");
    }

    @Test
    void fileMistakesAreReportedWithTheFile() throws IOException {
        file("tryx.yaml", "kafka:\n  bootstrap-server: b:9092\n");
        ConfigException typo = failure(() -> load(Map.of()));
        assertThat(typo.reason()).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(typo.getMessage()).contains("kafka.bootstrap-server").contains("tryx.yaml").contains("kafka.bootstrap-servers");

        file("tryx.yaml", "kafka: [a, b]\n");
        assertThat(failure(() -> load(Map.of())).reason()).isEqualTo(Reason.FILE_MALFORMED);

        file("tryx.yaml", "topic-prefix: [unclosed\n");
        assertThat(failure(() -> load(Map.of())).reason()).isEqualTo(Reason.FILE_MALFORMED);

        file("tryx.yaml", "kafka:\n  properties:\n    bootstrap.servers: b:1\n");
        ConfigException own = failure(() -> load(Map.of()));
        assertThat(own.reason()).isEqualTo(Reason.CONFLICT);
        assertThat(own.getMessage()).contains("kafka.bootstrap-servers");
    }

    @Test
    void nestedYamlKafkaPropertiesFlattenToClientPropertyNames() throws IOException {
        file("tryx.yaml", """
                kafka:
                  bootstrap-servers: b:9092
                  properties:
                    security.protocol: SSL
                    ssl:
                      truststore:
                        location: /etc/trust.p12
                schema-registry:
                  url: http://registry:8081
                """);

        BridgeConfig config = load(Map.of());

        assertThat(config.kafka().clientProperties()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "security.protocol", "SSL", "ssl.truststore.location", "/etc/trust.p12"));
    }
}
