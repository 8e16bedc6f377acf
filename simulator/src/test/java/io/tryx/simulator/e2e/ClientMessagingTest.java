package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.DecryptFailure;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.client.messaging.ReceiptType;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our client's end-to-end encrypted 1:1 messaging through the in-process simulator: with the mock phone both ways,
 * between two of our clients on two accounts, offline delivery after a reconnect, and our own second device's copy.
 */
class ClientMessagingTest {

    static final String ALICE = "15550003331";
    static final String BOB = "15550003332";
    static final Duration WITHIN = Duration.ofSeconds(20);

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private final Set<String> accounts = new HashSet<>();

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void theMockPhoneTextsArriveInOrderWithTheirSourceAndAreReceipted() {
        Linked bob = link(BOB, new InMemoryAccountStore("bob"));
        account(ALICE);
        Linked aliceWeb = link(ALICE, new InMemoryAccountStore("alice-web"));

        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        for (String text : List.of("one", "two", "three")) {
            AdminClient.Answer sent = admin.post("/admin/accounts/" + ALICE + "/messages",
                    Map.of("to", BOB + "@s.whatsapp.net", "text", text));
            assertThat(sent.status()).as("%s", sent.body()).isEqualTo(200);
            ids.add(sent.body().get("id").asText());
        }
        await().atMost(WITHIN).until(() -> bob.received().size() == 3);
        System.out.printf("mock phone -> our client: 3 texts in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(bob.received()).extracting(MessageEvent.MessageReceived::text).containsExactly("one", "two", "three");
        assertThat(bob.received()).extracting(m -> m.info().id()).containsExactlyElementsOf(ids);
        MessageInfo info = bob.received().getFirst().info();
        Jid alice = Jid.parse(ALICE + "@s.whatsapp.net");
        assertThat(info.chat()).isEqualTo(alice);
        assertThat(info.sender()).isEqualTo(alice);
        assertThat(info.senderAlt()).isEqualTo(lidOf(ALICE));
        assertThat(info.fromMe()).isFalse();
        assertThat(info.pushName()).isEqualTo("User " + ALICE);
        assertThat(info.timestamp().getEpochSecond()).isPositive();

        // our client's delivery receipts reach the phone's account (its companion reports them; Bob's own mock
        // phone, device 0, got the texts too and receipts them as well)
        await().atMost(WITHIN).until(() -> aliceWeb.receipts().stream()
                .filter(r -> r.type() == ReceiptType.DELIVERY && r.sender().equals(bob.connected().jid()))
                .flatMap(r -> r.ids().stream()).toList().containsAll(ids));
        assertThat(aliceWeb.receipts()).allSatisfy(r -> assertThat(r.chat()).isEqualTo(Jid.parse(BOB + "@s.whatsapp.net")));
    }

    @Test
    void ourTextReachesTheMockPhonesInboxAndItsDeliveryReceiptComesBack() throws Exception {
        account(ALICE);
        Linked bob = link(BOB, new InMemoryAccountStore("bob"));

        long started = System.nanoTime();
        SendResult result = bob.client().sendText(Jid.parse(ALICE + "@s.whatsapp.net"), "hello phone")
                .get(20, TimeUnit.SECONDS);
        System.out.printf("our client -> mock phone: acked in %d ms (usync, prekeys, pkmsg)%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(result.serverTimestamp().getEpochSecond()).isPositive();
        await().atMost(WITHIN).until(() -> inbox(ALICE).size() == 1);
        JsonNode entry = inbox(ALICE).get(0);
        assertThat(entry.get("id").asText()).isEqualTo(result.id());
        assertThat(entry.get("text").asText()).isEqualTo("hello phone");
        assertThat(entry.get("from").asText()).isEqualTo(bob.connected().jid().toString());
        assertThat(entry.get("chat").asText()).isEqualTo(BOB + "@s.whatsapp.net");
        await().atMost(WITHIN).until(() -> bob.receipts().stream().anyMatch(r -> r.ids().contains(result.id())
                && r.type() == ReceiptType.DELIVERY));

        SendResult second = bob.client().sendText(Jid.parse(ALICE + "@s.whatsapp.net"), "second").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> inbox(ALICE).size() == 2);
        assertThat(inbox(ALICE).get(1).get("id").asText()).isEqualTo(second.id());
    }

    @Test
    void twoOfOurClientsChatBothWaysWithDeliveryAndReadReceipts() throws Exception {
        Linked alice = link(ALICE, new InMemoryAccountStore("alice"));
        Linked bob = link(BOB, new InMemoryAccountStore("bob"));
        Jid aliceUser = Jid.parse(ALICE + "@s.whatsapp.net");
        Jid bobUser = Jid.parse(BOB + "@s.whatsapp.net");

        long started = System.nanoTime();
        SendResult first = alice.client().sendText(bobUser, "hi bob").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.texts().contains("hi bob"));
        System.out.printf("our client A -> B first message (usync, prekeys, pkmsg) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        MessageEvent.MessageReceived atBob = bob.received().getFirst();
        assertThat(atBob.info().id()).isEqualTo(first.id());
        assertThat(atBob.info().sender()).isEqualTo(alice.connected().jid());
        assertThat(atBob.info().chat()).isEqualTo(aliceUser);
        await().atMost(WITHIN).until(() -> alice.receiptsOf(first.id()).contains(ReceiptType.DELIVERY));

        bob.client().markRead(aliceUser, null, first.id()).get(5, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> alice.receiptsOf(first.id()).contains(ReceiptType.READ));

        started = System.nanoTime();
        SendResult reply = bob.client().sendText(aliceUser, "hi alice").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> alice.texts().contains("hi alice"));
        System.out.printf("our client B -> A reply in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(alice.received().getFirst().info().id()).isEqualTo(reply.id());

        // warm sessions: latency of each message from send to the receiver's event, one at a time
        Map<String, Long> arrivals = new java.util.concurrent.ConcurrentHashMap<>();
        bob.client().addMessageListener(e -> {
            if (e instanceof MessageEvent.MessageReceived r) {
                arrivals.put(r.text(), System.nanoTime());
            }
        });
        List<Long> latencies = new ArrayList<>();
        List<Long> acks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = "burst " + i;
            long sent = System.nanoTime();
            alice.client().sendText(bobUser, text).get(20, TimeUnit.SECONDS);
            acks.add((System.nanoTime() - sent) / 1_000);
            await().atMost(WITHIN).until(() -> arrivals.containsKey(text));
            latencies.add((arrivals.get(text) - sent) / 1_000);
        }
        latencies.sort(Long::compare);
        acks.sort(Long::compare);
        System.out.printf("our client A -> B warm message: send to receiver's event median %d us (max %d us), "
                + "send to server ack median %d us%n", latencies.get(latencies.size() / 2), latencies.getLast(),
                acks.get(acks.size() / 2));
        assertThat(bob.texts()).containsSubsequence("hi bob", "burst 0", "burst 1", "burst 19");
        assertThat(bob.undecryptable()).isEmpty();
        assertThat(alice.undecryptable()).isEmpty();
    }

    @Test
    void aMessageSentWhileOurClientIsOfflineArrivesAfterItReconnects() throws Exception {
        Linked alice = link(ALICE, new InMemoryAccountStore("alice"));
        InMemoryAccountStore bobStore = new InMemoryAccountStore("bob");
        Linked bob = link(BOB, bobStore);
        Jid bobUser = Jid.parse(BOB + "@s.whatsapp.net");
        alice.client().sendText(bobUser, "while online").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.texts().contains("while online"));

        bob.client().close();
        await().atMost(WITHIN).until(() -> simulator.stats().connections() == 1);
        alice.client().sendText(bobUser, "while offline").get(20, TimeUnit.SECONDS);
        int device = bob.connected().jid().device();
        await().atMost(WITHIN).until(() -> simulator.queued(BOB, device) == 1);

        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        WhatsAppClient again = clients.client(bobStore, events, messages);
        long started = System.nanoTime();
        again.start();
        await().atMost(WITHIN).until(() -> messages.stream().anyMatch(m -> m instanceof MessageEvent.MessageReceived r
                && r.text().equals("while offline")));
        System.out.printf("our client back online: queued message delivered %d ms after start%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(events).noneMatch(ClientEvent.QrCode.class::isInstance);
        assertThat(simulator.queued(BOB, device)).isZero();
        assertThat(messages).noneMatch(m -> m instanceof MessageEvent.MessageReceived r && r.text().equals("while online"));
    }

    @Test
    void ourSecondDeviceReceivesTheDeviceSentCopyAndAnswersWithASenderReceipt() throws Exception {
        Linked bob = link(BOB, new InMemoryAccountStore("bob"));
        Linked alice1 = link(ALICE, new InMemoryAccountStore("alice-1"));
        Linked alice2 = link(ALICE, new InMemoryAccountStore("alice-2"));
        Jid bobUser = Jid.parse(BOB + "@s.whatsapp.net");

        SendResult sent = alice1.client().sendText(bobUser, "copy me").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> alice2.texts().contains("copy me"));
        MessageEvent.MessageReceived copy = alice2.received().getFirst();
        assertThat(copy.info().fromMe()).isTrue();
        assertThat(copy.info().chat()).isEqualTo(bobUser);
        assertThat(copy.info().sender()).isEqualTo(alice1.connected().jid());
        assertThat(copy.info().id()).isEqualTo(sent.id());
        await().atMost(WITHIN).until(() -> bob.texts().contains("copy me"));
        await().atMost(WITHIN).until(() -> alice1.receiptsOf(sent.id()).contains(ReceiptType.SENDER));
        await().atMost(WITHIN).until(() -> inbox(ALICE).stream().anyMatch(e -> e.get("text").asText().equals("copy me")));
    }

    @Test
    void aReceiverThatLostItsSessionGetsTheMessageAgainThroughRetryReceipts() throws Exception {
        Linked alice = link(ALICE, new InMemoryAccountStore("alice"));
        InMemoryAccountStore bobStore = new InMemoryAccountStore("bob");
        Linked bob = link(BOB, bobStore);
        Jid aliceUser = Jid.parse(ALICE + "@s.whatsapp.net");
        Jid bobUser = Jid.parse(BOB + "@s.whatsapp.net");
        alice.client().sendText(bobUser, "first").get(20, TimeUnit.SECONDS);
        bob.client().sendText(aliceUser, "answer").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> alice.texts().contains("answer") && bob.texts().contains("first"));

        // Bob loses his session with Alice's device (kept under her LID): her next msg cannot be decrypted
        Jid aliceLid = lidOf(ALICE);
        SignalAddress aliceDevice = new SignalAddress(aliceLid.user() + "_1", alice.connected().jid().device());
        assertThat(bobStore.session(aliceDevice)).isPresent();
        bobStore.deleteSession(aliceDevice);

        long started = System.nanoTime();
        SendResult lost = alice.client().sendText(bobUser, "after the loss").get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> bob.texts().contains("after the loss"));
        System.out.printf("retry receipts (msg without session -> retry, retry with keys -> pkmsg) recovered in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(bob.undecryptable()).isNotEmpty().allSatisfy(u -> {
            assertThat(u.info().id()).isEqualTo(lost.id());
            assertThat(u.reason()).isEqualTo(DecryptFailure.NO_SESSION);
        });
        assertThat(bob.received().getLast().info().id()).isEqualTo(lost.id());
        assertThat(alice.receiptsOf(lost.id())).contains(ReceiptType.RETRY);
        await().atMost(WITHIN).until(() -> alice.receiptsOf(lost.id()).contains(ReceiptType.DELIVERY));
    }

    @Test
    void aDelayedDeviceGetsItsMessagesInOrderAfterTheDelay() {
        Linked bob = link(BOB, new InMemoryAccountStore("bob"));
        account(ALICE);
        String faults = "/admin/devices/" + bob.connected().jid() + "/faults";
        AdminClient.Answer set = admin.post(faults, Map.of("delayMillis", 400));
        assertThat(set.status()).as("%s", set.body()).isEqualTo(200);

        long started = System.nanoTime();
        List<String> texts = List.of("slow one", "slow two", "slow three");
        for (String text : texts) {
            assertThat(admin.post("/admin/accounts/" + ALICE + "/messages", Map.of("to", BOB + "@s.whatsapp.net", "text", text))
                    .status()).isEqualTo(200);
        }
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(5)).until(() -> bob.texts().containsAll(texts));
        long delayed = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("mock phone -> our client with a 400 ms delay fault: 3 texts in %d ms%n", delayed);
        assertThat(delayed).isGreaterThanOrEqualTo(400);
        assertThat(bob.texts()).containsSubsequence(texts);

        assertThat(admin.post(faults, Map.of("clear", true)).status()).isEqualTo(200);
        started = System.nanoTime();
        admin.post("/admin/accounts/" + ALICE + "/messages", Map.of("to", BOB + "@s.whatsapp.net", "text", "fast again"));
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(5)).until(() -> bob.texts().contains("fast again"));
        System.out.printf("after clear: 1 text in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(bob.texts()).endsWith("fast again");
    }

    private void account(String phone) {
        if (accounts.add(phone)) {
            AdminClient.Answer created = admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        }
    }

    private Jid lidOf(String phone) {
        return Jid.parse(admin.get("/admin/accounts/" + phone).body().get("lid").asText());
    }

    private List<JsonNode> inbox(String phone) {
        List<JsonNode> entries = new ArrayList<>();
        admin.get("/admin/accounts/" + phone + "/inbox").body().forEach(entries::add);
        return entries;
    }

    private Linked link(String phone, InMemoryAccountStore store) {
        account(phone);
        return Linked.link(clients, admin, phone, store);
    }
}
