package io.tryx.protocol.signal.group;

import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Group messages delivered in any order inside the window, with replays mixed in, decrypt exactly once. */
class GroupDeliveryPropertyTest {

    @Property(tries = 40)
    void anyOrderWithReplaysDecryptsEachMessageOnce(@ForAll @IntRange(min = 1, max = 300) int count,
                                                    @ForAll @IntRange(min = 0, max = 5) int alreadySent,
                                                    @ForAll long seed) {
        SecureRandom secureRandom = new SecureRandom();
        TestParty sender = new TestParty("sender", secureRandom);
        TestParty member = new TestParty("member", secureRandom);
        SenderKeyName name = new SenderKeyName("g@g.us", sender.address);
        sender.groupBuilder.create(sender.store, name);
        for (int i = 0; i < alreadySent; i++) {
            sender.groupCipher.encrypt(sender.store, name, new byte[]{(byte) i});
        }
        SenderKeyDistributionMessage skdm = sender.groupBuilder.create(sender.store, name);
        member.groupBuilder.process(member.store, name, SenderKeyDistributionMessage.parse(skdm.serialized()));

        Random random = new Random(seed);
        List<byte[]> plaintexts = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        List<Integer> deliveries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] p = new byte[random.nextInt(64)];
            random.nextBytes(p);
            plaintexts.add(p);
            messages.add(sender.groupCipher.encrypt(sender.store, name, p));
            deliveries.add(i);
            if (random.nextInt(5) == 0) {
                deliveries.add(i);
            }
        }
        Collections.shuffle(deliveries, random);
        Set<Integer> delivered = new HashSet<>();
        for (int i : deliveries) {
            if (delivered.add(i)) {
                assertThat(member.groupCipher.decrypt(member.store, name, messages.get(i))).isEqualTo(plaintexts.get(i));
            } else {
                assertThatThrownBy(() -> member.groupCipher.decrypt(member.store, name, messages.get(i)))
                        .isInstanceOf(DuplicateMessageException.class);
            }
        }
    }
}
