package io.tryx.simulator.e2e;

import io.tryx.protocol.client.media.MediaSource;
import io.tryx.protocol.client.media.MediaUpload;
import io.tryx.protocol.media.GeneratedInput;
import io.tryx.protocol.media.MediaType;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

/**
 * Child-JVM program of {@link LargeMediaTransferTest}: a simulator and a client of ours in one small heap; the
 * client uploads N pseudo-random bytes (generated as they are read) to the simulator's media host and downloads
 * them again into a hashing sink. Prints the SHA-256 of what went in and came out and the timings. Whatever
 * buffered the whole file (client encryption or upload, the host's receiving or serving, the client's download
 * and decryption) would end this JVM with OutOfMemoryError.
 */
public final class LargeMediaTransferCheck {

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        Simulator simulator = Simulator.start(SimulatorConfig.defaults());
        try (ClientHarness clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey())
                .trustMedia(simulator.tlsCertificate())) {
            AdminClient admin = new AdminClient(simulator.adminUrl());
            admin.post("/admin/accounts", Map.of("phone", "15550007791", "pushName", "Large"));
            Linked linked = Linked.link(clients, admin, "15550007791", new InMemoryAccountStore("large"));

            MessageDigest in = MessageDigest.getInstance("SHA-256");
            long started = System.nanoTime();
            MediaUpload upload = linked.client().media().upload(MediaSource.of(new GeneratedInput(size, 11L, in)),
                    MediaType.DOCUMENT);
            long uploaded = System.nanoTime();
            MessageDigest out = MessageDigest.getInstance("SHA-256");
            long length = linked.client().media().download(upload.ref(), new OutputStream() {
                @Override
                public void write(int b) {
                    out.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    out.update(b, off, len);
                }
            });
            long downloaded = System.nanoTime();
            System.out.println("in=" + HexFormat.of().formatHex(in.digest()));
            System.out.println("out=" + HexFormat.of().formatHex(out.digest()));
            System.out.println("announced=" + HexFormat.of().formatHex(upload.fileSha256()));
            System.out.println("length=" + length);
            System.out.println("stored=" + simulator.media().storedBytes());
            System.out.println("uploadMs=" + (uploaded - started) / 1_000_000);
            System.out.println("downloadMs=" + (downloaded - uploaded) / 1_000_000);
            System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
        } finally {
            simulator.close();
        }
        System.exit(0);
    }
}
