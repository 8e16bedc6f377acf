package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Attrs;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.groups.GroupNodes;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.LinkedGroup;
import io.tryx.protocol.client.groups.ParticipantAction;
import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code <notification type="w:gp2" from=group participant=actor t>} into {@link GroupEvent}s, one per
 * child: {@code create}, {@code add}/{@code remove}/{@code promote}/{@code demote} (with {@code <participant
 * jid/>}s), {@code subject}, {@code description} ({@code body} or {@code delete}), {@code locked}/{@code unlocked},
 * {@code announcement}/{@code not_announcement}, {@code ephemeral}/{@code not_ephemeral}, {@code invite},
 * {@code membership_approval_mode}, community {@code link}/{@code unlink} and the join requests
 * {@code created_membership_requests}/{@code revoked_membership_requests}.
 * Children this client does not know are skipped.
 */
final class GroupNotifications {

    private GroupNotifications() {
    }

    /**
     * The events of one notification, in the order of its children.
     *
     * @throws ProtocolException when {@code from} is no group or a known child lacks what it must carry
     */
    static List<GroupEvent> parse(Node notification) {
        Attrs attrs = notification.attrs();
        Jid group = attrs.jid("from");
        if (!group.isGroup()) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "w:gp2 notification not from a group: " + group);
        }
        Jid actor = attrs.optionalJid("participant").orElse(null);
        Instant t = Instant.ofEpochSecond(attrs.optionalLong("t").orElse(0L));
        String id = attrs.optionalString("id").orElse("");
        List<GroupEvent> events = new ArrayList<>();
        for (Node child : notification.children()) {
            GroupEvent event = event(group, actor, t, id, child);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static GroupEvent event(Jid group, Jid actor, Instant t, String id, Node child) {
        ParticipantAction action = ParticipantAction.fromWire(child.tag());
        if (action != null) {
            List<Jid> participants = child.children("participant").stream().map(p -> p.attrs().jid("jid").toNonAd()).toList();
            return new GroupEvent.ParticipantsChanged(group, actor, t, id, action, participants,
                    child.attrs().optionalString("reason").orElse(""));
        }
        return switch (child.tag()) {
            case "create" -> new GroupEvent.GroupCreated(group, actor, t, id, GroupNodes.parseGroup(child.child("group")
                    .orElseThrow(() -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "create without group"))));
            case "subject" -> new GroupEvent.SubjectChanged(group, actor, t, id, child.attrs().string("subject"));
            case "description" -> new GroupEvent.DescriptionChanged(group, actor, t, id,
                    child.attrs().optionalString("id").orElse(""),
                    child.child("delete").isPresent() ? "" : child.child("body").flatMap(GroupNodes::text).orElse(""));
            case "locked", "unlocked" -> new GroupEvent.SettingChanged(group, actor, t, id,
                    new GroupSetting.Locked(child.tag().equals("locked")));
            case "announcement", "not_announcement" -> new GroupEvent.SettingChanged(group, actor, t, id,
                    new GroupSetting.Announce(child.tag().equals("announcement")));
            case "ephemeral" -> new GroupEvent.SettingChanged(group, actor, t, id,
                    new GroupSetting.Ephemeral(seconds(child.attrs().optionalLong("expiration").orElse(0L))));
            case "not_ephemeral" -> new GroupEvent.SettingChanged(group, actor, t, id, new GroupSetting.Ephemeral(0));
            case "invite" -> new GroupEvent.InviteCodeChanged(group, actor, t, id, child.attrs().string("code"));
            case "membership_approval_mode" -> new GroupEvent.SettingChanged(group, actor, t, id,
                    new GroupSetting.JoinApproval(child.child("group_join")
                            .flatMap(j -> j.attrs().optionalString("state")).map("on"::equals).orElse(true)));
            case "link" -> new GroupEvent.GroupLinked(group, actor, t, id, LinkedGroup.parse(linkTarget(child)));
            case "unlink" -> new GroupEvent.GroupUnlinked(group, actor, t, id, LinkedGroup.parse(linkTarget(child)),
                    child.attrs().optionalString("unlink_reason").orElse(""));
            case "created_membership_requests" -> new GroupEvent.MembershipRequested(group, actor, t, id,
                    requesters(child, actor), child.attrs().optionalString("request_method").orElse(""));
            case "revoked_membership_requests" -> new GroupEvent.MembershipRequestsRevoked(group, actor, t, id,
                    requesters(child, actor));
            default -> null;
        };
    }

    private static Node linkTarget(Node change) {
        return change.child("group").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, change.tag() + " without group"));
    }

    /** The {@code <participant jid/>}s of a request change, or the actor when it lists none (its own request). */
    private static List<Jid> requesters(Node change, Jid actor) {
        List<Jid> listed = change.children("participant").stream().map(p -> p.attrs().jid("jid").toNonAd()).toList();
        if (!listed.isEmpty() || actor == null) {
            return listed;
        }
        return List.of(actor.toNonAd());
    }

    /** A timer in seconds, clamped to {@code 0..Integer.MAX_VALUE}. */
    private static int seconds(long value) {
        return (int) Math.clamp(value, 0L, Integer.MAX_VALUE);
    }
}
