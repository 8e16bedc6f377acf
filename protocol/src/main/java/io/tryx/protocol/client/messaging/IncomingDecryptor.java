package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.MessageCodec;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.signal.DuplicateMessageException;
import io.tryx.protocol.signal.InvalidKeyIdException;
import io.tryx.protocol.signal.NoSessionException;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.group.GroupCipher;
import io.tryx.protocol.signal.group.GroupSessionBuilder;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.session.SessionCipher;
import io.tryx.protocol.signal.wire.SenderKeyDistributionMessage;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.UnitOfWork;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Decrypts the {@code enc} children of one message stanza inside a unit of work. Each ciphertext is first
 * looked up in the decrypted buffer by its hash: a handled one is skipped, a buffered one is served from
 * there (never decrypted twice, since the ratchet has moved); a new one is decrypted ({@code pkmsg}/{@code msg}
 * on the sender's session, {@code skmsg} with the sender's group key) and its plaintext buffered in the same
 * unit of work. Sender-key distribution messages found in group {@code pkmsg}/{@code msg}s are processed
 * before the {@code skmsg} that follows them. Not thread-safe; the caller serializes Signal work.
 */
final class IncomingDecryptor {

    private final SessionCipher sessions;
    private final GroupCipher groups;
    private final GroupSessionBuilder groupBuilder;

    IncomingDecryptor(SecureRandom random) {
        this.sessions = new SessionCipher(random);
        this.groups = new GroupCipher(random);
        this.groupBuilder = new GroupSessionBuilder(random);
    }

    /** The result for one stanza. */
    sealed interface Outcome {
        /** The ciphertext hashes this stanza buffered or found, to mark handled once dispatched. */
        List<byte[]> hashes();
    }

    /**
     * Decrypted: {@code message} is the union of the stanza's payloads with sender-key distributions and a
     * device-sent wrapper removed; {@code info} carries the device-sent destination as chat. {@code content}
     * is false when nothing is left to report (a bare key distribution).
     */
    record Decrypted(MessageInfo info, E2EProto.Message message, boolean content, List<byte[]> hashes) implements Outcome {
    }

    /** Every ciphertext was handled before (a redelivery after the receipt was lost). */
    record AlreadyHandled(List<byte[]> hashes) implements Outcome {
    }

    /** A ciphertext did not decrypt (or parse); earlier ones of the stanza may have. */
    record Failed(DecryptFailure reason, String detail, List<byte[]> hashes) implements Outcome {
    }

    Outcome decrypt(UnitOfWork work, Node stanza, MessageInfo info, DeviceCredentials own, long nowMillis) {
        Jid identity = sessionIdentity(work, info, own);
        SignalAddress address = Addressing.signalAddress(identity);
        List<byte[]> hashes = new ArrayList<>();
        E2EProto.Message.Builder merged = E2EProto.Message.newBuilder();
        boolean fresh = false;
        boolean recognized = false;
        for (Node enc : stanza.children("enc")) {
            String type = enc.attrs().optionalString("type").orElse("");
            boolean direct = type.equals("pkmsg") || type.equals("msg");
            if (!direct && !(type.equals("skmsg") && info.group())) {
                continue;
            }
            recognized = true;
            if (!enc.attrs().optionalString("v").orElse("2").equals("2")) {
                return new Failed(DecryptFailure.UNSUPPORTED, "enc version " + enc.attrs().string("v"), hashes);
            }
            byte[] ciphertext = enc.contentBytes().orElse(new byte[0]);
            byte[] hash = hash(ciphertext, type, identity, info.chat());
            var buffered = work.bufferedPlaintext(hash);
            if (buffered.isPresent() && buffered.get().handled()) {
                continue;
            }
            byte[] plaintext;
            if (buffered.isPresent()) {
                plaintext = buffered.get().plaintext();
            } else {
                if (type.equals("pkmsg")) {
                    ensureSignedPreKey(work, own);
                }
                try {
                    plaintext = direct ? sessions.decrypt(work, address, type, ciphertext).plaintext()
                            : groups.decrypt(work, new SenderKeyName(info.chat().toString(), address), ciphertext);
                } catch (DuplicateMessageException e) {
                    continue; // an old counter: decrypted before and its buffer entry pruned
                } catch (ProtocolException e) {
                    return new Failed(failure(e, direct), e.getMessage(), hashes);
                }
                work.bufferPlaintext(new BufferedPlaintext(hash, plaintext, info.timestamp().getEpochSecond(), nowMillis));
            }
            hashes.add(hash);
            fresh = true;
            E2EProto.Message message;
            try {
                message = MessageCodec.decode(plaintext);
                if (direct && info.group() && message.hasSenderKeyDistributionMessage()) {
                    groupBuilder.process(work, new SenderKeyName(info.chat().toString(), address),
                            SenderKeyDistributionMessage.parse(message.getSenderKeyDistributionMessage()
                                    .getAxolotlSenderKeyDistributionMessage().toByteArray()));
                }
            } catch (ProtocolException e) {
                return new Failed(DecryptFailure.MALFORMED, e.getMessage(), hashes);
            }
            merged.mergeFrom(message);
        }
        if (!recognized) {
            return new Failed(DecryptFailure.NO_CONTENT, "no enc this client can decrypt", hashes);
        }
        if (!fresh) {
            return new AlreadyHandled(hashes);
        }
        Decrypted decrypted = unwrap(info, merged, hashes);
        MessageSecrets.remember(work, new MessageRef(decrypted.info().chat(), decrypted.info().sender().toNonAd(),
                decrypted.info().id()), decrypted.message(), nowMillis);
        return decrypted;
    }

    /**
     * The signed prekey lives in the credentials; a pkmsg's session setup reads it from the Signal store, so it is
     * put there (in the same unit of work) the first time it is needed.
     */
    private static void ensureSignedPreKey(UnitOfWork work, DeviceCredentials own) {
        if (work.signedPreKey(own.signedPreKey().id()).isEmpty()) {
            work.storeSignedPreKey(own.signedPreKey());
        }
    }

    /** Strips the key distribution and, for our own device's copy, the device-sent wrapper (its destination is the chat). */
    private static Decrypted unwrap(MessageInfo info, E2EProto.Message.Builder merged, List<byte[]> hashes) {
        merged.clearSenderKeyDistributionMessage();
        MessageInfo result = info;
        if (merged.hasDeviceSentMessage()) {
            E2EProto.Message.DeviceSentMessage sent = merged.getDeviceSentMessage();
            E2EProto.Message.Builder inner = sent.getMessage().toBuilder();
            if (merged.hasMessageContextInfo() && !inner.hasMessageContextInfo()) {
                inner.setMessageContextInfo(merged.getMessageContextInfo());
            }
            merged = inner;
            if (info.fromMe() && sent.hasDestinationJid()) {
                try {
                    result = info.withChat(Jid.parse(sent.getDestinationJid()));
                } catch (ProtocolException e) {
                    // keep the stanza's recipient as chat
                }
            }
        }
        E2EProto.Message message = merged.build();
        boolean content = !message.equals(E2EProto.Message.getDefaultInstance());
        return new Decrypted(result, message, content, hashes);
    }

    /**
     * The JID whose session decrypts: for a phone-number sender its LID device when known (the stanza's
     * {@code sender_lid} is recorded as the mapping first).
     */
    private static Jid sessionIdentity(UnitOfWork work, MessageInfo info, DeviceCredentials own) {
        Jid sender = info.sender();
        Jid alt = info.senderAlt();
        if (alt != null && sender.isPhoneUser() && alt.isLid()
                && !work.lidForPhone(sender.toNonAd()).filter(alt.toNonAd()::equals).isPresent()) {
            work.storeLidMapping(alt.toNonAd(), sender.toNonAd());
        } else if (alt != null && sender.isLid() && alt.isPhoneUser()
                && !work.phoneForLid(sender.toNonAd()).filter(alt.toNonAd()::equals).isPresent()) {
            work.storeLidMapping(sender.toNonAd(), alt.toNonAd());
        }
        return Addressing.sessionJid(work, sender, own);
    }

    private static DecryptFailure failure(ProtocolException e, boolean direct) {
        if (e instanceof NoSessionException) {
            return direct ? DecryptFailure.NO_SESSION : DecryptFailure.NO_SENDER_KEY;
        }
        if (e instanceof InvalidKeyIdException) {
            return DecryptFailure.INVALID_PREKEY;
        }
        return switch (e.reason()) {
            case AUTHENTICATION_FAILED -> DecryptFailure.BAD_MAC;
            case UNSUPPORTED -> DecryptFailure.UNSUPPORTED;
            default -> DecryptFailure.MALFORMED;
        };
    }

    /** SHA-256 over the ciphertext and what names its session (type, sender, chat), so equal bytes of two senders never collide. */
    static byte[] hash(byte[] ciphertext, String type, Jid sender, Jid chat) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ciphertext);
            for (String part : List.of(type, sender.toString(), chat.toString())) {
                digest.update((byte) 0);
                digest.update(part.getBytes(StandardCharsets.UTF_8));
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
