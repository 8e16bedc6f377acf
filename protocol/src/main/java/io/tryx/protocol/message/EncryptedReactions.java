package io.tryx.protocol.message;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * Reactions encrypted with the target message's secret ({@code encReactionMessage}), as WhatsApp uses them in
 * community announcement groups: the payload is AES-GCM under a key derived with
 * {@link MessageSecretUseCase#ENC_REACTION} from the target's id, its author and the reacting user (user JIDs
 * without device), with no associated data; the plaintext is the {@code ReactionMessage} without its key, which
 * travels in the clear as the target.
 */
public final class EncryptedReactions {

    private static final int IV_LENGTH = 12;

    private EncryptedReactions() {
    }

    /** Encrypts {@code reaction} (its key is the target) with a fresh 12-byte {@code iv}. */
    public static E2EProto.Message.EncReactionMessage encrypt(byte[] targetSecret, String targetAuthor, String reactor,
                                                              E2EProto.Message.ReactionMessage reaction, byte[] iv) {
        CommonProto.MessageKey target = reaction.getKey();
        byte[] plaintext = reaction.toBuilder().clearKey().build().toByteArray();
        byte[] ciphertext = MessageSecretKeys.derive(MessageSecretUseCase.ENC_REACTION, targetSecret, target.getId(),
                targetAuthor, reactor).encrypt(checkedIv(iv), plaintext);
        return E2EProto.Message.EncReactionMessage.newBuilder().setTargetMessageKey(target)
                .setEncPayload(ByteString.copyFrom(ciphertext)).setEncIv(ByteString.copyFrom(iv)).build();
    }

    /**
     * Decrypts an encrypted reaction into the plain {@code ReactionMessage} with the target as its key; a wrong
     * secret, author or reactor, or a tampered payload, is a {@link ProtocolException}.
     */
    public static E2EProto.Message.ReactionMessage decrypt(byte[] targetSecret, String targetAuthor, String reactor,
                                                           E2EProto.Message.EncReactionMessage encrypted) {
        CommonProto.MessageKey target = encrypted.getTargetMessageKey();
        byte[] plaintext = MessageSecretKeys.derive(MessageSecretUseCase.ENC_REACTION, targetSecret, target.getId(),
                targetAuthor, reactor).decrypt(checkedIv(encrypted.getEncIv().toByteArray()),
                encrypted.getEncPayload().toByteArray());
        try {
            return E2EProto.Message.ReactionMessage.parseFrom(plaintext).toBuilder().setKey(target).build();
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "encrypted reaction is not a ReactionMessage", e);
        }
    }

    private static byte[] checkedIv(byte[] iv) {
        if (iv.length != IV_LENGTH) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "message-secret IV must be 12 bytes");
        }
        return iv;
    }
}
