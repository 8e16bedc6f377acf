package io.tryx.protocol.client.updates;

import io.tryx.protocol.client.chatstate.ChatState;
import io.tryx.protocol.client.privacy.DisappearingTimer;
import io.tryx.protocol.client.privacy.PrivacySettings;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.List;

/** A change on the social surface reported to {@link UpdateListener}s; {@link #chat()} orders them. */
public sealed interface UpdateEvent {

    /** The chat or user the event is about; events of one chat arrive in order. */
    Jid chat();

    /**
     * A subscribed user's presence.
     *
     * @param user           the user, as subscribed (phone-number JID or LID)
     * @param available      true when online
     * @param lastSeen       when last online, null when unknown, never seen or hidden
     * @param lastSeenHidden true when the user's privacy hides last seen from us
     */
    record PresenceChanged(Jid user, boolean available, Instant lastSeen, boolean lastSeenHidden) implements UpdateEvent {
        @Override
        public Jid chat() {
            return user;
        }
    }

    /**
     * Someone is typing, recording or stopped in a chat.
     *
     * @param chat   the user, or the group
     * @param sender who it is (the user itself in a 1:1 chat)
     * @param state  what they do
     */
    record ChatStateChanged(Jid chat, Jid sender, ChatState state) implements UpdateEvent {
    }

    /**
     * A user's (or group's) profile picture changed.
     *
     * @param jid       whose picture
     * @param author    who changed it, null when not said
     * @param pictureId the new picture's id, null when it was removed
     * @param at        when
     */
    record PictureChanged(Jid jid, Jid author, String pictureId, Instant at) implements UpdateEvent {
        @Override
        public Jid chat() {
            return jid;
        }

        /** True when the picture was removed. */
        public boolean removed() {
            return pictureId == null;
        }
    }

    /** A user's "about" text changed to {@code text} at {@code at}. */
    record StatusTextChanged(Jid user, String text, Instant at) implements UpdateEvent {
        @Override
        public Jid chat() {
            return user;
        }
    }

    /** The account's privacy settings changed on another of its devices: {@code changed} holds the new values. */
    record PrivacySettingsChanged(Jid account, PrivacySettings changed, Instant at) implements UpdateEvent {
        @Override
        public Jid chat() {
            return account;
        }
    }

    /** The account's default disappearing timer changed on another of its devices. */
    record DisappearingTimerChanged(Jid account, DisappearingTimer timer) implements UpdateEvent {
        @Override
        public Jid chat() {
            return account;
        }
    }

    /**
     * The account's blocklist changed on another of its devices.
     *
     * @param changes      who was blocked or unblocked
     * @param hash         the list's new hash
     * @param previousHash the hash before, null when not sent
     */
    record BlocklistChanged(Jid account, List<Change> changes, String hash, String previousHash) implements UpdateEvent {
        public BlocklistChanged {
            changes = List.copyOf(changes);
        }

        @Override
        public Jid chat() {
            return account;
        }

        /** One user blocked ({@code blocked}) or unblocked; {@code phone} is its phone-number JID when sent. */
        public record Change(Jid jid, Jid phone, boolean blocked) {
        }
    }

    /**
     * A user's push name, seen first or changed, on an incoming message.
     *
     * @param chat     where the message came
     * @param user     whose name
     * @param previous the name seen before, null the first time
     * @param name     the name now
     */
    record PushNameChanged(Jid chat, Jid user, String previous, String name) implements UpdateEvent {
    }

    /** {@code from} issued this account a privacy token (kept for presence subscriptions) at {@code issuedAt}. */
    record PrivacyTokenReceived(Jid from, Instant issuedAt) implements UpdateEvent {
        @Override
        public Jid chat() {
            return from;
        }
    }
}
