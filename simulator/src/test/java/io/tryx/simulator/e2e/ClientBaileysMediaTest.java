package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.client.media.MediaRef;
import io.tryx.protocol.client.media.MediaSource;
import io.tryx.protocol.client.media.OutgoingMedia;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.interop.BaileysPeers;
import io.tryx.simulator.interop.NodeScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static io.tryx.simulator.e2e.MediaDownloadTest.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Interop: our client and an unmodified Baileys 7 client exchange images and documents (also view-once, and
 * disappearing messages with their timer) through the simulator's media host both ways. Baileys downloads and decrypts what we uploaded (its own MAC check) to our exact bytes,
 * reading the caption, dimensions, thumbnail and the {@code documentWithCaptionMessage} wrapper; we download and
 * decrypt what Baileys uploaded.
 */
class ClientBaileysMediaTest {

    static final String OURS = "15550007801";
    static final String BAILEYS = "15550007802";
    private static final ObjectMapper JSON = new ObjectMapper();

    private BaileysPeers peers;
    private ClientHarness clients;

    @BeforeEach
    void start() throws Exception {
        peers = new BaileysPeers(SimulatorConfig.defaults());
        Simulator simulator = peers.simulator();
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey()).trustMedia(simulator.tlsCertificate());
    }

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void imagesAndDocumentsGoBothWaysBetweenOurClientAndBaileys(@TempDir Path auth) throws Exception {
        assertThat(peers.admin().post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        Linked ours = Linked.link(clients, peers.admin(), OURS, new InMemoryAccountStore("ours"));
        NodeScript baileys = peers.account(BAILEYS, auth);
        Jid baileysUser = Jid.parse(BAILEYS + "@s.whatsapp.net");

        byte[] image = random(120_000);
        byte[] thumbnail = random(700);
        long started = System.nanoTime();
        SendResult sentImage = ours.client().media().send(baileysUser,
                new OutgoingMedia.Image(MediaSource.of(image), "image/jpeg", "from java", 800, 600, thumbnail))
                .get(30, TimeUnit.SECONDS);
        JsonNode atBaileys = BaileysPeers.awaitMedia(baileys, sentImage.id());
        System.out.printf("our image 120 kB -> Baileys (upload, send, Baileys downloads and decrypts) in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
        assertThat(atBaileys.path("kind").asText()).isEqualTo("image");
        assertThat(atBaileys.path("sha256").asText()).isEqualTo(sha256(image));
        assertThat(atBaileys.path("size").asInt()).isEqualTo(image.length);
        assertThat(atBaileys.path("caption").asText()).isEqualTo("from java");
        assertThat(atBaileys.path("mimetype").asText()).isEqualTo("image/jpeg");
        assertThat(atBaileys.path("width").asInt()).isEqualTo(800);
        assertThat(atBaileys.path("height").asInt()).isEqualTo(600);
        assertThat(Base64.getDecoder().decode(atBaileys.path("thumbnail").asText())).isEqualTo(thumbnail);

        byte[] pdf = random(400_000);
        SendResult sentDocument = ours.client().media().send(baileysUser,
                new OutgoingMedia.Document(MediaSource.of(pdf), "application/pdf", "invoice.pdf", "please pay", null))
                .get(30, TimeUnit.SECONDS);
        JsonNode documentAtBaileys = BaileysPeers.awaitMedia(baileys, sentDocument.id());
        assertThat(documentAtBaileys.path("kind").asText()).isEqualTo("document");
        assertThat(documentAtBaileys.path("wrapped").asText()).isEqualTo("documentWithCaptionMessage");
        assertThat(documentAtBaileys.path("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(documentAtBaileys.path("fileName").asText()).isEqualTo("invoice.pdf");
        assertThat(documentAtBaileys.path("caption").asText()).isEqualTo("please pay");

        byte[] photo = random(90_000);
        E2EProto.Message fromBaileys = receive(ours, baileys, Map.of("cmd", "send-media", "to", OURS + "@s.whatsapp.net",
                "kind", "image", "base64", Base64.getEncoder().encodeToString(photo), "mimetype", "image/jpeg",
                "caption", "from baileys", "width", 320, "height", 240), photo);
        assertThat(fromBaileys.getImageMessage().getCaption()).isEqualTo("from baileys");
        assertThat(fromBaileys.getImageMessage().getMimetype()).isEqualTo("image/jpeg");
        assertThat(fromBaileys.getImageMessage().getWidth()).isEqualTo(320);

        byte[] sheet = random(250_000);
        E2EProto.Message documentFromBaileys = receive(ours, baileys, Map.of("cmd", "send-media", "to", OURS + "@s.whatsapp.net",
                "kind", "document", "base64", Base64.getEncoder().encodeToString(sheet), "mimetype", "text/csv",
                "fileName", "sheet.csv"), sheet);
        E2EProto.Message.DocumentMessage document = MediaRef.unwrap(documentFromBaileys).getDocumentMessage();
        assertThat(document.getFileName()).isEqualTo("sheet.csv");
        assertThat(document.getMimetype()).isEqualTo("text/csv");

        assertThat(ours.undecryptable()).isEmpty();
        assertThat(baileys.count("error") + baileys.count("media-error")).as("%s", baileys).isZero();
    }

    @Test
    void viewOnceMediaAndDisappearingMessagesKeepTheirFlagsBothWays(@TempDir Path auth) throws Exception {
        assertThat(peers.admin().post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        Linked ours = Linked.link(clients, peers.admin(), OURS, new InMemoryAccountStore("ours"));
        NodeScript baileys = peers.account(BAILEYS, auth);
        Jid baileysUser = Jid.parse(BAILEYS + "@s.whatsapp.net");
        int week = 7 * 24 * 3600;

        byte[] secretPhoto = random(60_000);
        E2EProto.Message image = ours.client().media().prepare(OutgoingMedia.Image.of(MediaSource.of(secretPhoto), "image/jpeg"))
                .get(30, TimeUnit.SECONDS);
        E2EProto.Message viewOnce = E2EProto.Message.newBuilder().setViewOnceMessage(E2EProto.Message.FutureProofMessage.newBuilder()
                .setMessage(image.toBuilder().setImageMessage(image.getImageMessage().toBuilder().setViewOnce(true)))).build();
        SendResult sentViewOnce = ours.client().messaging().send(baileysUser, viewOnce).get(30, TimeUnit.SECONDS);
        JsonNode atBaileys = BaileysPeers.awaitMedia(baileys, sentViewOnce.id());
        assertThat(atBaileys.path("wrapped").asText()).isEqualTo("viewOnceMessage");
        assertThat(atBaileys.path("sha256").asText()).as("Baileys opened the view-once photo").isEqualTo(sha256(secretPhoto));

        E2EProto.Message disappearing = E2EProto.Message.newBuilder().setExtendedTextMessage(E2EProto.Message.ExtendedTextMessage
                .newBuilder().setText("gone in a week").setContextInfo(E2EProto.ContextInfo.newBuilder().setExpiration(week))).build();
        SendResult sentDisappearing = ours.client().messaging().send(baileysUser, disappearing).get(30, TimeUnit.SECONDS);
        Predicate<JsonNode> raw = e -> e.path("event").asText().equals("raw-message") && e.path("id").asText().equals(sentDisappearing.id());
        BaileysPeers.within("disappearing text at Baileys\n" + baileys).until(() -> baileys.events().stream().anyMatch(raw));
        JsonNode text = baileys.events().stream().filter(raw).findFirst().orElseThrow().path("message").path("extendedTextMessage");
        assertThat(text.path("text").asText()).isEqualTo("gone in a week");
        assertThat(text.path("contextInfo").path("expiration").asInt()).isEqualTo(week);

        byte[] theirPhoto = random(70_000);
        E2EProto.Message fromBaileys = receive(ours, baileys, Map.of("cmd", "send-media", "to", OURS + "@s.whatsapp.net",
                "kind", "image", "base64", Base64.getEncoder().encodeToString(theirPhoto), "mimetype", "image/jpeg",
                "viewOnce", true, "ephemeralExpiration", 86400), theirPhoto);
        assertThat(fromBaileys.hasViewOnceMessage()).as("%s", fromBaileys).isTrue();
        E2EProto.Message.ImageMessage inner = fromBaileys.getViewOnceMessage().getMessage().getImageMessage();
        assertThat(inner.getViewOnce()).isTrue();
        assertThat(inner.getContextInfo().getExpiration()).isEqualTo(86400);

        assertThat(ours.undecryptable()).isEmpty();
        assertThat(baileys.count("error") + baileys.count("media-error")).as("%s", baileys).isZero();
    }

    /** Has Baileys send {@code command}, waits for the message at our client, downloads it and checks its bytes. */
    private static E2EProto.Message receive(Linked ours, NodeScript baileys, Map<String, ?> command, byte[] expected)
            throws Exception {
        long before = baileys.count("sent");
        long started = System.nanoTime();
        baileys.send(JSON.writeValueAsString(command));
        BaileysPeers.within("sent\n" + baileys).until(() -> baileys.count("sent") > before);
        String id = baileys.last("sent").orElseThrow().path("id").asText();
        await("media from Baileys at our client").atMost(Linked.WITHIN)
                .until(() -> ours.received().stream().anyMatch(m -> m.info().id().equals(id)));
        E2EProto.Message message = ours.received().stream().filter(m -> m.info().id().equals(id)).findFirst()
                .map(MessageEvent.MessageReceived::message).orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ours.client().media().download(MediaRef.from(message).orElseThrow(), out);
        System.out.printf("Baileys %s %d bytes -> our client (upload, send, download, decrypt) in %d ms%n",
                command.get("kind"), expected.length, (System.nanoTime() - started) / 1_000_000);
        assertThat(out.toByteArray()).isEqualTo(expected);
        return message;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
