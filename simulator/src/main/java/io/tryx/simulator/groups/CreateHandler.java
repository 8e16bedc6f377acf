package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code iq set xmlns=w:g2 to=@g.us <create subject key><participant jid/>...[<locked/>][<announcement/>]
 * [<ephemeral expiration/>][<member_add_mode>]</create>}: a new group with the sender as superadmin and the
 * listed accounts as members, answered with its {@code <group>}; each participant's companions get
 * {@code <notification type="w:gp2"><create type="new" key><group/></create></notification>}. Users without
 * an account are listed in the answer as {@code <participant jid error="404"/>} and not added. A missing,
 * blank or over-long ({@value #MAX_SUBJECT} characters) subject answers 406, a malformed participant JID 400.
 * Communities: with {@code <parent default_membership_approval_mode/>} the group is a community and the server
 * makes its announcement group too (same subject and members, announce on, {@code <default_sub_group/>}, linked
 * to it; its own {@code create} notification); with {@code <linked_parent jid/>} the new group is linked to that
 * community (the creator must admin it), announced there with {@code <link>}. {@code <membership_approval_mode>
 * <group_join state="on"/>} makes admins approve joins.
 */
public final class CreateHandler implements IqHandler {

    /** The longest subject the server takes. */
    public static final int MAX_SUBJECT = 100;

    private final GroupContext context;

    public CreateHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account creator = context.actor(connection);
        if (!"set".equals(iq.attrs().optionalString("type").orElse(""))) {
            throw new IqException(IqError.BAD_REQUEST, "create must be a set");
        }
        Node create = GroupContext.operation(iq);
        return Optional.of(List.of(create(creator, create)));
    }

    /** Creates the phone-number addressed group {@code create} describes for {@code creator}; returns its {@code <group>}. */
    public Node create(Account creator, Node create) {
        return create(creator, create, false);
    }

    /**
     * Creates the group {@code create} describes for {@code creator}, LID-addressed when {@code lid}; returns the
     * answer's {@code <group>}.
     */
    public Node create(Account creator, Node create, boolean lid) {
        String subject = validSubject(create.attrs().optionalString("subject").orElse(""));
        Map<String, Account> members = new LinkedHashMap<>();
        List<Node> failed = new ArrayList<>();
        for (Node participant : create.children("participant")) {
            String text = participant.attrs().optionalString("jid")
                    .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "participant without jid"));
            try {
                Jid.parse(text);
            } catch (RuntimeException e) {
                throw new IqException(IqError.BAD_REQUEST, "bad participant jid " + text);
            }
            Optional<Account> account = context.account(text);
            if (account.isEmpty()) {
                failed.add(Node.builder("participant").attr("jid", text).attr("error", "404").build());
            } else if (account.get() != creator) {
                members.putIfAbsent(account.get().phone(), account.get());
            }
        }
        Optional<Group> linkedTo = linkedParent(creator, create);
        Optional<Node> parent = create.child("parent");
        Group group = context.registry().create(creator, subject, context.now(), settings(create), lid);
        members.values().forEach(m -> group.add(m, GroupRole.MEMBER));
        group.joinApproval(create.child("membership_approval_mode").flatMap(m -> m.child("group_join"))
                .flatMap(j -> j.attrs().optionalString("state")).map("on"::equals).orElse(false));
        parent.ifPresent(p -> group.makeParent(p.attrs().optionalString("default_membership_approval_mode")
                .orElse("request_required")));
        linkedTo.ifPresent(community -> group.linkedParent(community.jid()));
        Group.GroupView view = group.view();
        Node.Builder change = Node.builder("create").attr("type", "new");
        create.attrs().optionalString("key").ifPresent(k -> change.attr("key", k));
        context.notifier().notifyParticipants(group, creator, change.children(GroupNodes.group(view)).build());
        if (parent.isPresent()) {
            announcementGroup(creator, group, members.values(), lid);
        }
        linkedTo.ifPresent(community -> CommunityHandler.announceLink(context, community, group, creator));
        return GroupNodes.group(view, failed);
    }

    /** The community's default sub-group: its announcement group, with the same subject and members. */
    private void announcementGroup(Account creator, Group community, Iterable<Account> members, boolean lid) {
        Group announcements = context.registry().create(creator, community.view().subject(), context.now(),
                GroupSettings.DEFAULTS.withAnnounce(true), lid);
        members.forEach(m -> announcements.add(m, GroupRole.MEMBER));
        announcements.markDefaultSubGroup();
        announcements.linkedParent(community.jid());
        context.notifier().notifyParticipants(announcements, creator, Node.builder("create").attr("type", "new")
                .children(GroupNodes.group(announcements.view())).build());
    }

    /**
     * The community of a {@code <linked_parent jid/>}: it must be a community (404 otherwise) the creator admins
     * (403/401).
     */
    private Optional<Group> linkedParent(Account creator, Node create) {
        Optional<Node> linked = create.child("linked_parent");
        if (linked.isEmpty()) {
            return Optional.empty();
        }
        Group community = context.registry().find(linked.get().attrs().optionalString("jid").orElse(""))
                .filter(Group::isParent)
                .orElseThrow(() -> new IqException(IqError.ITEM_NOT_FOUND, "no community " + linked.get()));
        context.admin(community, creator);
        return Optional.of(community);
    }

    /** The subject if acceptable, else 406. */
    static String validSubject(String subject) {
        if (subject.isBlank() || subject.codePointCount(0, subject.length()) > MAX_SUBJECT) {
            throw new IqException(IqError.NOT_ACCEPTABLE, "subject must be 1-" + MAX_SUBJECT + " characters");
        }
        return subject;
    }

    private static GroupSettings settings(Node create) {
        GroupSettings settings = GroupSettings.DEFAULTS
                .withLocked(create.child("locked").isPresent())
                .withAnnounce(create.child("announcement").isPresent());
        Optional<Node> ephemeral = create.child("ephemeral");
        if (ephemeral.isPresent()) {
            settings = settings.withEphemeral(GroupContext.number(ephemeral.get(), "expiration", 0));
        }
        Optional<String> addMode = create.child("member_add_mode").flatMap(GroupContext::text);
        return settings.withAllMembersAdd(addMode.map("all_member_add"::equals).orElse(false));
    }
}
