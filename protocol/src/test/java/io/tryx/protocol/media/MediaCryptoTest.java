package io.tryx.protocol.media;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.crypto.Hmac;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaCryptoTest {

    private final Random random = new Random(42);

    @Test
    void keysExpandWithTheTypeLabel() {
        byte[] mediaKey = new byte[32];
        MediaKeys image = MediaKeys.expand(mediaKey, MediaType.IMAGE);
        MediaKeys sticker = MediaKeys.expand(mediaKey, MediaType.STICKER);
        MediaKeys video = MediaKeys.expand(mediaKey, MediaType.VIDEO);
        assertThat(image.cipherKey()).isEqualTo(sticker.cipherKey());
        assertThat(image.cipherKey()).isNotEqualTo(video.cipherKey());
        assertThat(image.iv()).hasSize(16);
        assertThat(image.macKey()).hasSize(32);
        assertThat(MediaType.APP_STATE.hkdfInfo()).isEqualTo("WhatsApp App State Keys");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 1000, 65536, 65537, 300_000})
    void encryptedMediaDecryptsInAnyChunking(int size) throws IOException {
        byte[] plain = bytes(size);
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        EncryptedMedia media = MediaEncryptor.encrypt(new ByteArrayInputStream(plain), encrypted,
                MediaEncryptor.start(MediaType.DOCUMENT));
        byte[] enc = encrypted.toByteArray();

        assertThat(media.fileLength()).isEqualTo(size);
        assertThat(media.encryptedLength()).isEqualTo(enc.length);
        assertThat(enc.length).isEqualTo((size / 16 + 1) * 16 + 10);
        assertThat(media.fileSha256()).isEqualTo(Digests.sha256(plain));
        assertThat(media.fileEncSha256()).isEqualTo(Digests.sha256(enc));
        assertThat(media.streamingSidecar()).isEmpty();

        MediaDecryptor decryptor = MediaDecryptor.start(media.mediaKey(), MediaType.DOCUMENT,
                media.fileSha256(), media.fileEncSha256());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int offset = 0;
        while (offset < enc.length) {
            int n = Math.min(enc.length - offset, 1 + random.nextInt(40_000));
            out.write(decryptor.update(enc, offset, n));
            offset += n;
        }
        out.write(decryptor.finish());
        assertThat(out.toByteArray()).isEqualTo(plain);
    }

    @Test
    void anyAlteredByteFailsTheMac() throws IOException {
        byte[] plain = bytes(5000);
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        EncryptedMedia media = MediaEncryptor.encrypt(new ByteArrayInputStream(plain), encrypted,
                MediaEncryptor.start(MediaType.IMAGE));
        byte[] enc = encrypted.toByteArray();
        for (int position : new int[]{0, 100, enc.length - 11, enc.length - 1}) {
            byte[] tampered = enc.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> decryptAll(tampered, media.mediaKey(), MediaType.IMAGE, null, null))
                    .isInstanceOf(ProtocolException.class)
                    .extracting(e -> ((ProtocolException) e).reason())
                    .isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED);
        }
        assertThatThrownBy(() -> decryptAll(enc, media.mediaKey(), MediaType.VIDEO, null, null))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decryptAll(Arrays.copyOf(enc, 9), media.mediaKey(), MediaType.IMAGE, null, null))
                .isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.TRUNCATED);
        byte[] wrongHash = new byte[32];
        assertThatThrownBy(() -> decryptAll(enc, media.mediaKey(), MediaType.IMAGE, wrongHash, null))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> decryptAll(enc, media.mediaKey(), MediaType.IMAGE, null, wrongHash))
                .isInstanceOf(ProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 65_000, 65_520, 65_536, 200_000, 1_048_576})
    void sidecarMacsEveryOverlappingPieceOfIvAndCiphertext(int size) throws IOException {
        byte[] plain = bytes(size);
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        EncryptedMedia media = MediaEncryptor.encrypt(new ByteArrayInputStream(plain), encrypted,
                MediaEncryptor.start(MediaType.VIDEO));
        byte[] enc = encrypted.toByteArray();
        MediaKeys keys = MediaKeys.expand(media.mediaKey(), MediaType.VIDEO);

        byte[] stream = new byte[16 + enc.length - 10];
        System.arraycopy(keys.iv(), 0, stream, 0, 16);
        System.arraycopy(enc, 0, stream, 16, enc.length - 10);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int start = 0; start < stream.length; start += 65536) {
            int end = Math.min(stream.length, start + 65536 + 16);
            expected.write(Hmac.sha256(keys.macKey(), Arrays.copyOfRange(stream, start, end)), 0, 10);
        }
        assertThat(HexFormat.of().formatHex(media.streamingSidecar()))
                .isEqualTo(HexFormat.of().formatHex(expected.toByteArray()));
    }

    private static byte[] decryptAll(byte[] enc, byte[] key, MediaType type, byte[] sha, byte[] encSha)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaDecryptor.decrypt(new ByteArrayInputStream(enc), out, MediaDecryptor.start(key, type, sha, encSha));
        return out.toByteArray();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
