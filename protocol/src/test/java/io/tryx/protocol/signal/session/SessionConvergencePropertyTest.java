package io.tryx.protocol.signal.session;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.signal.wire.PreKeySignalMessage;
import io.tryx.protocol.signal.wire.SignalMessage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two in-memory parties under random schedules: sends, deliveries in any order (always inside the skip
 * window), replays of delivered messages, records persisted and reloaded, optionally both sides starting a
 * session at once. Every message must decrypt to what was sent, no replay ever decrypts (a duplicate while its chain is kept).
 *
 * <p>The one exception is the receiving-chain bound: a session state keeps only the
 * {@value SessionLimits#MAX_RECEIVER_CHAINS} newest receiving chains (as Signal's libsignal and whatsmeow's
 * go.mau.fi/libsignal do; libsignal-node keeps every chain). A message held back while its receiver took five
 * newer ratchet steps of the same session must be rejected as unauthenticated; the model tracks, per receiver
 * and session (base key), the order in which ratchet keys were first received to know when that is so.
 */
class SessionConvergencePropertyTest {

    private record InFlight(Ciphertext message, String text, String session, String ratchetKey) {

        static InFlight sent(TestParty sender, TestParty receiver, String text) {
            Ciphertext message = sender.encrypt(receiver, text);
            SessionState used = sender.store.session(receiver.address).flatMap(SessionRecord::currentState).orElseThrow();
            SignalMessage inner = message instanceof Ciphertext.PreKey
                    ? PreKeySignalMessage.parse(message.serialized()).message()
                    : SignalMessage.parse(message.serialized());
            return new InFlight(message, text, HEX.formatHex(used.baseKey()), HEX.formatHex(inner.ratchetKey()));
        }
    }

    /** Per receiver: for each session (base key), the peer's ratchet keys in the order they were first received. */
    private static final class ChainModel {
        private final Map<String, List<String>> firstReceived = new HashMap<>();

        boolean evicted(InFlight message) {
            List<String> order = firstReceived.getOrDefault(message.session(), List.of());
            int position = order.indexOf(message.ratchetKey());
            return position >= 0 && order.size() - position > SessionLimits.MAX_RECEIVER_CHAINS;
        }

        void received(InFlight message) {
            List<String> order = firstReceived.computeIfAbsent(message.session(), k -> new ArrayList<>());
            if (!order.contains(message.ratchetKey())) {
                order.add(message.ratchetKey());
            }
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    @Property(tries = 80)
    void randomInterleavingsAlwaysConverge(@ForAll @Size(max = 160) List<@IntRange(min = 0, max = 1_000_000) Integer> schedule,
                                           @ForAll boolean bothStart, @ForAll long seed) {
        SecureRandom secureRandom = new SecureRandom();
        TestParty alice = new TestParty("alice", secureRandom);
        TestParty bob = new TestParty("bob", secureRandom);
        alice.startSessionWith(bob);
        if (bothStart) {
            bob.startSessionWith(alice);
        }
        List<InFlight> toBob = new ArrayList<>();
        List<InFlight> toAlice = new ArrayList<>();
        List<InFlight> deliveredToBob = new ArrayList<>();
        ChainModel bobChains = new ChainModel();
        ChainModel aliceChains = new ChainModel();
        int sent = 0;
        for (int step : schedule) {
            int index = step / 7;
            switch (step % 7) {
                case 0, 1 -> toBob.add(InFlight.sent(alice, bob, "a" + sent++));
                case 2 -> {
                    if (bob.store.session(alice.address).flatMap(SessionRecord::currentState).isPresent()) {
                        toAlice.add(InFlight.sent(bob, alice, "b" + sent++));
                    }
                }
                case 3 -> deliverOne(toBob, index, bob, alice, bobChains).ifPresent(deliveredToBob::add);
                case 4 -> deliverOne(toAlice, index, alice, bob, aliceChains);
                case 5 -> {
                    if (!deliveredToBob.isEmpty()) {
                        InFlight replay = deliveredToBob.get(index % deliveredToBob.size());
                        // a replay never decrypts; it is a duplicate while its receiving chain is kept, and
                        // once that chain fell out of the 5-chain window it cannot be told from garbage
                        assertThatThrownBy(() -> bob.decrypt(alice, replay.message()))
                                .isInstanceOfAny(DuplicateMessageException.class, ProtocolException.class)
                                .satisfies(e -> assertThat(e instanceof DuplicateMessageException
                                        || ((ProtocolException) e).reason() == ProtocolException.Reason.AUTHENTICATION_FAILED)
                                        .as("replay rejected as duplicate or unauthenticated: %s", e).isTrue());
                    }
                }
                default -> reload(index % 2 == 0 ? alice : bob, index % 2 == 0 ? bob : alice);
            }
        }
        Random random = new Random(seed);
        while (!toBob.isEmpty() || !toAlice.isEmpty()) {
            deliverOne(toBob, random.nextInt(1000), bob, alice, bobChains);
            deliverOne(toAlice, random.nextInt(1000), alice, bob, aliceChains);
        }
        assertThat(bob.decryptText(alice, alice.encrypt(bob, "final a"))).isEqualTo("final a");
        assertThat(alice.decryptText(bob, bob.encrypt(alice, "final b"))).isEqualTo("final b");
    }

    private static Optional<InFlight> deliverOne(List<InFlight> queue, int pick, TestParty receiver, TestParty sender,
                                                 ChainModel chains) {
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        InFlight next = queue.remove(pick % queue.size());
        if (chains.evicted(next)) {
            assertThatThrownBy(() -> receiver.decrypt(sender, next.message()))
                    .as("message on a receiving chain evicted by %s newer ones", SessionLimits.MAX_RECEIVER_CHAINS)
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.reason())
                            .isEqualTo(ProtocolException.Reason.AUTHENTICATION_FAILED));
            return Optional.empty();
        }
        Decrypted decrypted = receiver.decrypt(sender, next.message());
        assertThat(new String(decrypted.plaintext(), StandardCharsets.UTF_8)).isEqualTo(next.text());
        chains.received(next);
        return Optional.of(next);
    }

    private static void reload(TestParty party, TestParty peer) {
        party.store.session(peer.address).ifPresent(record ->
                party.store.storeSession(peer.address, SessionRecord.deserialize(record.serialize())));
    }
}
