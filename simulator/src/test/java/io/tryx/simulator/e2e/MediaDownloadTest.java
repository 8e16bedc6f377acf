package io.tryx.simulator.e2e;

import io.tryx.protocol.client.media.MediaException;
import io.tryx.protocol.client.media.MediaRef;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import io.tryx.simulator.media.MediaBlobs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our client downloads media from the simulator's HTTPS media host by direct path (hosts from {@code media_conn}),
 * decrypting while it streams, and reports a tampered blob, a wrong hash or length and a missing blob as typed
 * {@link MediaException}s without handing out a file.
 */
class MediaDownloadTest {

    static final String OURS = "15550007771";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private Linked ours;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey()).trustMedia(simulator.tlsCertificate());
        assertThat(admin.post("/admin/accounts", Map.of("phone", OURS, "pushName", "Ours")).status()).isEqualTo(201);
        ours = Linked.link(clients, admin, OURS, new InMemoryAccountStore("ours"));
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void downloadsAndDecryptsToAStreamAFileAndAnOutputStream(@TempDir Path dir) throws Exception {
        byte[] plain = random(1_000_003);
        MediaBlobs.Encrypted stored = simulator.media().storeEncrypted(plain, MediaType.DOCUMENT);
        MediaRef ref = ref(stored, MediaType.DOCUMENT);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ours.client().media().download(ref, out)).isEqualTo(plain.length);
        assertThat(out.toByteArray()).isEqualTo(plain);

        Path file = dir.resolve("report.pdf");
        assertThat(ours.client().media().download(ref, file)).isEqualTo(plain.length);
        assertThat(Files.readAllBytes(file)).isEqualTo(plain);

        try (InputStream in = ours.client().media().open(ref)) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        // a reference that carries only the full url (as some messages do) works as well
        MediaRef byUrl = new MediaRef(null, simulator.mediaUrl() + stored.blob().directPath(), stored.media().mediaKey(),
                MediaType.DOCUMENT, null, null, -1);
        assertThat(ours.client().media().open(byUrl).readAllBytes()).isEqualTo(plain);
    }

    @Test
    void aTamperedBlobIsAMacMismatchAndNoFileIsLeft(@TempDir Path dir) throws Exception {
        byte[] plain = random(200_000);
        MediaBlobs.Encrypted stored = simulator.media().storeEncrypted(plain, MediaType.IMAGE);
        try (RandomAccessFile blob = new RandomAccessFile(stored.blob().file().toFile(), "rw")) {
            blob.seek(100_000);
            int b = blob.read();
            blob.seek(100_000);
            blob.write(b ^ 0x01);
        }
        MediaRef withoutHashes = new MediaRef(stored.blob().directPath(), null, stored.media().mediaKey(), MediaType.IMAGE,
                null, null, plain.length);
        Path target = dir.resolve("picture.jpg");
        assertThatThrownBy(() -> ours.client().media().download(withoutHashes, target))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.MAC_MISMATCH));
        assertThat(target).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        // the wrong media type expands other keys: the MAC fails as well
        MediaRef wrongType = ref(simulator.media().storeEncrypted(plain, MediaType.IMAGE), MediaType.VIDEO);
        assertThatThrownBy(() -> ours.client().media().download(wrongType, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.reason()).isEqualTo(MediaException.Reason.MAC_MISMATCH));
    }

    @Test
    void wrongHashesLengthAndMissingBlobsAreTypedErrors() throws Exception {
        byte[] plain = random(70_000);
        MediaBlobs.Encrypted stored = simulator.media().storeEncrypted(plain, MediaType.AUDIO);
        MediaRef good = ref(stored, MediaType.AUDIO);

        byte[] otherHash = good.fileSha256();
        otherHash[0] ^= 1;
        assertReason(new MediaRef(good.directPath(), null, good.mediaKey(), MediaType.AUDIO, otherHash, good.fileEncSha256(),
                good.fileLength()), MediaException.Reason.HASH_MISMATCH);
        byte[] otherEncHash = good.fileEncSha256();
        otherEncHash[31] ^= 1;
        assertReason(new MediaRef(good.directPath(), null, good.mediaKey(), MediaType.AUDIO, good.fileSha256(), otherEncHash,
                good.fileLength()), MediaException.Reason.HASH_MISMATCH);
        // announced far shorter than the body: refused from the Content-Length, before decrypting anything
        assertReason(new MediaRef(good.directPath(), null, good.mediaKey(), MediaType.AUDIO, null, null, 1_000),
                MediaException.Reason.SIZE_MISMATCH);
        assertReason(new MediaRef(good.directPath(), null, good.mediaKey(), MediaType.AUDIO, null, null, plain.length - 1),
                MediaException.Reason.SIZE_MISMATCH);

        MediaRef missing = new MediaRef("/v/t62.7118-24/0123456789abcdef.enc?ccb=11-4", null, good.mediaKey(),
                MediaType.AUDIO, null, null, -1);
        assertThatThrownBy(() -> ours.client().media().download(missing, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(MediaException.class, e -> {
                    assertThat(e.reason()).isEqualTo(MediaException.Reason.EXPIRED);
                    assertThat(e.status()).isEqualTo(404);
                });
        // the client still serves: the good reference downloads after all those failures
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ours.client().media().download(good, out);
        assertThat(out.toByteArray()).isEqualTo(plain);
    }

    private void assertReason(MediaRef ref, MediaException.Reason reason) {
        assertThatThrownBy(() -> ours.client().media().download(ref, new ByteArrayOutputStream()))
                .isInstanceOfSatisfying(MediaException.class, e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }

    static MediaRef ref(MediaBlobs.Encrypted stored, MediaType type) {
        return new MediaRef(stored.blob().directPath(), null, stored.media().mediaKey(), type, stored.media().fileSha256(),
                stored.media().fileEncSha256(), stored.media().fileLength());
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
