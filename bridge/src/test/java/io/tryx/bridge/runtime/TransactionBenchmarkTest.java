package io.tryx.bridge.runtime;

import io.tryx.bridge.app.BridgeConfig.StoreSettings;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A smoke run of {@link TransactionBenchmark} (one account, a few texts, two setups) so the harness cannot rot. */
@ExtendWith(KafkaExtension.class)
class TransactionBenchmarkTest {

    @Test
    void measuresEveryTextOnceForTheMemoryBaselineAndATransactionalSetup(KafkaTestEnvironment env, @TempDir Path dir)
            throws Exception {
        List<TransactionBenchmark.Result> results = new ArrayList<>();
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults())) {
            for (TransactionBenchmark.Setup setup : TransactionBenchmark.Setup.parseAll("memory,10/2")) {
                results.add(TransactionBenchmark.run(env, simulator, dir, setup, 1, 10, 3));
            }
        }
        LoggerFactory.getLogger(TransactionBenchmarkTest.class).info("smoke figures:\n{}", TransactionBenchmark.table(results));

        assertThat(results).extracting(r -> r.setup().name()).containsExactly("memory", "kafka 10/2ms");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.messages()).isEqualTo(10);
            assertThat(r.duplicates()).isZero();
            assertThat(r.perSecond()).isPositive();
            assertThat(r.p50()).isPositive().isLessThanOrEqualTo(r.p95());
            assertThat(r.p95()).isLessThanOrEqualTo(r.p99());
            assertThat(r.idleP50()).isPositive().isLessThanOrEqualTo(r.idleP99());
        });
        assertThat(TransactionBenchmark.table(results)).contains("| kafka 10/2ms ");
    }

    @Test
    void setupsAreTheMemoryStoreOrTheKafkaStoreWithItsGroupCommit() {
        assertThat(TransactionBenchmark.Setup.parse("memory").store()).isEqualTo(new StoreSettings.InMemory());
        assertThat(TransactionBenchmark.Setup.parse("100/20").store())
                .isEqualTo(new StoreSettings.Kafka(Duration.ofMillis(20), 100));
        assertThatThrownBy(() -> TransactionBenchmark.Setup.parse("kafka")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransactionBenchmark.percentile(new double[] {1, 2, 3, 4}, 50)).isEqualTo(2);
        assertThat(TransactionBenchmark.percentile(new double[] {1, 2, 3, 4}, 99)).isEqualTo(4);
    }
}
