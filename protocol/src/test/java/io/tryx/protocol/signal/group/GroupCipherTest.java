package io.tryx.protocol.signal.group;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.MessageWindowException;
import io.tryx.protocol.signal.NoSessionException;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.session.SessionLimits;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupCipherTest {

    private static final String GROUP = "group@g.us";
    private final SecureRandom random = new SecureRandom();
    private final TestParty sender = new TestParty("sender", random);
    private final TestParty member = new TestParty("member", random);
    private final SenderKeyName name = new SenderKeyName(GROUP, sender.address);

    private void distribute() {
        SenderKeyDistributionMessage skdm = sender.groupBuilder.create(sender.store, name);
        member.groupBuilder.process(member.store, name, SenderKeyDistributionMessage.parse(skdm.serialized()));
    }

    private byte[] send(String text) {
        return sender.groupCipher.encrypt(sender.store, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private String receive(byte[] message) {
        return new String(member.groupCipher.decrypt(member.store, name, message), StandardCharsets.UTF_8);
    }

    @Test
    void membersDecryptInAndOutOfOrder() {
        distribute();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(send("g" + i));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(3));
        for (int i : order) {
            assertThat(receive(sent.get(i))).isEqualTo("g" + i);
        }
    }

    @Test
    void theDistributionMessageStartsAtTheSendersCurrentIteration() {
        sender.groupBuilder.create(sender.store, name);
        send("before the member joined");
        send("also before");
        distribute();
        assertThat(receive(send("after"))).isEqualTo("after");
        assertThat(sender.groupBuilder.create(sender.store, name).iteration()).isEqualTo(3);
    }

    @Test
    void replaysAreDuplicatesAndLeaveTheRecordUnchanged() {
        distribute();
        byte[] message = send("once");
        receive(message);
        byte[] before = member.store.senderKey(name).orElseThrow().serialize();
        assertThatThrownBy(() -> receive(message)).isInstanceOf(DuplicateMessageException.class);
        assertThat(member.store.senderKey(name).orElseThrow().serialize()).isEqualTo(before);
    }

    @Test
    void iterationsTooFarAheadAreOutsideTheWindow() {
        distribute();
        byte[] last = null;
        for (int i = 0; i <= SessionLimits.MAX_FORWARD_JUMP + 1; i++) {
            last = send("x");
        }
        byte[] beyond = last;
        assertThatThrownBy(() -> receive(beyond)).isInstanceOf(MessageWindowException.class);
    }

    @Test
    void aForgedSignatureIsRefused() {
        distribute();
        byte[] message = send("signed");
        message[message.length - 40] ^= 1;
        assertThatThrownBy(() -> receive(message)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).reason()).isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED);
    }

    @Test
    void unknownSendersAndKeyIdsHaveNoSession() {
        assertThatThrownBy(() -> send("no key yet")).isInstanceOf(NoSessionException.class);
        byte[] message;
        sender.groupBuilder.create(sender.store, name);
        message = send("hello");
        assertThatThrownBy(() -> receive(message)).isInstanceOf(NoSessionException.class);
        distribute();
        assertThatThrownBy(() -> member.groupCipher.encrypt(member.store, name, new byte[1]))
                .as("a received sender key cannot encrypt").isInstanceOf(NoSessionException.class);
    }

    @Test
    void aRotatedSenderKeyKeepsTheOldOnesUpToTheBound() {
        List<byte[]> perKey = new ArrayList<>();
        for (int k = 0; k < SenderKeyRecord.MAX_STATES + 1; k++) {
            TestParty rotated = new TestParty(sender.address, sender.store.localIdentity(), random);
            SenderKeyDistributionMessage skdm = rotated.groupBuilder.create(rotated.store, name);
            member.groupBuilder.process(member.store, name, skdm);
            perKey.add(rotated.groupCipher.encrypt(rotated.store, name, ("key " + k).getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(member.store.senderKey(name).orElseThrow().states()).hasSize(SenderKeyRecord.MAX_STATES);
        assertThatThrownBy(() -> receive(perKey.getFirst())).isInstanceOf(NoSessionException.class);
        for (int k = 1; k < perKey.size(); k++) {
            assertThat(receive(perKey.get(k))).isEqualTo("key " + k);
        }
    }

    @Test
    void recordsRoundTripThroughTheirStoredForm() {
        distribute();
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(send("r" + i));
        }
        receive(sent.get(9));
        for (TestParty party : List.of(sender, member)) {
            byte[] bytes = party.store.senderKey(name).orElseThrow().serialize();
            SenderKeyRecord copy = SenderKeyRecord.deserialize(bytes);
            assertThat(copy.serialize()).isEqualTo(bytes);
            party.store.storeSenderKey(name, copy);
        }
        for (int i = 0; i < 9; i++) {
            assertThat(receive(sent.get(i))).isEqualTo("r" + i);
        }
        assertThat(receive(send("after"))).isEqualTo("after");
    }
}
