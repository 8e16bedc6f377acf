package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.message.MessageIds;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * {@code iq set xmlns=w:g2 to=<group> <description id prev?><body>text</body></description>} (or
 * {@code delete="true"} without a body): sets or clears the description (any participant, only admins when
 * the group is locked: 401) and announces {@code <description id><body/></description>} (or
 * {@code <description id><delete/></description>}). A {@code prev} that is not the current description's id
 * answers 409 (someone else edited it meanwhile); a body over {@value #MAX_LENGTH} characters 406.
 */
public final class DescriptionHandler implements IqHandler {

    /** The longest description the server takes. */
    public static final int MAX_LENGTH = 2048;

    private final GroupContext context;
    private final SecureRandom random = new SecureRandom();

    public DescriptionHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Group group = context.group(iq);
        Node description = GroupContext.operation(iq);
        boolean delete = description.attrs().optionalString("delete").filter("true"::equals).isPresent()
                || description.child("body").isEmpty();
        String text = description.child("body").flatMap(GroupContext::text).orElse("");
        if (!delete && text.codePointCount(0, text.length()) > MAX_LENGTH) {
            throw new IqException(IqError.NOT_ACCEPTABLE, "description longer than " + MAX_LENGTH);
        }
        String id = description.attrs().optionalString("id")
                .orElseGet(() -> MessageIds.generate(context.clock().instant(), actor.phone(), random));
        synchronized (group) {
            GroupRole role = context.member(group, actor);
            if (group.settings().locked() && !role.isAdmin()) {
                throw new IqException(IqError.NOT_AUTHORIZED, "only admins edit a locked group");
            }
            Optional<String> prev = description.attrs().optionalString("prev");
            Optional<String> current = group.description().map(Group.Description::id);
            if (prev.isPresent() && !prev.equals(current)) {
                throw new IqException(IqError.CONFLICT, "prev " + prev.get() + " is not the current description " + current.orElse("(none)"));
            }
            group.description(delete ? null : new Group.Description(id, text, actor, context.now()));
        }
        Node change = Node.builder("description").attr("id", id)
                .children(delete ? Node.of("delete") : GroupNodes.body(text)).build();
        context.notifier().notifyParticipants(group, actor, change);
        return Optional.of(List.of());
    }
}
