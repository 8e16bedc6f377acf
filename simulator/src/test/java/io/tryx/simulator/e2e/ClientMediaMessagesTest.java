package io.tryx.simulator.e2e;

import io.tryx.protocol.client.media.MediaConn;
import io.tryx.protocol.client.media.MediaRef;
import io.tryx.protocol.client.media.MediaSource;
import io.tryx.protocol.client.media.MediaUpload;
import io.tryx.protocol.client.media.OutgoingMedia;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.MutableClock;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.tryx.simulator.e2e.MediaDownloadTest.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our client sends image, video, voice note, document (with and without caption) and sticker to another client of
 * ours through the simulator (media_conn, encrypted upload to the HTTPS media host, E2E message), and the receiver
 * downloads and decrypts each to the sender's exact bytes, with every field of the message as sent.
 */
class ClientMediaMessagesTest {

    static final String ALICE = "15550007781";
    static final String BOB = "15550007782";

    private Simulator simulator;
    private ClientHarness clients;

    @AfterEach
    void stop() {
        if (clients != null) {
            clients.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    private AdminClient start(SimulatorConfig config) throws InterruptedException {
        simulator = Simulator.start(config);
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey()).trustMedia(simulator.tlsCertificate());
        AdminClient admin = new AdminClient(simulator.adminUrl());
        for (String phone : new String[] {ALICE, BOB}) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
        return admin;
    }

    @Test
    void everyMediaKindReachesTheOtherClientByteForByte(@TempDir Path dir) throws Exception {
        AdminClient admin = start(SimulatorConfig.defaults());
        Linked alice = Linked.link(clients, admin, ALICE, new InMemoryAccountStore("alice"));
        Linked bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        Jid toBob = Jid.parse(BOB + "@s.whatsapp.net");
        byte[] thumbnail = random(600);

        byte[] image = random(150_000);
        Path imageFile = dir.resolve("photo.jpg");
        Files.write(imageFile, image);
        E2EProto.Message.ImageMessage imageMessage = roundTrip(alice, bob, toBob,
                new OutgoingMedia.Image(MediaSource.of(imageFile), "image/jpeg", "a photo", 1280, 720, thumbnail), image)
                .getImageMessage();
        assertThat(imageMessage.getCaption()).isEqualTo("a photo");
        assertThat(imageMessage.getMimetype()).isEqualTo("image/jpeg");
        assertThat(imageMessage.getWidth()).isEqualTo(1280);
        assertThat(imageMessage.getHeight()).isEqualTo(720);
        assertThat(imageMessage.getJpegThumbnail().toByteArray()).isEqualTo(thumbnail);
        assertThat(imageMessage.getFileLength()).isEqualTo(image.length);
        assertThat(imageMessage.getUrl()).startsWith(simulator.mediaUrl() + "/");
        assertThat(imageMessage.getMediaKeyTimestamp()).isCloseTo(Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(60L));

        byte[] video = random(300_001);
        E2EProto.Message.VideoMessage videoMessage = roundTrip(alice, bob, toBob,
                new OutgoingMedia.Video(MediaSource.of(new java.io.ByteArrayInputStream(video)), "video/mp4", "a clip",
                        12, 640, 360, thumbnail, false), video).getVideoMessage();
        assertThat(videoMessage.getSeconds()).isEqualTo(12);
        assertThat(videoMessage.getWidth()).isEqualTo(640);
        assertThat(videoMessage.getCaption()).isEqualTo("a clip");
        assertThat(videoMessage.getJpegThumbnail().toByteArray()).isEqualTo(thumbnail);
        // one 10-byte HMAC per 64 KiB of the encrypted file
        assertThat(videoMessage.getStreamingSidecar().size()).isEqualTo(10 * ((video.length + 16) / 65536 + 1));

        byte[] voice = random(40_000);
        E2EProto.Message.AudioMessage audioMessage = roundTrip(alice, bob, toBob,
                OutgoingMedia.Audio.voiceNote(MediaSource.of(voice), 7), voice).getAudioMessage();
        assertThat(audioMessage.getPtt()).isTrue();
        assertThat(audioMessage.getSeconds()).isEqualTo(7);
        assertThat(audioMessage.getMimetype()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(audioMessage.getStreamingSidecar().isEmpty()).isFalse();

        byte[] pdf = random(500_000);
        E2EProto.Message captioned = roundTrip(alice, bob, toBob,
                new OutgoingMedia.Document(MediaSource.of(pdf), "application/pdf", "report.pdf", "this quarter", thumbnail), pdf);
        assertThat(captioned.hasDocumentWithCaptionMessage()).isTrue();
        E2EProto.Message.DocumentMessage document = captioned.getDocumentWithCaptionMessage().getMessage().getDocumentMessage();
        assertThat(document.getCaption()).isEqualTo("this quarter");
        assertThat(document.getFileName()).isEqualTo("report.pdf");
        assertThat(document.getMimetype()).isEqualTo("application/pdf");
        assertThat(document.getJpegThumbnail().toByteArray()).isEqualTo(thumbnail);

        byte[] text = random(1_000);
        E2EProto.Message plainDocument = roundTrip(alice, bob, toBob,
                OutgoingMedia.Document.of(MediaSource.of(text), "text/plain", "notes.txt"), text);
        assertThat(plainDocument.hasDocumentMessage()).isTrue();
        assertThat(plainDocument.getDocumentMessage().hasCaption()).isFalse();

        byte[] webp = random(20_000);
        E2EProto.Message.StickerMessage sticker = roundTrip(alice, bob, toBob,
                OutgoingMedia.Sticker.webp(MediaSource.of(webp), 512, 512), webp).getStickerMessage();
        assertThat(sticker.getMimetype()).isEqualTo("image/webp");
        assertThat(sticker.getWidth()).isEqualTo(512);
        assertThat(sticker.getIsAnimated()).isFalse();

        assertThat(bob.undecryptable()).isEmpty();
        assertThat(simulator.media().count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void anExpiredUploadAuthIsRefreshedAndTheUploadSucceeds() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        AdminClient admin = start(new SimulatorConfig("127.0.0.1", 0, 0, 0, false, clock));
        Linked alice = Linked.link(clients, admin, ALICE, new InMemoryAccountStore("alice"));
        byte[] first = random(10_000);
        MediaUpload upload = alice.client().media().upload(MediaSource.of(first), MediaType.IMAGE);
        MediaConn before = alice.client().media().connections().current().get(5, TimeUnit.SECONDS);
        assertThat(alice.client().media().connections().current().get(5, TimeUnit.SECONDS))
                .as("cached within its ttl").isSameAs(before);

        clock.advance(Duration.ofHours(7)); // past the simulator's auth_ttl: the cached auth is refused with 401
        byte[] second = random(10_000);
        MediaUpload again = alice.client().media().upload(MediaSource.of(second), MediaType.IMAGE);
        MediaConn after = alice.client().media().connections().current().get(5, TimeUnit.SECONDS);
        assertThat(after.auth()).isNotEqualTo(before.auth());

        for (var pair : Map.of(upload, first, again, second).entrySet()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            alice.client().media().download(pair.getKey().ref(), out);
            assertThat(out.toByteArray()).isEqualTo(pair.getValue());
        }
    }

    /** Sends {@code media} from {@code from} and returns the message {@code to} received, after checking its bytes. */
    private static E2EProto.Message roundTrip(Linked from, Linked to, Jid chat, OutgoingMedia media, byte[] expected)
            throws Exception {
        long started = System.nanoTime();
        SendResult sent = from.client().media().send(chat, media).get(30, TimeUnit.SECONDS);
        long sentAt = System.nanoTime();
        await("media message at the receiver").atMost(Linked.WITHIN)
                .until(() -> to.received().stream().anyMatch(m -> m.info().id().equals(sent.id())));
        E2EProto.Message message = to.received().stream().filter(m -> m.info().id().equals(sent.id())).findFirst()
                .map(MessageEvent.MessageReceived::message).orElseThrow();
        MediaRef ref = MediaRef.from(message).orElseThrow();
        assertThat(ref.type()).isEqualTo(media.type());
        assertThat(ref.fileLength()).isEqualTo(expected.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(to.client().media().download(ref, out)).isEqualTo(expected.length);
        assertThat(out.toByteArray()).isEqualTo(expected);
        System.out.printf("%s %d bytes: upload and send %d ms, received and downloaded %d ms later%n", media.type(),
                expected.length, (sentAt - started) / 1_000_000, (System.nanoTime() - sentAt) / 1_000_000);
        return message;
    }
}
