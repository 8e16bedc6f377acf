package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.EncryptedReactions;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Reads a received encrypted reaction ({@code encReactionMessage}): finds the target message's stored secret and
 * decrypts the reaction, which is then reported as the plain {@code reactionMessage} it carries, so handlers see one
 * kind of reaction. One for a message this account never saw, or one that does not decrypt, is not read (it is then
 * reported as the message it is).
 */
final class EncryptedReactionReader {

    private static final Logger log = LoggerFactory.getLogger(EncryptedReactionReader.class);

    private final SecretLookup secrets;

    EncryptedReactionReader(SecretLookup secrets) {
        this.secrets = secrets;
    }

    Optional<E2EProto.Message> read(MessageInfo info, E2EProto.Message message) {
        if (!message.hasEncReactionMessage()) {
            return Optional.empty();
        }
        E2EProto.Message.EncReactionMessage encrypted = message.getEncReactionMessage();
        CommonProto.MessageKey target = encrypted.getTargetMessageKey();
        Jid reactor = info.sender().toNonAd();
        try {
            Jid author = authorOf(target, reactor);
            for (SecretLookup.Found found : secrets.all(info.chat(), author, target.getId())) {
                for (Jid reactorForm : secrets.forms(reactor)) {
                    try {
                        E2EProto.Message.ReactionMessage reaction = EncryptedReactions.decrypt(found.secret().secret(),
                                found.author().toString(), reactorForm.toString(), encrypted);
                        return Optional.of(E2EProto.Message.newBuilder().setReactionMessage(reaction).build());
                    } catch (ProtocolException wrongForm) {
                        // keys derive from the JID forms: try the other addressing of the reactor
                    }
                }
            }
            log.info("encrypted reaction {} from {} is for message {} this account cannot read", info.id(), reactor,
                    target.getId());
        } catch (ProtocolException e) {
            log.info("encrypted reaction {} from {} not readable: {}", info.id(), reactor, e.getMessage());
        }
        return Optional.empty();
    }

    /** Who wrote the target: the reactor itself ({@code fromMe}), the group member, or the 1:1 peer. */
    private static Jid authorOf(CommonProto.MessageKey target, Jid reactor) {
        if (target.getFromMe()) {
            return reactor;
        }
        String author = target.hasParticipant() && !target.getParticipant().isEmpty() ? target.getParticipant()
                : target.getRemoteJid();
        return Jid.parse(author).toNonAd();
    }
}
