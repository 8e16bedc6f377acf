package io.tryx.protocol.client.groups;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Attrs;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.jid.JidServer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code w:g2} IQs a client sends and the {@code <group>} nodes of their answers and of {@code w:gp2}
 * notifications: {@code <group id creator creation subject s_t s_o addressing_mode>} with
 * {@code <participant jid lid? phone_number? type?/>}, {@code <description id><body/></description>}, {@code <locked/>},
 * {@code <announcement/>} and {@code <ephemeral expiration/>}.
 */
public final class GroupNodes {

    static final String XMLNS = "w:g2";

    private GroupNodes() {
    }

    /**
     * Parses a {@code <group>} node.
     *
     * @throws ProtocolException when the id or a participant's JID is missing or malformed
     */
    public static GroupInfo parseGroup(Node group) {
        Attrs attrs = group.attrs();
        Jid jid = groupJid(attrs.optionalString("id").or(() -> attrs.optionalString("jid"))
                .orElseThrow(() -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "group without id")));
        List<GroupParticipant> participants = new ArrayList<>();
        for (Node participant : group.children("participant")) {
            if (participant.attrs().has("error")) {
                continue; // a failed add in a create answer
            }
            participants.add(new GroupParticipant(participant.attrs().jid("jid").toNonAd(),
                    participant.attrs().optionalJid("lid").map(Jid::toNonAd).orElse(null),
                    participant.attrs().optionalJid("phone_number").map(Jid::toNonAd).orElse(null),
                    GroupRole.fromWire(participant.attrs().optionalString("type").orElse(null))));
        }
        Optional<Node> description = group.child("description");
        long creation = attrs.optionalLong("creation").orElse(0L);
        return new GroupInfo(jid, attrs.optionalString("subject").orElse(""),
                attrs.optionalJid("s_o").orElse(null), Instant.ofEpochSecond(attrs.optionalLong("s_t").orElse(creation)),
                attrs.optionalJid("creator").orElse(null), Instant.ofEpochSecond(creation),
                description.flatMap(d -> d.child("body")).flatMap(GroupNodes::text).orElse(""),
                description.flatMap(d -> d.attrs().optionalString("id")).orElse(null),
                group.child("locked").isPresent(), group.child("announcement").isPresent(),
                group.child("ephemeral").flatMap(e -> e.attrs().optionalLong("expiration")).map(Long::intValue).orElse(0),
                attrs.optionalString("addressing_mode").orElse("pn"), participants,
                group.child("parent").isPresent(),
                group.child("linked_parent").flatMap(l -> l.attrs().optionalJid("jid")).orElse(null),
                group.child("default_sub_group").isPresent(), group.child("membership_approval_mode").isPresent());
    }

    /** The failed participants of a create answer ({@code <participant jid error/>}). */
    static List<ParticipantResult> failedParticipants(Node group) {
        return group.children("participant").stream().filter(p -> p.attrs().has("error"))
                .map(GroupNodes::participantResult).toList();
    }

    /** One {@code <participant jid error?/>} of a participant-change answer. */
    public static ParticipantResult participantResult(Node participant) {
        int error = participant.attrs().optionalString("error").map(GroupNodes::code).orElse(0);
        return new ParticipantResult(participant.attrs().jid("jid"), error);
    }

    /** A group JID from a bare id ({@code 120363...}) or a full JID. */
    public static Jid groupJid(String id) {
        Jid jid = id.contains("@") ? Jid.parse(id) : Jid.user(id, JidServer.GROUP);
        if (!jid.isGroup()) {
            throw new ProtocolException(ProtocolException.Reason.MALFORMED, "not a group JID: " + id);
        }
        return jid;
    }

    /** A body's text, whether it came as bytes or as a string. */
    public static Optional<String> text(Node node) {
        return node.contentBytes().map(b -> new String(b, StandardCharsets.UTF_8)).or(node::contentText);
    }

    public static int code(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code <iq xmlns="w:g2" type to id>child</iq>}. */
    public static Node iq(String id, String type, Jid to, Node child) {
        return Node.builder("iq").attr("id", id).attr("xmlns", XMLNS).attr("type", type).attr("to", to)
                .children(child).build();
    }

    /** {@code <create subject key><participant jid/>...</create>}. */
    static Node create(String subject, String key, List<Jid> participants) {
        return create(subject, key, participants, List.of());
    }

    /**
     * {@code <create subject key><participant jid/>...extra</create>}; {@code extra} is {@code <parent/>} for a
     * community or {@code <linked_parent jid/>} for a group created inside one.
     */
    public static Node create(String subject, String key, List<Jid> participants, List<Node> extra) {
        List<Node> children = new ArrayList<>();
        participants.forEach(p -> children.add(Node.builder("participant").attr("jid", p.toNonAd()).build()));
        children.addAll(extra);
        return Node.builder("create").attr("subject", subject).attr("key", key).children(children).build();
    }

    /** The {@code <group>} child of an answer. */
    public static Node groupChild(Node answer) {
        return answer.child("group").orElseThrow(() ->
                new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "answer without group: " + answer));
    }

    /** {@code <add|remove|promote|demote><participant jid/>...</...>}. */
    static Node participants(ParticipantAction action, List<Jid> participants) {
        return Node.builder(action.wire()).children(participants.stream()
                .map(p -> Node.builder("participant").attr("jid", p.toNonAd()).build()).toList()).build();
    }

    /** {@code <description id prev?><body/></description>}, or {@code delete="true"} for an empty text. */
    static Node description(String id, String previous, String text) {
        Node.Builder node = Node.builder("description").attr("id", id);
        if (previous != null) {
            node.attr("prev", previous);
        }
        if (text.isEmpty()) {
            return node.attr("delete", "true").build();
        }
        return node.children(Node.builder("body").bytes(text.getBytes(StandardCharsets.UTF_8)).build()).build();
    }

    /** The element that sets a setting: {@code <announcement/>}, {@code <unlocked/>}, {@code <ephemeral expiration/>}, ... */
    static Node setting(GroupSetting setting) {
        return switch (setting) {
            case GroupSetting.Announce a -> Node.of(a.on() ? "announcement" : "not_announcement");
            case GroupSetting.Locked l -> Node.of(l.on() ? "locked" : "unlocked");
            case GroupSetting.Ephemeral e -> e.seconds() == 0 ? Node.of("not_ephemeral")
                    : Node.builder("ephemeral").attr("expiration", e.seconds()).build();
            case GroupSetting.JoinApproval j -> joinApproval(j.on());
        };
    }

    /** {@code <membership_approval_mode><group_join state="on|off"/></membership_approval_mode>}. */
    static Node joinApproval(boolean on) {
        return Node.builder("membership_approval_mode")
                .children(Node.builder("group_join").attr("state", on ? "on" : "off").build()).build();
    }
}
