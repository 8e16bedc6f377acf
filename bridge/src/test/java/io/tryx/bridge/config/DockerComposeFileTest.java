package io.tryx.bridge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.tryx.bridge.app.BridgeConfig;
import io.tryx.bridge.app.TopicNames;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml (no Docker here, so the file is checked instead of run): every variable it gives the bridge is a
 * setting the configuration loader knows and the whole set loads; the images match the versions the build tests
 * against; the files it builds from and mounts exist; connect-config/ points at the same broker, registry and topic.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static JsonNode compose;

    @BeforeAll
    static void read() throws IOException {
        compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void everyBridgeVariableIsAKnownSettingAndTheSetLoads(@TempDir Path dir) {
        Map<String, String> env = environment("bridge");
        assertThat(env).isNotEmpty();
        assertThat(env.keySet()).allSatisfy(name -> assertThat(ConfigKey.byEnv(name)).as(name).isPresent());

        BridgeConfig config = new ConfigLoader(dir, env).load(Optional.empty(), ConfigLoader.Flags.none());
        assertThat(config.kafka().embedded()).isFalse();
        assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(config.kafka().schemaRegistryUrl()).isEqualTo("http://registry:8080/apis/ccompat/v7");
        assertThat(config.media().allowPrivateNetworks()).as("the SSRF guard stays on").isFalse();
        assertThat(compose.at("/services/bridge/ports/0").asText()).endsWith(":" + config.httpPort());
        assertThat(compose.at("/services/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText())
                .contains(config.kafka().bootstrapServers());
    }

    @Test
    void theImagesAreTheVersionsTheBuildTestsAgainst() throws IOException {
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        assertThat(compose.at("/services/kafka/image").asText()).isEqualTo("apache/kafka:" + property(pom, "kafka.version"));
        assertThat(compose.at("/services/registry/image").asText())
                .isEqualTo("apicurio/apicurio-registry:" + property(pom, "apicurio.version"));
        assertThat(Files.readString(ROOT.resolve("connect-config/Dockerfile")))
                .contains("FROM apache/kafka:" + property(pom, "kafka.version"));
        assertThat(Files.readString(ROOT.resolve("bridge/pom.xml"))).contains("<finalName>tryx-bridge</finalName>");
        assertThat(Files.readString(ROOT.resolve("Dockerfile"))).contains("COPY bridge/target/tryx-bridge.jar ");
    }

    @Test
    void everyBuildFileAndMountedFileExists() {
        compose.get("services").properties().forEach(service -> {
            JsonNode build = service.getValue().get("build");
            if (build != null) {
                Path context = ROOT.resolve(build.path("context").asText("."));
                assertThat(context).as(service.getKey()).isDirectory();
                assertThat(context.resolve(build.path("dockerfile").asText("Dockerfile"))).as(service.getKey()).isRegularFile();
            }
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(ROOT.resolve(source)).as(service.getKey() + " mounts " + source).exists();
                }
            }
        });
        assertThat(compose.at("/services/connect/volumes")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(compose.at("/services/connect/profiles/0").asText()).isEqualTo("connect");
        assertThat(compose.at("/services/postgres/profiles/0").asText()).isEqualTo("connect");
    }

    @Test
    void connectConfigSinksTheBridgesMessageTopicFromTheComposeServices() throws IOException {
        Properties worker = new Properties();
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("connect-config/connect-standalone.properties"))) {
            worker.load(reader);
        }
        Map<String, String> env = environment("bridge");
        assertThat(worker.getProperty("bootstrap.servers")).isEqualTo(env.get("TRYX_KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(worker.getProperty("value.converter.apicurio.registry.url"))
                .isEqualTo(env.get("TRYX_SCHEMA_REGISTRY_URL").replace("/apis/ccompat/v7", "/apis/registry/v2"));

        JsonNode sink = new ObjectMapper().readTree(ROOT.resolve("connect-config/postgres-sink.json").toFile()).get("config");
        assertThat(sink.get("topics").asText())
                .isEqualTo(new TopicNames(env.get("TRYX_TOPIC_PREFIX")).events(TopicNames.EventFamily.MESSAGES));
        Map<String, String> postgres = environment("postgres");
        assertThat(sink.get("connection.url").asText()).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(sink.get("connection.username").asText()).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(sink.get("connection.password").asText()).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    /** A service's environment, given as a map or as a list of {@code NAME=value}. */
    private static Map<String, String> environment(String service) {
        JsonNode node = compose.at("/services/" + service + "/environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (node.isArray()) {
            node.forEach(entry -> {
                String[] parts = entry.asText().split("=", 2);
                env.put(parts[0], parts.length > 1 ? parts[1] : "");
            });
        } else {
            node.properties().forEach(entry -> env.put(entry.getKey(), entry.getValue().asText()));
        }
        return env;
    }

    private static String property(String pom, String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(matcher.find()).as(name).isTrue();
        return matcher.group(1);
    }
}
