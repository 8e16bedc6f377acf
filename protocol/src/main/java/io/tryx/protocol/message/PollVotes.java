package io.tryx.protocol.message;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.proto.E2EProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Poll votes as WhatsApp encrypts them: a vote names its options by SHA-256 of their text and travels as
 * AES-GCM ciphertext under a key derived from the poll's message secret ({@link MessageSecretUseCase#POLL_VOTE}),
 * bound to the poll's id, its creator and the voter (user JIDs without device), so that only those who saw
 * the poll can read it.
 */
public final class PollVotes {

    private PollVotes() {
    }

    /**
     * The poll a message creates, whichever protobuf version carries it (V1 multi-select, V2 announcement,
     * V3 single-select, V5).
     */
    public static Optional<E2EProto.Message.PollCreationMessage> pollOf(E2EProto.Message message) {
        if (message.hasPollCreationMessageV3()) {
            return Optional.of(message.getPollCreationMessageV3());
        }
        if (message.hasPollCreationMessage()) {
            return Optional.of(message.getPollCreationMessage());
        }
        if (message.hasPollCreationMessageV2()) {
            return Optional.of(message.getPollCreationMessageV2());
        }
        if (message.hasPollCreationMessageV5()) {
            return Optional.of(message.getPollCreationMessageV5());
        }
        return Optional.empty();
    }

    /** SHA-256 of an option's text: what a vote carries. */
    public static byte[] optionHash(String optionName) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(optionName.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }

    /** Encrypts a vote for {@code selected} options (their texts) with a fresh 12-byte {@code iv}. */
    public static E2EProto.Message.PollEncValue encrypt(byte[] messageSecret, String pollId, String creator, String voter,
                                                        List<String> selected, byte[] iv) {
        E2EProto.Message.PollVoteMessage.Builder vote = E2EProto.Message.PollVoteMessage.newBuilder();
        selected.forEach(option -> vote.addSelectedOptions(ByteString.copyFrom(optionHash(option))));
        byte[] ciphertext = MessageSecretKeys.derive(MessageSecretUseCase.POLL_VOTE, messageSecret, pollId, creator, voter)
                .encrypt(iv, vote.build().toByteArray());
        return E2EProto.Message.PollEncValue.newBuilder().setEncPayload(ByteString.copyFrom(ciphertext))
                .setEncIv(ByteString.copyFrom(iv)).build();
    }

    /**
     * Decrypts a vote into the SHA-256 hashes of the selected options; a wrong secret, poll, creator or voter, or a
     * tampered payload, is a {@link ProtocolException}.
     */
    public static List<byte[]> decrypt(byte[] messageSecret, String pollId, String creator, String voter,
                                       E2EProto.Message.PollEncValue vote) {
        if (vote.getEncIv().size() != 12) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "poll vote IV must be 12 bytes");
        }
        byte[] plaintext = MessageSecretKeys.derive(MessageSecretUseCase.POLL_VOTE, messageSecret, pollId, creator, voter)
                .decrypt(vote.getEncIv().toByteArray(), vote.getEncPayload().toByteArray());
        try {
            return E2EProto.Message.PollVoteMessage.parseFrom(plaintext).getSelectedOptionsList().stream()
                    .map(ByteString::toByteArray).toList();
        } catch (InvalidProtocolBufferException e) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "poll vote is not a PollVoteMessage", e);
        }
    }

    /**
     * The texts of the options {@code hashes} select, in the poll's order; a hash that matches no option of the
     * poll is left out (a vote for an option the poll no longer has).
     */
    public static List<String> optionNames(E2EProto.Message.PollCreationMessage poll, List<byte[]> hashes) {
        List<String> names = new ArrayList<>();
        for (E2EProto.Message.PollCreationMessage.Option option : poll.getOptionsList()) {
            byte[] hash = optionHash(option.getOptionName());
            if (hashes.stream().anyMatch(h -> Arrays.equals(h, hash))) {
                names.add(option.getOptionName());
            }
        }
        return names;
    }
}
