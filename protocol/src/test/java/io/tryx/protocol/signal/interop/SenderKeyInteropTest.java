package io.tryx.protocol.signal.interop;

import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Our sender keys against Baileys' own group cipher: distribution messages both ways, hundreds of group
 * messages each way with reordering inside windows, replays rejected.
 */
class SenderKeyInteropTest {

    private static final String GROUP = "120363000000000000@g.us";
    private static SignalNodePeer node;
    private final Random random = new Random(424242);
    private final TestParty java = new TestParty("java", new SecureRandom());
    private final SenderKeyName ours = new SenderKeyName(GROUP, java.address);

    @BeforeAll
    static void startNode() {
        node = new SignalNodePeer();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void javasGroupMessagesDecryptInBaileys() {
        node.party("member");
        SenderKeyDistributionMessage skdm = java.groupBuilder.create(java.store, ours);
        node.groupProcess("member", GROUP, "java.1", skdm.serialized());

        List<byte[]> sent = plaintexts(300);
        List<byte[]> messages = sent.stream().map(p -> java.groupCipher.encrypt(java.store, ours, p)).toList();
        for (int start = 0; start < sent.size(); start += 100) {
            List<Integer> order = shuffled(start, 100);
            List<byte[]> received = node.groupDecrypt("member", GROUP, "java.1", order.stream().map(messages::get).toList());
            for (int i = 0; i < order.size(); i++) {
                assertThat(received.get(i)).as("baileys got group message %d", order.get(i)).isEqualTo(sent.get(order.get(i)));
            }
        }
        assertThat(node.groupDecrypt("member", GROUP, "java.1", List.of(messages.get(5), messages.getLast()))).containsOnlyNulls();
    }

    @Test
    void baileysGroupMessagesDecryptInJava() {
        node.party("admin");
        byte[] skdm = node.groupCreate("admin", GROUP);
        SenderKeyName theirs = new SenderKeyName(GROUP, new SignalAddress("admin", 1));
        java.groupBuilder.process(java.store, theirs, SenderKeyDistributionMessage.parse(skdm));

        List<byte[]> sent = plaintexts(300);
        List<byte[]> messages = node.groupEncrypt("admin", GROUP, sent);
        for (int start = 0; start < sent.size(); start += 100) {
            for (int i : shuffled(start, 100)) {
                assertThat(java.groupCipher.decrypt(java.store, theirs, messages.get(i)))
                        .as("java got group message %d", i).isEqualTo(sent.get(i));
            }
        }
        assertThatThrownBy(() -> java.groupCipher.decrypt(java.store, theirs, messages.get(17)))
                .isInstanceOf(DuplicateMessageException.class);

        java.groupBuilder.process(java.store, theirs, SenderKeyDistributionMessage.parse(skdm));
        assertThatThrownBy(() -> java.groupCipher.decrypt(java.store, theirs, messages.getFirst()))
                .as("a redelivered distribution message does not reopen used iterations")
                .isInstanceOf(DuplicateMessageException.class);
    }

    @Test
    void distributionMessagesCarryTheSameKeysBothWays() {
        node.party("peer");
        SenderKeyDistributionMessage ourSkdm = java.groupBuilder.create(java.store, ours);
        node.groupProcess("peer", GROUP, "java.1", ourSkdm.serialized());
        byte[] theirSkdm = node.groupCreate("peer", GROUP);
        SenderKeyName theirs = new SenderKeyName(GROUP, new SignalAddress("peer", 1));
        java.groupBuilder.process(java.store, theirs, SenderKeyDistributionMessage.parse(theirSkdm));

        for (int round = 0; round < 10; round++) {
            List<byte[]> fromJava = plaintexts(5);
            List<byte[]> ciphertexts = fromJava.stream().map(p -> java.groupCipher.encrypt(java.store, ours, p)).toList();
            assertThat(node.groupDecrypt("peer", GROUP, "java.1", ciphertexts)).containsExactlyElementsOf(fromJava);
            List<byte[]> fromNode = plaintexts(5);
            List<byte[]> theirCiphertexts = node.groupEncrypt("peer", GROUP, fromNode);
            for (int i = 4; i >= 0; i--) {
                assertThat(java.groupCipher.decrypt(java.store, theirs, theirCiphertexts.get(i))).isEqualTo(fromNode.get(i));
            }
        }
    }

    private List<Integer> shuffled(int start, int n) {
        List<Integer> order = new ArrayList<>();
        for (int i = start; i < start + n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    private List<byte[]> plaintexts(int n) {
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] p = new byte[1 + random.nextInt(150)];
            random.nextBytes(p);
            out.add(p);
        }
        return out;
    }
}
