package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.List;
import java.util.Optional;

/**
 * {@code iq set xmlns=w:g2 to=<group>} with one of {@code <locked/>}, {@code <unlocked/>},
 * {@code <announcement/>}, {@code <not_announcement/>} (admins only: 401) or {@code <ephemeral expiration/>},
 * {@code <not_ephemeral/>} (any participant, admins only when locked): changes the setting and announces
 * the same element to the group ({@code announcement}/{@code not_announcement} with a {@code v_id}).
 */
public final class SettingsHandler implements IqHandler {

    private final GroupContext context;

    public SettingsHandler(GroupContext context) {
        this.context = context;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        Account actor = context.actor(connection);
        Group group = context.group(iq);
        Node operation = GroupContext.operation(iq);
        String tag = operation.tag();
        int expiration = tag.equals("ephemeral") ? GroupContext.number(operation, "expiration", 0) : 0;
        synchronized (group) {
            GroupRole role = context.member(group, actor);
            boolean adminOnly = switch (tag) {
                case "locked", "unlocked", "announcement", "not_announcement" -> true;
                case "ephemeral", "not_ephemeral" -> group.settings().locked();
                default -> throw new IqException(IqError.BAD_REQUEST, "unknown setting " + tag);
            };
            if (adminOnly && !role.isAdmin()) {
                throw new IqException(IqError.NOT_AUTHORIZED, "only admins change " + tag);
            }
            group.updateSettings(s -> switch (tag) {
                case "locked" -> s.withLocked(true);
                case "unlocked" -> s.withLocked(false);
                case "announcement" -> s.withAnnounce(true);
                case "not_announcement" -> s.withAnnounce(false);
                case "ephemeral" -> s.withEphemeral(expiration);
                default -> s.withEphemeral(0);
            });
        }
        Node.Builder change = Node.builder(tag);
        if (tag.endsWith("announcement")) {
            change.attr("v_id", context.clock().millis());
        } else if (tag.equals("ephemeral")) {
            change.attr("expiration", expiration);
        }
        context.notifier().notifyParticipants(group, actor, change.build());
        return Optional.of(List.of());
    }
}
