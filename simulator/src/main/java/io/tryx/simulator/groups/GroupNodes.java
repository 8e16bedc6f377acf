package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The group nodes the server sends in IQ results and notifications. Groups use phone-number addressing:
 * {@code <group id="<bare id>" creator creation subject s_t s_o size addressing_mode="pn">} with one
 * {@code <participant jid="phone@s.whatsapp.net" lid="digits@lid" type?/>} per participant ({@code type} is
 * {@code admin} or {@code superadmin}), then {@code <description id participant t><body/></description>},
 * {@code <locked/>}, {@code <announcement/>}, {@code <ephemeral expiration/>} and {@code <member_add_mode>} as set.
 */
public final class GroupNodes {

    /** The addressing mode every simulated group uses. */
    public static final String ADDRESSING_MODE = "pn";

    private GroupNodes() {
    }

    /** The full {@code <group>} node. */
    public static Node group(Group.GroupView view) {
        return group(view, List.of());
    }

    /** The full {@code <group>} node with {@code extra} participant nodes (failed adds with their {@code error}). */
    public static Node group(Group.GroupView view, List<Node> extra) {
        List<Node> children = new ArrayList<>();
        for (Group.Participant p : view.participants()) {
            children.add(participant(p.account(), p.role()));
        }
        children.addAll(extra);
        view.description().ifPresent(d -> children.add(Node.builder("description").attr("id", d.id())
                .attr("participant", d.owner().jid()).attr("t", d.time())
                .children(body(d.text())).build()));
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
        return Node.builder("group")
                .attr("id", view.id())
                .attr("creator", view.creator().jid())
                .attr("creation", view.creation())
                .attr("subject", view.subject())
                .attr("s_t", view.subjectTime())
                .attr("s_o", view.subjectOwner().jid())
                .attr("size", view.participants().size())
                .attr("addressing_mode", ADDRESSING_MODE)
                .children(children).build();
    }

    /** {@code <participant jid lid type?/>}. */
    public static Node participant(Account account, GroupRole role) {
        Node.Builder node = Node.builder("participant").attr("jid", account.jid()).attr("lid", account.lid());
        role.type().ifPresent(t -> node.attr("type", t));
        return node.build();
    }

    /** {@code <participant jid lid/>} without a role, as participant change notifications list them. */
    public static Node participant(Account account) {
        return participant(account, GroupRole.MEMBER);
    }

    /** {@code <body>text</body>}. */
    public static Node body(String text) {
        return Node.builder("body").bytes(text.getBytes(StandardCharsets.UTF_8)).build();
    }
}
