package io.tryx.protocol.client;

import io.tryx.protocol.client.blocking.Blocking;
import io.tryx.protocol.client.chatstate.ChatStates;
import io.tryx.protocol.client.contacts.Contacts;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.client.iq.Usync;
import io.tryx.protocol.client.messaging.StanzaChannel;
import io.tryx.protocol.client.presence.Presence;
import io.tryx.protocol.client.privacy.Privacy;
import io.tryx.protocol.client.privacy.PrivacyTokens;
import io.tryx.protocol.client.profile.Profile;
import io.tryx.protocol.client.profile.PushName;
import io.tryx.protocol.client.updates.Updates;
import io.tryx.protocol.store.AccountStore;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executor;

/**
 * The account's social namespaces (contacts, privacy, blocking, profile, presence, chat state) and the
 * {@link Updates} that report what arrives for them, built over one channel and hooked into the session's stanza
 * and notification handling.
 */
final class SocialFeatures {

    final Contacts contacts;
    final Privacy privacy;
    final Blocking blocking;
    final Profile profile;
    final Presence presence;
    final ChatStates chatStates;
    final Updates updates;

    SocialFeatures(ClientSession session, StanzaChannel channel, AccountStore store, ClientScheduler scheduler,
                   Duration timeout, Executor workers, InstantSource clock) {
        IqCalls calls = new IqCalls(channel);
        Usync usync = new Usync(calls);
        PrivacyTokens tokens = new PrivacyTokens();
        PushName pushName = new PushName();
        this.updates = new Updates(node -> channel.send(node), tokens, workers);
        this.contacts = new Contacts(calls, usync, store);
        this.privacy = new Privacy(calls, usync, store, clock);
        this.blocking = new Blocking(calls, usync, store);
        this.profile = new Profile(calls, pushName);
        this.presence = new Presence(calls, pushName, tokens, updates, scheduler, timeout);
        this.chatStates = new ChatStates(calls);
        session.addStanzaHandler(updates::onStanza);
        session.addNotificationHandler(updates::onNotification);
    }
}
