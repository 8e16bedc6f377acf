package io.tryx.simulator.e2e;

import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.ReceiptType;
import io.tryx.protocol.store.AccountStore;
import io.tryx.simulator.AdminClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A client of ours linked to an account of the simulator, and the message events it reported. */
record Linked(WhatsAppClient client, ClientEvent.Connected connected, List<MessageEvent> messages) {

    static final Duration WITHIN = Duration.ofSeconds(20);

    /** Starts a client on {@code store}, scans its QR with {@code phone}'s mock phone, waits until its prekeys are uploaded. */
    static Linked link(ClientHarness clients, AdminClient admin, String phone, AccountStore store) {
        return link(clients, admin, phone, store, client -> { });
    }

    /** As {@link #link(ClientHarness, AdminClient, String, AccountStore)}, letting {@code beforeStart} wire the client first. */
    static Linked link(ClientHarness clients, AdminClient admin, String phone, AccountStore store,
                       java.util.function.Consumer<WhatsAppClient> beforeStart) {
        List<ClientEvent> events = new CopyOnWriteArrayList<>();
        List<MessageEvent> messages = new CopyOnWriteArrayList<>();
        WhatsAppClient client = clients.client(store, events, messages);
        beforeStart.accept(client);
        return link(admin, phone, client, events, messages);
    }

    /** Starts {@code client} (recording into {@code events} and {@code messages}) and links it as above. */
    static Linked link(AdminClient admin, String phone, WhatsAppClient client, List<ClientEvent> events,
                       List<MessageEvent> messages) {
        client.start();
        await().atMost(WITHIN).until(() -> events.stream().anyMatch(ClientEvent.QrCode.class::isInstance));
        String qr = events.stream().filter(ClientEvent.QrCode.class::isInstance).map(e -> ((ClientEvent.QrCode) e).qr())
                .findFirst().orElseThrow();
        AdminClient.Answer scan = admin.post("/admin/accounts/" + phone + "/scan-qr", Map.of("qr", qr));
        assertThat(scan.status()).as("%s", scan.body()).isEqualTo(200);
        await().atMost(WITHIN).until(() -> events.stream().anyMatch(ClientEvent.PreKeysUploaded.class::isInstance));
        ClientEvent.Connected connected = events.stream().filter(ClientEvent.Connected.class::isInstance)
                .map(ClientEvent.Connected.class::cast).findFirst().orElseThrow();
        return new Linked(client, connected, messages);
    }

    /** Chat messages received: without the peer messages our own phone sends its companions (key shares, history). */
    List<MessageEvent.MessageReceived> received() {
        return messages.stream().filter(MessageEvent.MessageReceived.class::isInstance)
                .map(MessageEvent.MessageReceived.class::cast).filter(m -> !m.info().category().equals("peer")).toList();
    }

    /** The peer messages our own phone sent this device that no runtime consumer took (history sync notifications). */
    List<MessageEvent.MessageReceived> peerMessages() {
        return messages.stream().filter(MessageEvent.MessageReceived.class::isInstance)
                .map(MessageEvent.MessageReceived.class::cast).filter(m -> m.info().category().equals("peer")).toList();
    }

    List<String> texts() {
        return received().stream().map(MessageEvent.MessageReceived::text).toList();
    }

    List<MessageEvent.ReceiptReceived> receipts() {
        return messages.stream().filter(MessageEvent.ReceiptReceived.class::isInstance)
                .map(MessageEvent.ReceiptReceived.class::cast).toList();
    }

    List<ReceiptType> receiptsOf(String id) {
        return receipts().stream().filter(r -> r.ids().contains(id)).map(MessageEvent.ReceiptReceived::type).toList();
    }

    List<MessageEvent.UndecryptableMessage> undecryptable() {
        return messages.stream().filter(MessageEvent.UndecryptableMessage.class::isInstance)
                .map(MessageEvent.UndecryptableMessage.class::cast).toList();
    }

    /** The events of one kind, in order. */
    <T extends MessageEvent> List<T> events(Class<T> kind) {
        return messages.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The texts received in {@code chat}. */
    List<String> textsIn(io.tryx.protocol.jid.Jid chat) {
        return received().stream().filter(m -> m.info().chat().equals(chat)).map(MessageEvent.MessageReceived::text).toList();
    }
}
