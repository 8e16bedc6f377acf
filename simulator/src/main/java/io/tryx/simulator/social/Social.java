package io.tryx.simulator.social;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.DeviceListener;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.admin.AdminEndpoints;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.contacts.Contacts;
import io.tryx.simulator.devices.DeviceListNotifier;
import io.tryx.simulator.groups.Groups;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.media.MediaBlobs;
import io.tryx.simulator.messaging.Messaging;
import io.tryx.simulator.presence.ChatStateRelay;
import io.tryx.simulator.presence.PresenceHandler;
import io.tryx.simulator.presence.Presences;
import io.tryx.simulator.privacy.BlocklistHandler;
import io.tryx.simulator.privacy.DisappearingModeHandler;
import io.tryx.simulator.privacy.Privacy;
import io.tryx.simulator.privacy.PrivacyHandler;
import io.tryx.simulator.profile.PictureHandler;
import io.tryx.simulator.profile.ProfileUsync;
import io.tryx.simulator.profile.Profiles;
import io.tryx.simulator.profile.StatusHandler;
import io.tryx.simulator.router.StanzaRouter;

import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The social server features wired together: presence and chat states, privacy settings and the default
 * disappearing timer, the blocklist (and the message gate that enforces it), the profile ("about" text, picture,
 * usync {@code status}/{@code picture}/{@code disappearing_mode}), device list notifications, and their admin
 * endpoints. {@link #register} must run after {@link Groups#register}: it wraps the {@code message} handler.
 */
public final class Social {

    private final AccountRegistry accounts;
    private final Messaging messaging;
    private final InstantSource clock;
    private final Contacts contacts;
    private final Privacy privacy;
    private final Presences presences;
    private final Profiles profiles;
    private final PrivacyHandler privacyHandler;
    private final BlocklistHandler blocklistHandler;
    private final StatusHandler statusHandler;
    private final PictureHandler pictureHandler;
    private final AccountNotifier notifier;
    private final DeviceSessions sessions;
    private final Groups groups;

    /** {@code mediaUrl} gives the media host's {@code https://host:port} (known once it is bound). */
    public Social(AccountRegistry accounts, DeviceSessions sessions, Messaging messaging, Groups groups, MediaBlobs blobs,
                  Supplier<String> mediaUrl, InstantSource clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.messaging = messaging;
        this.groups = groups;
        this.clock = clock;
        this.contacts = new Contacts(accounts, groups.registry());
        this.privacy = new Privacy(contacts);
        this.notifier = new AccountNotifier(messaging.delivery(), clock);
        this.presences = new Presences(privacy, sessions, clock);
        this.profiles = new Profiles(blobs, clock.instant().getEpochSecond());
        this.privacyHandler = new PrivacyHandler(privacy, messaging.directory(), notifier);
        this.blocklistHandler = new BlocklistHandler(privacy.blocklist(), messaging.directory(), accounts, notifier);
        this.statusHandler = new StatusHandler(profiles, privacy, notifier);
        this.pictureHandler = new PictureHandler(profiles, privacy, messaging.directory(), notifier, mediaUrl);
        accounts.addDeviceListener(new DeviceListNotifier(contacts, notifier));
        accounts.addDeviceListener(new DeviceListener() {
            @Override
            public void linked(LinkedDevice device) {
                // a new companion starts unavailable
            }

            @Override
            public void unlinked(LinkedDevice device) {
                presences.update(device, false);
            }
        });
        sessions.onSessionEnded(presences::sessionEnded);
    }

    /** Registers the IQs ({@code privacy}, {@code blocklist}, {@code disappearing_mode}, {@code status}, {@code w:profile:picture}), usync protocols and stanzas. */
    public void register(StanzaRouter router) {
        router.iq("privacy", (connection, iq) -> {
            Optional<List<Node>> answer = privacyHandler.handle(connection, iq);
            presences.refresh(connection.device().account());
            return answer;
        });
        router.iq("blocklist", (connection, iq) -> {
            Optional<List<Node>> answer = blocklistHandler.handle(connection, iq);
            iq.child("item").flatMap(item -> item.attrs().optionalString("jid")).flatMap(Social::jid)
                    .flatMap(messaging.directory()::account)
                    .ifPresent(target -> blockChanged(connection.device().account(), target));
            return answer;
        });
        router.iq("disappearing_mode", new DisappearingModeHandler(privacy, notifier));
        router.iq("status", statusHandler);
        router.iq("w:profile:picture", pictureHandler);
        ProfileUsync.register(messaging.usync(), profiles, privacy);
        router.stanza("presence", new PresenceHandler(presences, messaging.directory())::handle);
        router.stanza("chatstate", new ChatStateRelay(messaging.directory(), groups.registry(), sessions,
                privacy.blocklist())::handle);
        router.stanza("message", new MessageGate(router.stanzaHandler("message")
                .orElseThrow(() -> new IllegalStateException("register Social after the message routing")),
                messaging.directory(), privacy.blocklist(), contacts, clock));
    }

    /** After {@code owner} blocked or unblocked {@code target}: both see each other's presence anew. */
    void blockChanged(Account owner, Account target) {
        presences.refresh(owner);
        presences.refresh(target);
    }

    private static Optional<Jid> jid(String text) {
        try {
            return Optional.of(Jid.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The admin endpoints (privacy, blocklist, profile, presence, contacts of an account). */
    public AdminEndpoints adminEndpoints() {
        return new SocialEndpoints(accounts, this);
    }

    public Privacy privacy() {
        return privacy;
    }

    public Presences presences() {
        return presences;
    }

    public Profiles profiles() {
        return profiles;
    }

    public Contacts contacts() {
        return contacts;
    }

    PrivacyHandler privacyHandler() {
        return privacyHandler;
    }

    BlocklistHandler blocklistHandler() {
        return blocklistHandler;
    }
}
