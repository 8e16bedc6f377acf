package io.tryx.protocol.client.messaging;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.groups.GroupDirectory;
import io.tryx.protocol.client.groups.ParticipantAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Handles {@code w:gp2} notifications on the group's lane (so they stay in order with the group's messages and
 * sends): updates the {@link GroupDirectory} (a {@code create} brings the metadata, any other change drops what
 * was known), rotates our sender key when participants were removed or left, reports the {@link GroupEvent}s and
 * then acknowledges. A notification that does not parse is logged and acknowledged; if a listener fails, it is
 * not acknowledged and the server delivers it again.
 */
final class GroupNotificationHandler {

    private static final Logger log = LoggerFactory.getLogger(GroupNotificationHandler.class);

    private final StanzaChannel channel;
    private final OrderedLanes<String> lanes;
    private final Listeners listeners;
    private final GroupDirectory directory;
    private final GroupSender sender;

    GroupNotificationHandler(StanzaChannel channel, OrderedLanes<String> lanes, Listeners listeners,
                             GroupDirectory directory, GroupSender sender) {
        this.channel = channel;
        this.lanes = lanes;
        this.listeners = listeners;
        this.directory = directory;
        this.sender = sender;
    }

    /** Queues the notification on its group's lane; never blocks. Completes when it was handled. */
    CompletableFuture<Void> onNotification(Node notification) {
        return lanes.run(MessageReceiver.laneOf(notification), () -> {
            handle(notification);
            return null;
        }).<Void>thenApply(v -> null).whenComplete((v, error) -> {
            if (error != null) {
                log.warn("group notification {} not handled, left for redelivery: {}",
                        notification.attrs().optionalString("id").orElse(""), error.toString());
            }
        });
    }

    private void handle(Node notification) {
        List<GroupEvent> events;
        try {
            events = GroupNotifications.parse(notification);
        } catch (ProtocolException e) {
            log.info("unparseable group notification {}: {}", notification, e.getMessage());
            channel.send(MessagingNodes.ack(notification, 0));
            return;
        }
        for (GroupEvent event : events) {
            switch (event) {
                case GroupEvent.GroupCreated created -> directory.remember(created.info());
                case GroupEvent.ParticipantsChanged changed when changed.action() == ParticipantAction.REMOVE -> {
                    directory.forget(changed.group());
                    sender.rotate(changed.group());
                }
                case GroupEvent.GroupLinked linked -> {
                    directory.forget(linked.group());
                    directory.forget(linked.linked().jid());
                }
                case GroupEvent.GroupUnlinked unlinked -> {
                    directory.forget(unlinked.group());
                    directory.forget(unlinked.unlinked().jid());
                }
                default -> directory.forget(event.group());
            }
        }
        events.forEach(listeners::dispatch);
        channel.send(MessagingNodes.ack(notification, 0));
    }
}
