package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessagePadding;
import io.tryx.protocol.signal.PreKeyBundle;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.session.Ciphertext;
import io.tryx.protocol.signal.session.SessionBuilder;
import io.tryx.protocol.signal.session.SessionCipher;
import io.tryx.protocol.store.AccountState;
import io.tryx.protocol.store.DeviceCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypts one message for devices inside a unit of work: a session is started from the device's prekey bundle
 * when one was fetched, the padded plaintext is encrypted on the device's session (a {@code pkmsg} until the peer
 * answers, then a {@code msg}), our own other devices get the device-sent copy. A device without session and
 * bundle, or whose bundle does not verify, is left out. Not thread-safe; the caller serializes Signal work.
 */
final class OutgoingEncryptor {

    private static final Logger log = LoggerFactory.getLogger(OutgoingEncryptor.class);

    private final SecureRandom random;
    private final SessionBuilder builder;
    private final SessionCipher cipher;

    OutgoingEncryptor(SecureRandom random) {
        this.random = random;
        this.builder = new SessionBuilder(random);
        this.cipher = new SessionCipher(random);
    }

    /** The {@code participants} children and whether any is a {@code pkmsg} (the stanza then carries our device identity). */
    record Participants(List<Node> nodes, boolean preKey, List<Jid> devices) {
    }

    /** The devices among {@code devices} that have no session yet (so need a bundle); reads only. */
    List<Jid> withoutSession(AccountState state, List<Jid> devices, DeviceCredentials own) {
        return devices.stream().filter(d -> !Addressing.hasSession(state, d, own)).toList();
    }

    /** Encrypts for each device, {@code ownCopy} for the devices of our own account, {@code plaintext} for the others. */
    Participants encrypt(AccountState state, List<Jid> devices, Map<Jid, PreKeyBundle> bundles, byte[] plaintext,
                         byte[] ownCopy, DeviceCredentials own) {
        List<Node> nodes = new ArrayList<>();
        List<Jid> reached = new ArrayList<>();
        boolean preKey = false;
        for (Jid device : devices) {
            byte[] payload = Addressing.isOwn(device, own) ? ownCopy : plaintext;
            Optional<Node> enc = encryptFor(state, device, bundles.get(device), payload, own);
            if (enc.isEmpty()) {
                continue;
            }
            preKey |= enc.get().attrs().string("type").equals("pkmsg");
            nodes.add(Node.builder("to").attr("jid", device).children(enc.get()).build());
            reached.add(device);
        }
        return new Participants(nodes, preKey, reached);
    }

    /** The {@code enc} for one device, or empty when it has no session and no usable bundle. */
    Optional<Node> encryptFor(AccountState state, Jid device, PreKeyBundle bundle, byte[] plaintext, DeviceCredentials own) {
        SignalAddress address = Addressing.signalAddress(Addressing.sessionJid(state, device, own));
        if (bundle != null) {
            try {
                builder.processBundle(state, address, bundle);
            } catch (ProtocolException e) {
                log.warn("prekey bundle of {} rejected: {}", device, e.getMessage());
                return Optional.empty();
            }
        } else if (state.session(address).isEmpty()) {
            log.info("no session and no bundle for {}, left out", device);
            return Optional.empty();
        }
        Ciphertext ciphertext = cipher.encrypt(state, address, MessagePadding.pad(plaintext, random));
        return Optional.of(Node.builder("enc").attr("v", "2").attr("type", ciphertext.type())
                .bytes(ciphertext.serialized()).build());
    }
}
