package io.tryx.bridge.app;

import io.tryx.bridge.registry.RegistryTlsFiles;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a bridge process needs to start, already resolved (the launcher builds it from a file, the
 * environment and flags). Immutable.
 *
 * @param kafka       where Kafka and the schema registry are, or that embedded ones should be started
 * @param topicPrefix prefix of every topic name (default {@code tryx})
 * @param store       where account state lives
 * @param whatsapp    which WhatsApp endpoint the accounts connect to (the real service or a simulator)
 * @param httpPort    port of the status page, health, readiness and metrics endpoints on loopback; 0 picks a free one
 * @param dataDir     directory for the embedded broker's data, the SQLite file and other local state
 * @param media       which certificates the media hosts are trusted with, and how media URLs are fetched
 */
public record BridgeConfig(KafkaSettings kafka, String topicPrefix, StoreSettings store, WhatsAppSettings whatsapp,
                           int httpPort, Path dataDir, MediaSettings media) {

    /** With the {@link MediaSettings#defaults()}. */
    public BridgeConfig(KafkaSettings kafka, String topicPrefix, StoreSettings store, WhatsAppSettings whatsapp,
                        int httpPort, Path dataDir) {
        this(kafka, topicPrefix, store, whatsapp, httpPort, dataDir, MediaSettings.defaults());
    }

    public BridgeConfig {
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(whatsapp, "whatsapp");
        Objects.requireNonNull(dataDir, "dataDir");
        if (topicPrefix == null || !topicPrefix.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("topic prefix must be 1-100 of [A-Za-z0-9._-]: " + topicPrefix);
        }
    }

    /**
     * Kafka and schema registry access.
     *
     * @param embedded          start an in-process broker and a local registry (then the two addresses are ignored)
     * @param bootstrapServers  Kafka bootstrap servers when not embedded
     * @param clientProperties  passed to every Kafka client as is (security: {@code security.protocol}, SASL, TLS, ...)
     * @param schemaRegistryUrl Confluent-compatible registry base URL when not embedded
     * @param registryUser      basic-auth user, with {@code registryPassword}; empty for none
     * @param registryPassword  basic-auth password
     * @param registryBearerToken bearer token; empty for none
     * @param registryTls       trust store and client certificate for an {@code https} registry
     */
    public record KafkaSettings(boolean embedded, String bootstrapServers, Map<String, String> clientProperties,
                                String schemaRegistryUrl, Optional<String> registryUser, Optional<String> registryPassword,
                                Optional<String> registryBearerToken, RegistryTlsFiles registryTls) {
        public KafkaSettings {
            clientProperties = Map.copyOf(clientProperties);
            java.util.Objects.requireNonNull(registryTls, "registryTls");
            if (!embedded && (bootstrapServers == null || schemaRegistryUrl == null)) {
                throw new IllegalArgumentException("bootstrap servers and schema registry URL are required unless embedded");
            }
        }

        /** Settings without registry TLS files (the JDK's trust store). */
        public KafkaSettings(boolean embedded, String bootstrapServers, Map<String, String> clientProperties,
                             String schemaRegistryUrl, Optional<String> registryUser, Optional<String> registryPassword,
                             Optional<String> registryBearerToken) {
            this(embedded, bootstrapServers, clientProperties, schemaRegistryUrl, registryUser, registryPassword,
                    registryBearerToken, RegistryTlsFiles.none());
        }

        /** Start an embedded broker and registry. */
        public static KafkaSettings embeddedDefaults() {
            return new KafkaSettings(true, null, Map.of(), null, Optional.empty(), Optional.empty(), Optional.empty());
        }

        @Override
        public String toString() {
            return "KafkaSettings[embedded=" + embedded + ", bootstrapServers=" + bootstrapServers + ", clientProperties="
                    + clientProperties.keySet() + ", schemaRegistryUrl=" + schemaRegistryUrl + ", registryUser="
                    + registryUser + ", registryTls=" + registryTls + "]";
        }
    }

    /** Where account state lives: one SQLite file (the default), a PostgreSQL database, memory or Kafka. */
    public sealed interface StoreSettings {
        record Sqlite(Path file) implements StoreSettings {
        }

        record Postgres(String jdbcUrl, String user, String password, int poolSize) implements StoreSettings {
            @Override
            public String toString() {
                return "Postgres[" + jdbcUrl + ", user=" + user + ", poolSize=" + poolSize + "]";
            }
        }

        record InMemory() implements StoreSettings {
        }

        /**
         * In Kafka: a compacted changelog topic ({@code <prefix>.state}) materialized in memory, committed in Kafka
         * transactions together with the events (exactly once).
         *
         * @param linger     how long a transaction waits for more records after the first (group commit)
         * @param maxRecords the most records one transaction takes
         */
        record Kafka(java.time.Duration linger, int maxRecords) implements StoreSettings {
            public Kafka {
                if (linger.isNegative() || maxRecords < 1) {
                    throw new IllegalArgumentException("linger must not be negative and maxRecords must be positive");
                }
            }

            /** 5 ms linger, at most 1,000 records per transaction. */
            public Kafka() {
                this(java.time.Duration.ofMillis(5), 1_000);
            }
        }
    }

    /**
     * The WhatsApp endpoint. The defaults are the real service; a simulator gives its chat URL, its Noise
     * certificate root and its TLS certificate.
     *
     * @param chatUrl        {@code wss://web.whatsapp.com/ws/chat} by default
     * @param noiseRoot      the trusted Noise certificate root (32 bytes); empty for WhatsApp's own
     * @param tlsCertificatePem extra trusted TLS certificate (PEM) for {@code wss} and media; empty for the JDK's trust store
     */
    public record WhatsAppSettings(URI chatUrl, Optional<byte[]> noiseRoot, Optional<String> tlsCertificatePem) {
        public static final URI WHATSAPP_WEB = URI.create("wss://web.whatsapp.com/ws/chat");

        public WhatsAppSettings {
            Objects.requireNonNull(chatUrl, "chatUrl");
            noiseRoot = noiseRoot.map(byte[]::clone);
        }

        public static WhatsAppSettings realService() {
            return new WhatsAppSettings(WHATSAPP_WEB, Optional.empty(), Optional.empty());
        }
    }

    public BridgeConfig withMedia(MediaSettings value) {
        return new BridgeConfig(kafka, topicPrefix, store, whatsapp, httpPort, dataDir, value);
    }

    /**
     * Media: the trust for WhatsApp's media hosts (uploads and downloads of every account) and the limits of
     * fetching the files that commands give as URLs.
     *
     * @param tlsCertificatePem certificate (PEM) the media hosts are trusted with instead of the JDK's trust store;
     *                          empty: the WhatsApp endpoint's certificate when one is configured (a simulator serves
     *                          chat and media with one certificate), else the JDK's trust store
     * @param fetchMaxBytes     the largest file a command's media URL may deliver
     * @param fetchTimeout      how long fetching one media URL may take, connecting included
     * @param allowPrivateNetworks let media URLs reach loopback, private, link-local and other non-public addresses
     *                          (off by default: a command could otherwise make the bridge read internal services)
     */
    public record MediaSettings(Optional<String> tlsCertificatePem, long fetchMaxBytes, Duration fetchTimeout,
                                boolean allowPrivateNetworks) {
        /** 100 MiB, WhatsApp's limit for images, video and audio. */
        public static final long DEFAULT_FETCH_MAX_BYTES = 100L * 1024 * 1024;
        public static final Duration DEFAULT_FETCH_TIMEOUT = Duration.ofSeconds(30);

        public MediaSettings {
            Objects.requireNonNull(tlsCertificatePem, "tlsCertificatePem");
            Objects.requireNonNull(fetchTimeout, "fetchTimeout");
            if (fetchMaxBytes < 1 || fetchTimeout.isNegative() || fetchTimeout.isZero()) {
                throw new IllegalArgumentException("the media fetch limit and timeout must be positive");
            }
        }

        /** Public addresses only. */
        public MediaSettings(Optional<String> tlsCertificatePem, long fetchMaxBytes, Duration fetchTimeout) {
            this(tlsCertificatePem, fetchMaxBytes, fetchTimeout, false);
        }

        /** The JDK's trust store (or the WhatsApp endpoint's certificate), 100 MiB, 30 seconds, public addresses only. */
        public static MediaSettings defaults() {
            return new MediaSettings(Optional.empty(), DEFAULT_FETCH_MAX_BYTES, DEFAULT_FETCH_TIMEOUT, false);
        }

        /** These settings trusting {@code pem} for the media hosts. */
        public MediaSettings trusting(String pem) {
            return new MediaSettings(Optional.of(pem), fetchMaxBytes, fetchTimeout, allowPrivateNetworks);
        }

        /** These settings letting media URLs reach private networks and loopback (demos, tests). */
        public MediaSettings allowingPrivateNetworks() {
            return new MediaSettings(tlsCertificatePem, fetchMaxBytes, fetchTimeout, true);
        }

        /** The certificate the media hosts are trusted with: ours, else the WhatsApp endpoint's, else none. */
        public Optional<String> effectiveCertificate(WhatsAppSettings whatsapp) {
            return tlsCertificatePem.or(whatsapp::tlsCertificatePem);
        }
    }
}
