package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.groups.Groups;
import io.tryx.protocol.client.media.Media;
import io.tryx.protocol.client.media.MediaHttp;
import io.tryx.protocol.client.messaging.MessageListener;
import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.client.polls.Polls;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountStore;

import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One WhatsApp account as a linked device: the {@link ClientSession} lifecycle (pairing, login, reconnects) and
 * {@link Messaging} and {@link Groups} on top of it, over one {@link AccountStore}. Lifecycle events go to {@link ClientListener}s on
 * the serial {@code events} executor; message events to {@link MessageListener}s on the shared {@code workers}
 * pool (in order per chat). After each login, old sent messages and decrypted-buffer entries are pruned on the
 * workers.
 */
public final class WhatsAppClient implements AutoCloseable {

    private final ClientSession session;
    private final Messaging messaging;
    private final Groups groups;
    private final Polls polls;
    private final Media media;
    private final io.tryx.protocol.client.history.History history;

    public WhatsAppClient(Connector connector, AccountStore store, ClientConfig config, MessagingConfig messagingConfig,
                          ClientScheduler scheduler, Executor events, Executor workers, InstantSource clock) {
        this(connector, store, config, messagingConfig, null, scheduler, events, workers, clock);
    }

    /** With {@code mediaHttp} (shareable between clients) for the media hosts; null makes one with the JDK's trust store. */
    public WhatsAppClient(Connector connector, AccountStore store, ClientConfig config, MessagingConfig messagingConfig,
                          MediaHttp mediaHttp, ClientScheduler scheduler, Executor events, Executor workers,
                          InstantSource clock) {
        this.session = new ClientSession(connector, store, store, config, scheduler, events, clock);
        SecureRandom random = new SecureRandom();
        SessionChannel channel = new SessionChannel(session);
        this.messaging = new Messaging(store, channel, messagingConfig, scheduler, workers, clock, random);
        this.groups = new Groups(channel, messaging.groupDirectory(), store, clock, random);
        this.polls = new Polls(messaging, store, clock, random);
        this.media = new Media(mediaHttp, channel, messaging, clock);
        this.history = io.tryx.protocol.client.history.History.attach(messaging, media);
        session.addStanzaHandler(messaging::onStanza);
        session.addNotificationHandler(messaging::onNotification);
        session.addListener(event -> {
            if (event instanceof ClientEvent.Connected) {
                workers.execute(messaging::prune);
            }
            if (event instanceof ClientEvent.Disconnected || event instanceof ClientEvent.LoggedOut
                    || event instanceof ClientEvent.StreamReplaced) {
                messaging.connectionLost();
            }
        });
    }

    /** The lifecycle underneath (pair codes, state, raw IQs). */
    public ClientSession session() {
        return session;
    }

    /** Messaging of this account. */
    public Messaging messaging() {
        return messaging;
    }

    /** The account's group operations (create, metadata, participants, settings, invites, leave). */
    public Groups groups() {
        return groups;
    }

    /** The account's polls (create, vote); received votes arrive decrypted as message events. */
    public Polls polls() {
        return polls;
    }

    /** Media of this account: {@code media_conn}, streamed uploads and downloads, media messages. */
    public Media media() {
        return media;
    }

    public void addListener(ClientListener listener) {
        session.addListener(listener);
    }

    public void addMessageListener(MessageListener listener) {
        messaging.addListener(listener);
    }

    /** History sync events (chunks from our phone after linking); see {@link io.tryx.protocol.client.history.History}. */
    public void addHistoryListener(io.tryx.protocol.client.history.HistoryListener listener) {
        history.addListener(listener);
    }

    /** Connects; see {@link ClientSession#start()}. */
    public CompletableFuture<Void> start() {
        return session.start();
    }

    /**
     * Sends a text to a user or a group ({@code @g.us}); completes with the id and the server's timestamp once the
     * server acknowledged it.
     */
    public CompletableFuture<SendResult> sendText(Jid to, String text) {
        return messaging.sendText(to, text);
    }

    /** Marks messages of {@code sender} in {@code chat} read ({@code sender} is needed in groups, may be null 1:1). */
    public CompletableFuture<Void> markRead(Jid chat, Jid sender, String... ids) {
        return messaging.markRead(chat, sender, ids);
    }

    @Override
    public void close() {
        session.close();
        media.close();
    }

    /** The session as messaging's channel. */
    private record SessionChannel(ClientSession session) implements StanzaChannel {
        @Override
        public CompletableFuture<Void> send(Node node) {
            return session.send(node);
        }

        @Override
        public CompletableFuture<Node> query(Node iq) {
            return session.query(iq);
        }

        @Override
        public String nextIqId() {
            return session.nextIqId();
        }
    }
}
