package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.PreKeyAllocator;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

/**
 * Handles inbound {@code message} stanzas on the chat's lane: decrypts them in one unit of work together with
 * buffering their plaintexts and commits it; then dispatches the typed event, marks the ciphertexts handled and
 * only then answers the server, with the delivery receipt (our own devices' copies: {@code type="sender"}).
 * A redelivered stanza is served from the buffer, or only answered when it was handled. A message that does not
 * decrypt becomes an {@link MessageEvent.UndecryptableMessage}, a retry receipt and an {@code ack}. A stanza
 * without a parseable source is nacked (487). If the store or a listener fails, nothing is answered and the server
 * delivers the message again.
 */
final class MessageReceiver {

    private static final Logger log = LoggerFactory.getLogger(MessageReceiver.class);
    static final int NACK_PARSING_ERROR = 487;

    private final AccountStore store;
    private final StanzaChannel channel;
    private final OrderedLanes<String> lanes;
    private final Lock signalLock;
    private final Listeners listeners;
    private final InstantSource clock;
    private final IncomingDecryptor decryptor;
    private final RetryRequester retries;
    private final PollVoteReader votes;
    private final EncryptedReactionReader encryptedReactions;

    MessageReceiver(AccountStore store, StanzaChannel channel, OrderedLanes<String> lanes, Lock signalLock,
                    Listeners listeners, InstantSource clock, SecureRandom random, PreKeyAllocator allocator) {
        this.store = store;
        this.channel = channel;
        this.lanes = lanes;
        this.signalLock = signalLock;
        this.listeners = listeners;
        this.clock = clock;
        this.decryptor = new IncomingDecryptor(random);
        this.retries = new RetryRequester(store, allocator);
        SecretLookup secrets = new SecretLookup(store);
        this.votes = new PollVoteReader(secrets);
        this.encryptedReactions = new EncryptedReactionReader(secrets);
    }

    /** Queues the stanza on its chat's lane; never blocks. Completes when it was handled. */
    CompletableFuture<Void> onMessage(Node stanza) {
        return lanes.run(laneOf(stanza), () -> {
            handle(stanza);
            return null;
        }).<Void>thenApply(v -> null).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("message {} not handled, left for redelivery: {}", stanza.attrs().optionalString("id").orElse(""),
                        error.toString());
            }
        });
    }

    /** The chat a stanza belongs to, as far as its attributes tell: {@code recipient} for our own copies, else {@code from}'s user. */
    static String laneOf(Node stanza) {
        return stanza.attrs().optionalString("recipient").orElseGet(() ->
                stanza.attrs().optionalString("from").map(f -> {
                    try {
                        return io.tryx.protocol.jid.Jid.parse(f).toNonAd().toString();
                    } catch (ProtocolException e) {
                        return f;
                    }
                }).orElse(""));
    }

    private void handle(Node stanza) {
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired)
                .orElseThrow(() -> new IllegalStateException("message before pairing"));
        MessageInfo info;
        try {
            info = MessageInfoParser.parse(stanza, own);
        } catch (ProtocolException e) {
            log.info("unparseable message stanza {}: {}", stanza, e.getMessage());
            channel.send(MessagingNodes.ack(stanza, NACK_PARSING_ERROR));
            return;
        }
        IncomingDecryptor.Outcome outcome;
        Node retry = null;
        CompletableFuture<Void> durable;
        signalLock.lock();
        try {
            UnitOfWork work = store.begin();
            outcome = decryptor.decrypt(work, stanza, info, own, clock.millis());
            // durable later: other chats decrypt meanwhile; a store that commits asynchronously fails them too if this fails
            durable = work.commitAsync();
            if (outcome instanceof IncomingDecryptor.Failed failed && failed.reason() != DecryptFailure.NO_CONTENT) {
                retry = retries.retryReceipt(stanza).orElse(null);
            }
        } finally {
            signalLock.unlock();
        }
        awaitDurable(durable);
        switch (outcome) {
            case IncomingDecryptor.Decrypted decrypted -> {
                if (decrypted.content()) {
                    var vote = votes.read(decrypted.info(), decrypted.message());
                    if (vote.isPresent()) {
                        listeners.dispatch(vote.get());
                    } else {
                        var content = encryptedReactions.read(decrypted.info(), decrypted.message())
                                .orElse(decrypted.message());
                        listeners.dispatchReceived(new MessageEvent.MessageReceived(decrypted.info(), content));
                    }
                }
                markHandled(decrypted.hashes());
                channel.send(MessagingNodes.messageReceipt(stanza, info));
            }
            case IncomingDecryptor.AlreadyHandled handled -> channel.send(MessagingNodes.messageReceipt(stanza, info));
            case IncomingDecryptor.Failed failed -> {
                log.info("message {} from {} undecryptable: {} {}", info.id(), info.sender(), failed.reason(), failed.detail());
                listeners.dispatch(new MessageEvent.UndecryptableMessage(info, failed.reason(), failed.detail()));
                markHandled(failed.hashes());
                if (retry != null) {
                    channel.send(retry);
                }
                channel.send(MessagingNodes.ack(stanza, 0));
            }
        }
    }

    private static void awaitDurable(CompletableFuture<Void> durable) {
        try {
            durable.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private void markHandled(List<byte[]> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        UnitOfWork work = store.begin();
        hashes.forEach(work::markHandled);
        work.commit();
    }
}
