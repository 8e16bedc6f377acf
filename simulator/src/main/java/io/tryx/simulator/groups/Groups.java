package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.messaging.Messaging;
import io.tryx.simulator.router.StanzaRouter;

import java.time.InstantSource;
import java.util.List;

/**
 * The group services wired together: one {@link GroupRegistry}, the {@code w:g2} IQ handlers (create,
 * metadata, participating, participant changes, subject, description, settings, leave, invites, communities,
 * join approval), the
 * {@link GroupNotifier} and the group message and receipt relays. {@link #register} must run after
 * {@link Messaging#register}: it takes over the {@code message} and {@code receipt} stanzas and passes those
 * not addressed to a group ({@code @g.us}) on to the 1:1 relays.
 */
public final class Groups {

    private final GroupRegistry registry = new GroupRegistry();
    private final GroupContext context;
    private final CreateHandler create;
    private final GroupMessageRelay messages;
    private final GroupReceiptRelay receipts;
    private final Messaging messaging;

    public Groups(Messaging messaging, InstantSource clock) {
        this.messaging = messaging;
        this.context = new GroupContext(registry, messaging.directory(), new GroupNotifier(messaging.delivery(), clock), clock);
        this.create = new CreateHandler(context);
        this.messages = new GroupMessageRelay(registry, messaging.directory(), messaging.delivery(), clock);
        this.receipts = new GroupReceiptRelay(registry, messaging.directory(), messaging.delivery(), clock);
    }

    /** Registers the {@code w:g2} IQs and the group-aware {@code message} and {@code receipt} dispatch. */
    public void register(StanzaRouter router) {
        router.iq("w:g2", "create", create);
        router.iq("w:g2", "query", new MetadataHandler(context));
        router.iq("w:g2", "participating", new ParticipatingHandler(context));
        ParticipantsHandler participants = new ParticipantsHandler(context);
        for (String action : List.of("add", "remove", "promote", "demote")) {
            router.iq("w:g2", action, participants);
        }
        router.iq("w:g2", "subject", new SubjectHandler(context));
        router.iq("w:g2", "description", new DescriptionHandler(context));
        SettingsHandler settings = new SettingsHandler(context);
        for (String setting : List.of("locked", "unlocked", "announcement", "not_announcement", "ephemeral", "not_ephemeral")) {
            router.iq("w:g2", setting, settings);
        }
        router.iq("w:g2", "leave", new LeaveHandler(context));
        router.iq("w:g2", "invite", new InviteHandler(context));
        CommunityHandler community = new CommunityHandler(context);
        for (String operation : List.of("links", "unlink", "sub_groups", "linked_groups_participants")) {
            router.iq("w:g2", operation, community);
        }
        MembershipHandler membership = new MembershipHandler(context);
        for (String operation : List.of("membership_approval_mode", "membership_approval_requests", "membership_requests_action")) {
            router.iq("w:g2", operation, membership);
        }
        router.stanza("message", this::onMessage);
        router.stanza("receipt", this::onReceipt);
    }

    public GroupRegistry registry() {
        return registry;
    }

    /** The group receipt relay (the mock phones acknowledge group messages through it). */
    public GroupReceiptRelay receipts() {
        return receipts;
    }

    /** The create handler, for groups the admin API creates on a mock phone's behalf. */
    public CreateHandler creator() {
        return create;
    }

    private void onMessage(ChatConnection connection, Node stanza) {
        if (!toGroup(stanza) || connection.device() == null) {
            messaging.messages().handle(connection, stanza);
            return;
        }
        connection.send(messages.relay(connection.device().account(), connection.device().deviceId(), stanza));
    }

    private void onReceipt(ChatConnection connection, Node receipt) {
        if (!toGroup(receipt) || connection.device() == null) {
            messaging.receipts().handle(connection, receipt);
            return;
        }
        connection.send(receipts.relay(connection.device().account(), connection.device().deviceId(), receipt));
    }

    private static boolean toGroup(Node stanza) {
        return stanza.attrs().optionalString("to").filter(to -> to.endsWith("@g.us")).isPresent();
    }
}
