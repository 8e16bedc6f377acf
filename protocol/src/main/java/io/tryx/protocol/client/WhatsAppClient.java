package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.appstate.AppState;
import io.tryx.protocol.client.appstate.ChatActions;
import io.tryx.protocol.client.appstate.ChatSyncListener;
import io.tryx.protocol.client.blocking.Blocking;
import io.tryx.protocol.client.chatstate.ChatStates;
import io.tryx.protocol.client.contacts.Contacts;
import io.tryx.protocol.client.devices.DeviceEvent;
import io.tryx.protocol.client.devices.DeviceListener;
import io.tryx.protocol.client.devices.DeviceNotificationHandler;
import io.tryx.protocol.client.groups.Groups;
import io.tryx.protocol.client.media.Media;
import io.tryx.protocol.client.media.MediaHttp;
import io.tryx.protocol.client.messaging.MessageListener;
import io.tryx.protocol.client.messaging.Messaging;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.client.polls.Polls;
import io.tryx.protocol.client.presence.Presence;
import io.tryx.protocol.client.privacy.Privacy;
import io.tryx.protocol.client.profile.Profile;
import io.tryx.protocol.client.updates.UpdateListener;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountStore;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One WhatsApp account as a linked device: the {@link ClientSession} lifecycle (pairing, login, reconnects) and
 * {@link Messaging}, {@link Groups} and the social namespaces (contacts, privacy, blocking, profile, presence,
 * chat state, with their {@link UpdateListener}s) on top of it, over one {@link AccountStore}. Lifecycle events go to {@link ClientListener}s on
 * the serial {@code events} executor; message events to {@link MessageListener}s on the shared {@code workers}
 * pool (in order per chat). After each login and every few hours while connected, old sent messages,
 * decrypted-buffer entries and message secrets are pruned on the workers ({@link Housekeeping}).
 */
public final class WhatsAppClient implements AutoCloseable {

    private final ClientSession session;
    private final Messaging messaging;
    private final Groups groups;
    private final io.tryx.protocol.client.community.Communities community;
    private final Polls polls;
    private final Media media;
    private final AppState appState;
    private final SocialFeatures social;
    private final DeviceNotificationHandler devices;
    private final io.tryx.protocol.client.history.History history;
    private final Housekeeping housekeeping;
    private final io.tryx.protocol.client.newsletter.Newsletters newsletters;
    private final io.tryx.protocol.client.calls.Calls calls;

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
        this.messaging = new Messaging(store, channel, messagingConfig, scheduler, workers, clock, random,
                session.preKeyAllocator());
        this.groups = new Groups(channel, messaging.groupDirectory(), store, clock, random);
        this.community = new io.tryx.protocol.client.community.Communities(channel, messaging.groupDirectory(), store,
                clock, random);
        this.polls = new Polls(messaging, store, clock, random);
        this.media = new Media(mediaHttp, channel, messaging, clock);
        this.history = io.tryx.protocol.client.history.History.attach(messaging, media);
        session.addStanzaHandler(messaging::onStanza);
        session.addStanzaHandler(new OfflineSync(session, messaging)::onStanza);
        session.addNotificationHandler(messaging::onNotification);
        this.appState = new AppState(store, channel, messaging::sendPeer, AppState.mediaBlobs(media, workers),
                workers, clock, random);
        messaging.addPeerMessageConsumer(appState.keyShares());
        session.addNotificationHandler(appState::onNotification);
        this.social = new SocialFeatures(session, channel, store, scheduler, config.iqTimeout(), workers, clock);
        this.devices = new DeviceNotificationHandler(store, channel, messaging, workers, clock);
        session.addNotificationHandler(devices::onNotification);
        this.housekeeping = new Housekeeping(scheduler, workers, messaging::prune, Housekeeping.PERIOD);
        session.addListener(housekeeping);
        this.newsletters = new io.tryx.protocol.client.newsletter.Newsletters(channel, config.iqTimeout(), workers,
                () -> store.load().map(io.tryx.protocol.store.DeviceCredentials::deviceJid).orElse(null), clock);
        session.addStanzaHandler(newsletters::onStanza);
        session.addNotificationHandler(newsletters::onNotification);
        this.calls = new io.tryx.protocol.client.calls.Calls(channel,
                () -> store.load().map(c -> c.deviceJid()), scheduler, config.iqTimeout(), workers, clock, random);
        session.addStanzaHandler(calls::onStanza);
        session.addListener(event -> {
            if (event instanceof ClientEvent.Connected) {
                appState.afterLogin();
            }
            if (event instanceof ClientEvent.Disconnected || event instanceof ClientEvent.LoggedOut
                    || event instanceof ClientEvent.StreamReplaced) {
                messaging.connectionLost();
                calls.connectionLost();
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

    /** The account's communities (create, link and unlink groups, sub-groups, members of the linked groups). */
    public io.tryx.protocol.client.community.Communities community() {
        return community;
    }

    /** The account's polls (create, vote); received votes arrive decrypted as message events. */
    public Polls polls() {
        return polls;
    }

    /** Media of this account: {@code media_conn}, streamed uploads and downloads, media messages. */
    public Media media() {
        return media;
    }

    /** Status updates of this account (post text or media to a chosen audience, revoke). */
    public io.tryx.protocol.client.status.Status status() {
        return new io.tryx.protocol.client.status.Status(messaging, media);
    }

    /** App-state sync of this account (collections, key shares). */
    public AppState appState() {
        return appState;
    }

    /** Archive, pin, mute, mark read, star, delete for me, delete chat (app-state mutations). */
    public ChatActions chatActions() {
        return appState.chatActions();
    }

    /** Labels: create, edit, delete, label and unlabel chats and messages (app-state mutations). */
    public io.tryx.protocol.client.appstate.Labels labels() {
        return appState.labels();
    }

    /** The account's push name and address book as app-state mutations (see {@link io.tryx.protocol.client.appstate.AccountActions}). */
    public io.tryx.protocol.client.appstate.AccountActions accountActions() {
        return appState.accountActions();
    }

    /** Registers a listener for app-state changes (from the phone, other devices and this client). */
    public void addChatSyncListener(ChatSyncListener listener) {
        appState.addListener(listener);
    }

    /** Who is on WhatsApp, others' "about" text, devices and profile pictures. */
    public Contacts contacts() {
        return social.contacts;
    }

    /** The account's privacy settings, disallowed lists, default disappearing timer and privacy tokens. */
    public Privacy privacy() {
        return social.privacy;
    }

    /** The account's blocklist. */
    public Blocking blocking() {
        return social.blocking;
    }

    /** What the account shows others: push name, "about" text, profile picture. */
    public Profile profile() {
        return social.profile;
    }

    /** The account's availability and subscriptions to others' presence. */
    public Presence presence() {
        return social.presence;
    }

    /** Typing and recording indicators to a chat. */
    public ChatStates chatState() {
        return social.chatStates;
    }

    /** Registers a listener for presence, chat states, profile, privacy and blocklist updates (in order per chat). */
    public void addUpdateListener(UpdateListener listener) {
        social.updates.addListener(listener);
    }

    /** Calls to the account: reject one; incoming steps arrive at {@link #addCallListener} listeners. */
    public io.tryx.protocol.client.calls.Calls calls() {
        return calls;
    }

    /** Registers a listener for call offers, accepts, rejects and terminations (in order per call). */
    public void addCallListener(io.tryx.protocol.client.calls.CallListener listener) {
        calls.addListener(listener);
    }

    public void addListener(ClientListener listener) {
        session.addListener(listener);
    }

    public void addMessageListener(MessageListener listener) {
        messaging.addListener(listener);
    }

    /** Registers a listener for device list and identity changes of users (see {@link DeviceEvent}). */
    public void addDeviceListener(DeviceListener listener) {
        devices.addListener(listener);
    }

    /** The account's newsletters (WhatsApp Channels): create, metadata, follow, mute, posts, reactions. */
    public io.tryx.protocol.client.newsletter.Newsletters newsletter() {
        return newsletters;
    }

    /** Registers a listener for posts and live updates of followed newsletters (in order per newsletter). */
    public void addNewsletterListener(io.tryx.protocol.client.newsletter.NewsletterListener listener) {
        newsletters.addListener(listener);
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
        housekeeping.stop();
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

        @Override
        public void pauseReading(boolean paused) {
            session.pauseReading(paused);
        }
    }
}
