package io.tryx.simulator.e2e;

import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A history of 20,000 messages (20 chats x 1,000 texts of 1 KiB, about 20 MiB inflated in one chunk) reaches our
 * client running in a child JVM whose heap is capped at 32 MiB: the blob is streamed to disk and verified, then
 * inflated and read message by message, so it fits; a client that held the chunk or a conversation whole would die
 * with OutOfMemoryError. The simulator runs here, in the test's JVM.
 */
class LargeHistorySyncTest {

    static final String PHONE = "15550006901";
    static final int CONVERSATIONS = 20;
    static final int MESSAGES = 1_000;

    @Test
    void twentyThousandMessagesOfHistoryAreProcessedInAThirtyTwoMebibyteHeap() throws Exception {
        try (Simulator simulator = Simulator.start(SimulatorConfig.defaults().withPhoneInboxLimit(CONVERSATIONS * MESSAGES))) {
            AdminClient admin = new AdminClient(simulator.adminUrl());
            assertThat(admin.post("/admin/accounts", Map.of("phone", PHONE, "pushName", "Large")).status()).isEqualTo(201);
            AdminClient.Answer seeded = admin.post("/admin/accounts/" + PHONE + "/history", Map.of("generate",
                    Map.of("conversations", CONVERSATIONS, "messages", MESSAGES, "textBytes", 1024)));
            assertThat(seeded.status()).as("%s", seeded.body()).isEqualTo(200);
            assertThat(seeded.body().path("messages").asInt()).isEqualTo(CONVERSATIONS * MESSAGES);

            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(List.of(java, "-Xmx32m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), LargeHistorySyncCheck.class.getName(),
                    simulator.chatUrl(), simulator.rootPublicKeyBase64(), simulator.adminUrl(), PHONE))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();

            Map<String, String> values = output.lines().filter(l -> l.matches("^[a-zA-Z]+=.*"))
                    .map(l -> l.split("=", 2)).collect(Collectors.toMap(kv -> kv[0], kv -> kv[1], (a, b) -> b));
            System.out.printf("history of %d messages (%d encrypted bytes stored) through a 32 MiB heap: %s ms from"
                    + " start to the last chunk%n", CONVERSATIONS * MESSAGES, simulator.media().storedBytes(),
                    values.get("elapsedMs"));
            // the deflated blob alone is a third of the child's heap; inflated it is 20 MiB
            assertThat(simulator.media().storedBytes()).isGreaterThan(10L << 20);
            assertThat(values.get("failures")).as(output).isEqualTo("0");
            assertThat(Long.parseLong(values.get("maxHeap"))).isLessThanOrEqualTo(32L << 20);
            assertThat(values.get("messages")).isEqualTo(Integer.toString(CONVERSATIONS * MESSAGES));
            assertThat(values.get("completedMessages")).isEqualTo(Integer.toString(CONVERSATIONS * MESSAGES));
            assertThat(values.get("wrongTexts")).isEqualTo("0");
            assertThat(values.get("conversations")).isEqualTo(Integer.toString(CONVERSATIONS));
            assertThat(values.get("pushNames")).isEqualTo(Integer.toString(CONVERSATIONS));
            assertThat(Integer.parseInt(values.get("maxBatch"))).isBetween(1, 100);
            assertThat(values.get("maxProgress")).isEqualTo("100");
        }
    }
}
