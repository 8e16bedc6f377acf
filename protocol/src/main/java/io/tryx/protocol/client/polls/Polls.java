package io.tryx.protocol.client.polls;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.SecretLookup;
import io.tryx.protocol.client.messaging.SendException;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.PollVotes;
import io.tryx.protocol.proto.CommonProto;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.AccountState;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.StoredSecret;

import java.time.InstantSource;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Polls: create one in a chat, vote on one this account sent or received. A poll carries a fresh message secret;
 * votes are encrypted with keys derived from it, so only those who saw the poll can read them. Votes this account
 * receives are decrypted by messaging and reported as
 * {@link io.tryx.protocol.client.messaging.MessageEvent.PollVoteReceived}; {@link PollTally} counts them.
 * Invalid arguments throw at once; a vote on an unknown poll or option fails with {@link PollException}.
 */
public final class Polls {

    /** WhatsApp's bounds on a poll's options. */
    public static final int MIN_OPTIONS = 2;
    public static final int MAX_OPTIONS = 12;

    private final Messaging messaging;
    private final AccountState store;
    private final InstantSource clock;
    private final RandomGenerator random;

    public Polls(Messaging messaging, AccountState store, InstantSource clock, RandomGenerator random) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Posts a poll: {@code options} are 2 to 12 distinct texts, {@code selectableCount} how many a voter may pick
     * (0: any number). Single-choice polls go out as WhatsApp's V3 poll, the others as V1.
     */
    public CompletableFuture<SendResult> create(Jid chat, String name, List<String> options, int selectableCount) {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a poll needs a question");
        }
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            throw new IllegalArgumentException("a poll has " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options, not " + options.size());
        }
        if (new HashSet<>(options).size() != options.size() || options.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("poll options must be distinct and not blank");
        }
        if (selectableCount < 0 || selectableCount > options.size()) {
            throw new IllegalArgumentException("selectableCount must be 0.." + options.size());
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        E2EProto.Message.PollCreationMessage.Builder poll = E2EProto.Message.PollCreationMessage.newBuilder()
                .setName(name).setSelectableOptionsCount(selectableCount);
        options.forEach(option -> poll.addOptions(E2EProto.Message.PollCreationMessage.Option.newBuilder().setOptionName(option)));
        E2EProto.Message.Builder message = E2EProto.Message.newBuilder()
                .setMessageContextInfo(E2EProto.MessageContextInfo.newBuilder().setMessageSecret(ByteString.copyFrom(secret)));
        if (selectableCount == 1) {
            message.setPollCreationMessageV3(poll);
        } else {
            message.setPollCreationMessage(poll);
        }
        return messaging.send(chat, message.build());
    }

    /**
     * Votes on {@code poll} (its chat, creator and id), replacing this account's earlier vote; an empty selection
     * withdraws it. The options are named by their text and must be the poll's.
     */
    public CompletableFuture<SendResult> vote(MessageRef poll, List<String> selectedOptions) {
        Objects.requireNonNull(poll, "poll");
        List<String> selected = List.copyOf(selectedOptions);
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired).orElse(null);
        if (own == null) {
            return CompletableFuture.failedFuture(new SendException(SendException.Reason.NOT_CONNECTED, "not paired"));
        }
        Optional<StoredSecret> stored = stored(poll);
        if (stored.isEmpty()) {
            return CompletableFuture.failedFuture(new PollException(PollException.Reason.UNKNOWN_POLL,
                    "no secret for poll " + poll.id() + " in " + poll.chat()));
        }
        try {
            check(stored.get(), selected);
        } catch (PollException e) {
            return CompletableFuture.failedFuture(e);
        }
        Jid voter = (poll.sender().isLid() && own.lid() != null ? own.lid() : own.deviceJid()).toNonAd();
        boolean fromMe = poll.sender().sameUser(own.deviceJid()) || (own.lid() != null && poll.sender().sameUser(own.lid()));
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        var vote = PollVotes.encrypt(stored.get().secret(), poll.id(), poll.sender().toString(), voter.toString(), selected, iv);
        CommonProto.MessageKey.Builder key = CommonProto.MessageKey.newBuilder().setRemoteJid(poll.chat().toString())
                .setFromMe(fromMe).setId(poll.id());
        if (poll.chat().isGroup()) {
            key.setParticipant(poll.sender().toString());
        }
        E2EProto.Message message = E2EProto.Message.newBuilder().setPollUpdateMessage(
                E2EProto.Message.PollUpdateMessage.newBuilder().setPollCreationMessageKey(key).setVote(vote)
                        .setSenderTimestampMs(clock.millis())).build();
        return messaging.send(poll.chat(), message);
    }

    private Optional<StoredSecret> stored(MessageRef poll) {
        return new SecretLookup(store).first(poll.chat(), poll.sender(), poll.id()).map(SecretLookup.Found::secret);
    }

    private static void check(StoredSecret stored, List<String> selected) {
        if (stored.original().length == 0) {
            return;
        }
        E2EProto.Message.PollCreationMessage poll;
        try {
            poll = PollVotes.pollOf(E2EProto.Message.parseFrom(stored.original())).orElse(null);
        } catch (InvalidProtocolBufferException e) {
            return;
        }
        if (poll == null) {
            return;
        }
        List<String> names = poll.getOptionsList().stream().map(E2EProto.Message.PollCreationMessage.Option::getOptionName).toList();
        for (String option : selected) {
            if (!names.contains(option)) {
                throw new PollException(PollException.Reason.UNKNOWN_OPTION, "\"" + option + "\" is not an option of the poll");
            }
        }
        int allowed = poll.getSelectableOptionsCount();
        if (allowed > 0 && selected.size() > allowed) {
            throw new PollException(PollException.Reason.TOO_MANY_OPTIONS, selected.size() + " selected, the poll allows " + allowed);
        }
    }
}
