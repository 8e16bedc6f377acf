package io.tryx.bridge.embedded;

import io.tryx.bridge.registry.Compatibility;
import io.tryx.bridge.registry.RetryPolicy;
import io.tryx.bridge.registry.SchemaRegistryClient;
import io.tryx.bridge.registry.SchemaRegistryConfig;
import io.tryx.bridge.registry.SchemaRegistryException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A registry process of its own (not the shared one): ready with Confluent's default rule, gone after close. */
class EmbeddedSchemaRegistryTest {

    @Test
    void startsWithBackwardCompatibilityAndStopsItsProcess(@TempDir Path dir) {
        EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(EmbeddedSchemaRegistry.locateHome(), dir.resolve("apicurio.log"));
        long pid = registry.pid();
        String url = registry.url();
        try (SchemaRegistryClient client = SchemaRegistryClient.of(url)) {
            assertThat(url).startsWith("http://127.0.0.1:").endsWith("/apis/ccompat/v7");
            assertThat(client.globalCompatibility()).isEqualTo(Compatibility.BACKWARD);
            assertThat(client.subjects()).isEmpty();
        } finally {
            registry.close();
        }

        assertThat(registry.isAlive()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        try (SchemaRegistryClient client = new SchemaRegistryClient(SchemaRegistryConfig.builder(url).retry(RetryPolicy.NONE).build())) {
            assertThatThrownBy(client::subjects)
                    .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isZero());
        }
    }

    @Test
    void refusesAFolderThatIsNotTheDistribution(@TempDir Path dir) {
        assertThatThrownBy(() -> EmbeddedSchemaRegistry.start(dir, dir.resolve("log")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("quarkus-run.jar");
    }
}
