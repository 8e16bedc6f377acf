package io.tryx.protocol.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.interop.NodePeer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Media encrypted by Baileys' own code decrypts in Java, and Java's uploads decrypt in Baileys. */
class BaileysMediaInteropTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Baileys' media type names for ours. */
    private static final Map<MediaType, String> BAILEYS_TYPE = Map.of(
            MediaType.IMAGE, "image", MediaType.VIDEO, "video", MediaType.AUDIO, "audio",
            MediaType.DOCUMENT, "document", MediaType.STICKER, "sticker", MediaType.VOICE_NOTE, "ptt",
            MediaType.HISTORY, "md-msg-hist", MediaType.APP_STATE, "md-app-state",
            MediaType.LINK_THUMBNAIL, "thumbnail-link", MediaType.GIF, "gif");
    private static NodePeer.LineSession peer;

    @TempDir
    Path dir;
    private final Random random = new Random(11);

    @BeforeAll
    static void start() {
        peer = NodePeer.open("media-peer.mjs");
    }

    @AfterAll
    static void stop() {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void baileysUploadsDecryptInJava() throws IOException {
        int index = 0;
        for (Map.Entry<MediaType, String> type : BAILEYS_TYPE.entrySet()) {
            byte[] plain = bytes(new int[]{0, 1, 16, 4096, 70_000, 1_500_000}[index++ % 6]);
            Path file = Files.write(dir.resolve("plain-" + type.getValue()), plain);
            JsonNode r = call("{\"op\":\"encrypt\",\"path\":\"" + file + "\",\"type\":\"" + type.getValue() + "\"}");
            Path enc = Path.of(r.get("encPath").asText());
            try {
                assertThat(r.get("fileLength").asLong()).isEqualTo(plain.length);
                MediaDecryptor decryptor = MediaDecryptor.start(HEX.parseHex(r.get("mediaKey").asText()), type.getKey(),
                        HEX.parseHex(r.get("fileSha256").asText()), HEX.parseHex(r.get("fileEncSha256").asText()));
                Path out = dir.resolve("out-" + type.getValue());
                try (InputStream in = Files.newInputStream(enc); OutputStream os = Files.newOutputStream(out)) {
                    MediaDecryptor.decrypt(in, os, decryptor);
                }
                assertThat(Files.readAllBytes(out)).as(type.getKey().name()).isEqualTo(plain);
            } finally {
                Files.deleteIfExists(enc);
            }
        }
    }

    @Test
    void javaUploadsDecryptInBaileys() throws IOException {
        int index = 0;
        for (Map.Entry<MediaType, String> type : BAILEYS_TYPE.entrySet()) {
            byte[] plain = bytes(new int[]{1, 15, 17, 65_536, 300_001, 2_000_000}[index++ % 6]);
            Path enc = dir.resolve("enc-" + type.getValue());
            EncryptedMedia media;
            try (OutputStream os = Files.newOutputStream(enc)) {
                media = MediaEncryptor.encrypt(new java.io.ByteArrayInputStream(plain), os,
                        MediaEncryptor.start(type.getKey()));
            }
            Path out = dir.resolve("dec-" + type.getValue());
            call("{\"op\":\"decrypt\",\"encPath\":\"" + enc + "\",\"mediaKey\":\"" + HEX.formatHex(media.mediaKey())
                    + "\",\"type\":\"" + type.getValue() + "\",\"outPath\":\"" + out + "\"}");
            byte[] decrypted = Files.readAllBytes(out);
            assertThat(Digests.sha256(decrypted)).as(type.getKey().name()).isEqualTo(media.fileSha256());
            assertThat(decrypted).isEqualTo(plain);
        }
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static JsonNode call(String request) throws IOException {
        peer.send(request);
        JsonNode response = JSON.readTree(peer.receive());
        assertThat(response.has("error")).as("peer error: %s", response).isFalse();
        return response;
    }
}
