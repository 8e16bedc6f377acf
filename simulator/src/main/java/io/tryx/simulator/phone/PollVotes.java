package io.tryx.simulator.phone;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.crypto.AesGcm;
import io.tryx.protocol.crypto.Digests;
import io.tryx.protocol.crypto.Hkdf;
import io.tryx.protocol.proto.E2EProto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The encryption of poll votes, as WhatsApp clients do it: the voter's choice ({@code PollVoteMessage}: the
 * SHA-256 of each chosen option name) is sealed with AES-256-GCM under a key derived from the poll's 32-byte
 * {@code messageSecret} by HKDF-SHA256 (no salt) with the info {@code pollId + creatorJid + voterJid + "Poll Vote"},
 * a random 12-byte IV and the additional data {@code pollId + "\0" + voterJid}. Both JIDs are user JIDs without
 * device. Pure functions; the IV comes from the caller's random source.
 */
final class PollVotes {

    private static final int IV_LENGTH = 12;

    private PollVotes() {
    }

    /** The SHA-256 of an option name, the form a vote names an option in. */
    static byte[] optionHash(String option) {
        return Digests.sha256(option.getBytes(StandardCharsets.UTF_8));
    }

    /** Seals the choice of {@code options} by {@code voter} on poll {@code pollId} of {@code creator}. */
    static E2EProto.Message.PollEncValue encrypt(byte[] secret, String pollId, String creator, String voter,
                                                 List<String> options, SecureRandom random) {
        E2EProto.Message.PollVoteMessage.Builder vote = E2EProto.Message.PollVoteMessage.newBuilder();
        options.forEach(o -> vote.addSelectedOptions(ByteString.copyFrom(optionHash(o))));
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        byte[] sealed = new AesGcm(key(secret, pollId, creator, voter)).encrypt(iv, additionalData(pollId, voter),
                vote.build().toByteArray());
        return E2EProto.Message.PollEncValue.newBuilder().setEncPayload(ByteString.copyFrom(sealed))
                .setEncIv(ByteString.copyFrom(iv)).build();
    }

    /**
     * Opens a vote and names the chosen options among {@code options}.
     *
     * @throws io.tryx.protocol.ProtocolException when the key, additional data or ciphertext do not match
     * @throws IllegalArgumentException           when the vote names an option the poll does not have
     */
    static List<String> decrypt(byte[] secret, String pollId, String creator, String voter,
                                E2EProto.Message.PollEncValue value, List<String> options) {
        byte[] plain = new AesGcm(key(secret, pollId, creator, voter)).decrypt(value.getEncIv().toByteArray(),
                additionalData(pollId, voter), value.getEncPayload().toByteArray());
        E2EProto.Message.PollVoteMessage vote;
        try {
            vote = E2EProto.Message.PollVoteMessage.parseFrom(plain);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the vote is no PollVoteMessage", e);
        }
        List<String> chosen = new ArrayList<>();
        for (ByteString hash : vote.getSelectedOptionsList()) {
            chosen.add(options.stream().filter(o -> Arrays.equals(optionHash(o), hash.toByteArray())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("the vote names an option the poll does not have")));
        }
        return chosen;
    }

    static byte[] key(byte[] secret, String pollId, String creator, String voter) {
        byte[] info = (pollId + creator + voter + "Poll Vote").getBytes(StandardCharsets.UTF_8);
        return Hkdf.derive(secret, null, info, 32);
    }

    private static byte[] additionalData(String pollId, String voter) {
        return (pollId + '\0' + voter).getBytes(StandardCharsets.UTF_8);
    }
}
