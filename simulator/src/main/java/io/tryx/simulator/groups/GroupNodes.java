package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The group nodes the server sends in IQ results and notifications. A phone-number addressed group is
 * {@code <group id="<bare id>" creator creation subject s_t s_o size addressing_mode="pn">} with one
 * {@code <participant jid="phone@s.whatsapp.net" lid="digits@lid" type?/>} per participant ({@code type} is
 * {@code admin} or {@code superadmin}), then {@code <description id participant t><body/></description>},
 * {@code <locked/>}, {@code <announcement/>}, {@code <ephemeral expiration/>} and {@code <member_add_mode>} as set,
 * and the community elements {@code <parent default_membership_approval_mode/>}, {@code <linked_parent jid/>},
 * {@code <default_sub_group/>} and, when admins approve joins, {@code <membership_approval_mode>}.
 * A LID-addressed group ({@code addressing_mode="lid"}) names users by LID with the phone number beside it:
 * {@code creator="lid" creator_pn}, {@code s_o="lid" s_o_pn}, {@code <participant jid="digits@lid"
 * phone_number="phone@s.whatsapp.net" type?/>} and {@code <description participant="lid" participant_pn>}, as
 * whatsmeow's {@code parseGroupNode} and Baileys' {@code extractGroupMetadata} read them.
 */
public final class GroupNodes {

    /** The addressing mode of phone-number addressed groups. */
    public static final String ADDRESSING_MODE = "pn";
    /** The addressing mode of LID-addressed groups. */
    public static final String LID_ADDRESSING_MODE = "lid";

    private GroupNodes() {
    }

    /** The full {@code <group>} node. */
    public static Node group(Group.GroupView view) {
        return group(view, List.of());
    }

    /** The full {@code <group>} node with {@code extra} participant nodes (failed adds with their {@code error}). */
    public static Node group(Group.GroupView view, List<Node> extra) {
        boolean lid = view.lidAddressed();
        List<Node> children = new ArrayList<>();
        for (Group.Participant p : view.participants()) {
            children.add(participant(p.account(), p.role(), lid));
        }
        children.addAll(extra);
        view.description().ifPresent(d -> {
            Node.Builder description = Node.builder("description").attr("id", d.id())
                    .attr("participant", lid ? d.owner().lid() : d.owner().jid()).attr("t", d.time());
            if (lid) {
                description.attr("participant_pn", d.owner().jid());
            }
            children.add(description.children(body(d.text())).build());
        });
        if (view.settings().locked()) {
            children.add(Node.of("locked"));
        }
        if (view.settings().announce()) {
            children.add(Node.of("announcement"));
        }
        if (view.settings().ephemeralSeconds() > 0) {
            children.add(Node.builder("ephemeral").attr("expiration", view.settings().ephemeralSeconds()).build());
        }
        children.add(Node.builder("member_add_mode").text(view.settings().memberAddMode()).build());
        view.parentApprovalMode().ifPresent(mode ->
                children.add(Node.builder("parent").attr("default_membership_approval_mode", mode).build()));
        view.linkedParent().ifPresent(parent -> children.add(Node.builder("linked_parent").attr("jid", parent).build()));
        if (view.defaultSubGroup()) {
            children.add(Node.of("default_sub_group"));
        }
        if (view.joinApproval()) {
            children.add(joinApproval(true));
        }
        Node.Builder group = Node.builder("group")
                .attr("id", view.id())
                .attr("creator", lid ? view.creator().lid() : view.creator().jid());
        if (lid) {
            group.attr("creator_pn", view.creator().jid());
        }
        group.attr("creation", view.creation())
                .attr("subject", view.subject())
                .attr("s_t", view.subjectTime())
                .attr("s_o", lid ? view.subjectOwner().lid() : view.subjectOwner().jid());
        if (lid) {
            group.attr("s_o_pn", view.subjectOwner().jid());
        }
        return group.attr("size", view.participants().size())
                .attr("addressing_mode", addressingMode(lid))
                .children(children).build();
    }

    /** {@code lid} or {@code pn}. */
    public static String addressingMode(boolean lid) {
        return lid ? LID_ADDRESSING_MODE : ADDRESSING_MODE;
    }

    /** {@code <participant jid lid type?/>} (phone-number addressing). */
    public static Node participant(Account account, GroupRole role) {
        return participant(account, role, false);
    }

    /**
     * {@code <participant jid="phone" lid type?/>}, or with LID addressing {@code <participant jid="lid"
     * phone_number type?/>}.
     */
    public static Node participant(Account account, GroupRole role, boolean lid) {
        Node.Builder node = lid
                ? Node.builder("participant").attr("jid", account.lid()).attr("phone_number", account.jid())
                : Node.builder("participant").attr("jid", account.jid()).attr("lid", account.lid());
        role.type().ifPresent(t -> node.attr("type", t));
        return node.build();
    }

    /** A participant without a role, as participant change notifications of {@code group} list them. */
    public static Node participant(Group group, Account account) {
        return participant(account, GroupRole.MEMBER, group.lidAddressed());
    }

    /** {@code <membership_approval_mode><group_join state="on|off"/></membership_approval_mode>}. */
    public static Node joinApproval(boolean on) {
        return Node.builder("membership_approval_mode")
                .children(Node.builder("group_join").attr("state", on ? "on" : "off").build()).build();
    }

    /**
     * {@code <group jid subject s_t creation creator size><default_sub_group/>?</group>}: a group as a community's
     * sub-group list and its link notifications name it.
     */
    public static Node linkTarget(Group.GroupView view) {
        Node.Builder group = Node.builder("group").attr("id", view.id()).attr("jid", view.jid())
                .attr("subject", view.subject()).attr("s_t", view.subjectTime()).attr("creation", view.creation())
                .attr("creator", view.lidAddressed() ? view.creator().lid() : view.creator().jid())
                .attr("size", view.participants().size());
        if (view.defaultSubGroup()) {
            group.children(Node.of("default_sub_group"));
        }
        return group.build();
    }

    /** {@code <body>text</body>}. */
    public static Node body(String text) {
        return Node.builder("body").bytes(text.getBytes(StandardCharsets.UTF_8)).build();
    }
}
