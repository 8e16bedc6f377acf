package io.tryx.bridge.runtime;

import io.tryx.bridge.app.TopicNames.EventFamily;
import io.tryx.bridge.serde.AvroDeserializer;
import io.tryx.bridge.serde.AvroReadMode;
import io.tryx.bridge.testkit.KafkaExtension;
import io.tryx.bridge.testkit.KafkaTestEnvironment;
import io.tryx.bridge.testkit.Tail;
import io.tryx.events.v1.CallEvent;
import io.tryx.events.v1.CallOffered;
import io.tryx.events.v1.CallTerminated;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.calls.Call;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.tryx.bridge.runtime.BridgeFixture.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A call placed on the simulator to an account the bridge hosts reaches the calls topic as Avro {@link CallEvent}s:
 * the offer with its video flag, then the termination with its reason, keyed by account and caller, with
 * deterministic event ids; the bridge acknowledged the stanzas (once Kafka had the records).
 */
@ExtendWith(KafkaExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeCallsTest {

    private final KafkaTestEnvironment env;
    private Simulator simulator;
    private BridgeFixture fixture;

    BridgeCallsTest(KafkaTestEnvironment env) {
        this.env = env;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        fixture = new BridgeFixture(env, simulator, dataDir);
        fixture.startBridge();
    }

    @AfterAll
    void stop() {
        fixture.close();
        simulator.close();
    }

    @Test
    void aSimulatorCallAppearsAsCallEventsOnTheCallsTopic() {
        String account = fixture.linkByQr("15550009301");
        Account caller = simulator.accounts().create("15550009302", "Caller");
        Account callee = simulator.accounts().find("15550009301").orElseThrow();
        try (Tail<CallEvent> calls = new Tail<>(env.bootstrapServers(), fixture.topics.events(EventFamily.CALLS),
                new AvroDeserializer<>(fixture.registry, AvroReadMode.specific(CallEvent.class)))) {
            Call call = simulator.calls().offer(caller, callee, true, null);
            String key = account + "|" + caller.jid();
            ConsumerRecord<String, CallEvent> offered = calls.await(r -> r.key().equals(key), WITHIN);
            CallEvent offer = offered.value();
            assertThat(offer.getCallId()).isEqualTo(call.id());
            assertThat(offer.getCaller()).isEqualTo(caller.jid().toString());
            assertThat(offer.getChat()).isEqualTo(caller.jid().toString());
            assertThat(offer.getAccount()).isEqualTo(account);
            assertThat(offer.getStep()).isEqualTo(CallOffered.newBuilder().setVideo(true).build());
            assertThat(offer.getEventId()).isEqualTo(EventIds.derive(account, caller.jid().toString(), call.id(),
                    EventKind.CALL_OFFERED));
            await().atMost(WITHIN).until(() -> !call.view().get("acknowledgedBy").toString().equals("[]"));

            simulator.calls().terminate(call.id(), "timeout");
            List<ConsumerRecord<String, CallEvent>> both = calls.await(r -> r.key().equals(key), 2, WITHIN);
            assertThat(both.get(1).value().getStep()).isEqualTo(CallTerminated.newBuilder().setReason("timeout").build());
            assertThat(both.get(1).value().getCallId()).isEqualTo(call.id());
        }
    }
}
