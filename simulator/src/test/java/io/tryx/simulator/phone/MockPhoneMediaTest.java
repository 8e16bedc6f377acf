package io.tryx.simulator.phone;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.media.MediaType;
import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.messaging.MessagingHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Media between two mock phones: the sender encrypts and uploads into the media store, the receiver downloads by
 * direct path, checks MAC and hashes, and shows the plaintext's size and SHA-256; a file it cannot fetch or that
 * fails a check shows a media error instead.
 */
class MockPhoneMediaTest {

    private final MessagingHarness h = new MessagingHarness();
    private final MediaBlobs blobs = new MediaBlobs();
    private final MockPhones phones = new MockPhones(h.harness.accounts, h.harness.messaging, h.harness.groups, h.harness.clock,
            new PhoneMedia(blobs, () -> "https://127.0.0.1:4443"), 1000);

    @AfterEach
    void close() {
        blobs.close();
    }

    @Test
    void anImageWithCaptionArrivesWithTheSenderPlaintextHash() throws Exception {
        byte[] image = new byte[50_000];
        new SplittableRandom(7).nextBytes(image);
        MockPhones.Sent sent = phones.sendMessage(h.a, h.b.jid(), new PhoneMessage.Media(MediaKind.IMAGE,
                new MediaSource.Data(image), "image/jpeg", "look", null, false, new byte[]{(byte) 0xff, (byte) 0xd8}));

        assertThat(sent.sha256()).isEqualTo(sha256(image));
        assertThat(blobs.count()).isEqualTo(1);
        InboxEntry entry = phones.phone(h.b).inbox().getLast();
        assertThat(entry.id()).isEqualTo(sent.id());
        assertThat(entry.type()).isEqualTo("image");
        assertThat(entry.media()).isEqualTo(new InboxEntry.Media("image/jpeg", 50_000L, sha256(image), "look", null, null, null));
    }

    @Test
    void everyKindIsDownloadedAndDecryptedWithItsOwnFields() {
        var document = phones.sendMessage(h.a, h.b.jid(), new PhoneMessage.Media(MediaKind.DOCUMENT,
                new MediaSource.Generated(300_001, 3), "application/pdf", "the report", "report.pdf", false, null));
        var voice = phones.sendMessage(h.a, h.b.jid(), new PhoneMessage.Media(MediaKind.AUDIO,
                new MediaSource.Generated(70_000, 4), "audio/ogg; codecs=opus", null, null, true, null));
        var video = phones.sendMessage(h.a, h.b.jid(), new PhoneMessage.Media(MediaKind.VIDEO,
                new MediaSource.Generated(140_000, 5), "video/mp4", "clip", null, false, null));
        var sticker = phones.sendMessage(h.a, h.b.jid(), new PhoneMessage.Media(MediaKind.STICKER,
                new MediaSource.Generated(9_000, 6), "image/webp", null, null, false, null));

        var inbox = phones.phone(h.b).inbox();
        assertThat(inbox).extracting(InboxEntry::type).containsExactly("document", "audio", "video", "sticker");
        assertThat(inbox.get(0).media()).isEqualTo(new InboxEntry.Media("application/pdf", 300_001L, document.sha256(),
                "the report", "report.pdf", null, null));
        assertThat(inbox.get(1).media()).isEqualTo(new InboxEntry.Media("audio/ogg; codecs=opus", 70_000L, voice.sha256(),
                null, null, true, null));
        assertThat(inbox.get(2).media().sha256()).isEqualTo(video.sha256());
        assertThat(inbox.get(2).media().caption()).isEqualTo("clip");
        assertThat(inbox.get(3).media().sha256()).isEqualTo(sticker.sha256());
        assertThat(inbox.get(3).media().size()).isEqualTo(9_000L);
        assertThat(inbox).allSatisfy(e -> assertThat(e.media().mediaError()).isNull());
    }

    @Test
    void generatedBytesAreThoseOfOneSplittableRandomCall() throws Exception {
        byte[] expected = new byte[200_003];
        new SplittableRandom(42).nextBytes(expected);
        var sent = phones.sendMessage(h.a, h.b.jid(), new PhoneMessage.Media(MediaKind.DOCUMENT,
                new MediaSource.Generated(expected.length, 42), "application/octet-stream", null, "blob.bin", false, null));
        assertThat(sent.sha256()).isEqualTo(sha256(expected));
        assertThat(new MediaSource.Generated(expected.length, 42).open().readAllBytes()).isEqualTo(expected);
    }

    @Test
    void aFileMissingFromTheStoreOrFailingItsMacShowsAMediaError() throws Exception {
        PhoneMedia media = new PhoneMedia(blobs, () -> "https://127.0.0.1:4443");
        PhoneMessage.Media image = new PhoneMessage.Media(MediaKind.IMAGE, new MediaSource.Generated(1000, 1), "image/jpeg",
                null, null, false, null);

        PhoneMedia.Uploaded tampered = media.upload(image.source(), MediaType.IMAGE);
        java.nio.file.Path blob = blobs.find(tampered.directPath()).orElseThrow().file();
        byte[] stored = Files.readAllBytes(blob);
        stored[20] ^= 0x55; // flips bits, so the byte always changes
        Files.write(blob, stored);
        deliverFromA("TAMPERED1", MediaMessages.build(image, tampered, 1));
        PhoneMedia.Uploaded good = media.upload(image.source(), MediaType.IMAGE);
        PhoneMedia.Uploaded missing = new PhoneMedia.Uploaded(good.url(), "/v/t62.7118-24/0000.enc", good.media());
        deliverFromA("MISSING1", MediaMessages.build(image, missing, 1));

        var inbox = phones.phone(h.b).inbox();
        assertThat(inbox).extracting(InboxEntry::id).containsExactly("TAMPERED1", "MISSING1");
        assertThat(inbox.get(0).media().mediaError()).contains("MAC");
        assertThat(inbox.get(0).media().sha256()).isNull();
        assertThat(inbox.get(1).media().mediaError()).isEqualTo("no media at /v/t62.7118-24/0000.enc");
        assertThat(phones.phone(h.b).failures()).isEmpty();
    }

    private void deliverFromA(String id, io.tryx.protocol.proto.E2EProto.Message message) {
        MockPhone a = phones.phone(h.a);
        var device = h.b.jid().withDevice(0);
        if (!a.hasSession(device)) {
            a.startSession(device, MockPhones.bundle(h.b, 0).orElseThrow());
        }
        Node stanza = Node.builder("message").attr("from", h.a.jid()).attr("id", id).attr("t", 1).attr("type", "media")
                .children(a.encrypt(device, message)).build();
        h.harness.messaging.delivery().deliver(device, stanza);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
