package io.tryx.bridge.state;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.StoreException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StateEntryCodecTest {

    static final MessageRef MESSAGE = new MessageRef(Jid.parse("120363000000000001@g.us"),
            Jid.parse("15550001111@s.whatsapp.net"), "3EB0AABB");

    @Test
    void aMessageSecretKeepsItsTimeThroughTheChangelog() {
        byte[] secret = new byte[32];
        secret[5] = 9;
        var decoded = (StateEntry.Secret) StateEntryCodec.decode(StateEntryCodec.encode(
                new StateEntry.Secret(MESSAGE, secret, new byte[]{1, 2}, 1_700_000_000_123L)));

        assertThat(decoded.message()).isEqualTo(MESSAGE);
        assertThat(decoded.secret()).isEqualTo(secret);
        assertThat(decoded.original()).containsExactly(1, 2);
        assertThat(decoded.storedAtMillis()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void aSecretWrittenBeforeTimesWereKeptReadsAsTheOldest() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(StateEntryCodec.VERSION);
            out.writeByte(9);
            out.writeUTF(MESSAGE.chat().toString());
            out.writeUTF(MESSAGE.sender().toString());
            out.writeUTF(MESSAGE.id());
            out.writeInt(32);
            out.write(new byte[32]);
            out.writeInt(0);
        }
        var decoded = (StateEntry.Secret) StateEntryCodec.decode(bytes.toByteArray());

        assertThat(decoded.message()).isEqualTo(MESSAGE);
        assertThat(decoded.storedAtMillis()).isZero();
    }

    @Test
    void truncatedBytesAreAStoreException() {
        byte[] whole = StateEntryCodec.encode(new StateEntry.Secret(MESSAGE, new byte[32], new byte[0], 5));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 4);

        assertThatThrownBy(() -> StateEntryCodec.decode(cut)).isInstanceOf(StoreException.class);
    }
}
