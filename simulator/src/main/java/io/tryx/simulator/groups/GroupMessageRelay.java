package io.tryx.simulator.groups;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.messaging.Delivery;
import io.tryx.simulator.messaging.Directory;
import io.tryx.simulator.messaging.SeenIds;
import io.tryx.simulator.messaging.ServerPhash;
import io.tryx.simulator.router.Iqs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Group message fan-out. A participant's {@code <message id to="<id>@g.us" type><participants><to jid="device">
 * <enc type="pkmsg|msg"/></to>...</participants><enc type="skmsg"/><device-identity/>?</message>} is acked
 * {@code <ack class="message" id from=group t/>}, and every device of every participant except the sending one
 * gets {@code <message from=group participant="sender device" participant_lid id t type notify
 * addressing_mode="pn">} (in a LID-addressed group {@code participant} is the sender's LID device, with
 * {@code participant_pn} and {@code addressing_mode="lid"}) with its own {@code enc} (the sender key distribution), if any, before the
 * {@code skmsg} and the {@code device-identity} when its enc is a pkmsg. A device with nothing to receive is
 * skipped. A stanza with a {@code participant} attribute (a retry resend, not taken for a duplicate of the
 * original) goes to that device only. Refusals,
 * as {@code <ack class="message" error>}: unknown group 404, sender not in the group 403, a non-admin
 * in an announcement group 401, malformed 400. A repeated id from the same device is acked only. A {@code phash}
 * other than the server's (every device of every participant, see {@link ServerPhash}) gets the server's in the ack.
 */
public final class GroupMessageRelay {

    private static final Logger log = LoggerFactory.getLogger(GroupMessageRelay.class);

    private final GroupRegistry groups;
    private final Directory directory;
    private final Delivery delivery;
    private final InstantSource clock;
    private final SeenIds seen = new SeenIds(10_000);

    public GroupMessageRelay(GroupRegistry groups, Directory directory, Delivery delivery, InstantSource clock) {
        this.groups = groups;
        this.directory = directory;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Fans out a group message sent by {@code senderDevice} of {@code sender}; returns the server's ack. */
    public Node relay(Account sender, int senderDevice, Node stanza) {
        String id = stanza.attrs().optionalString("id").orElse("");
        Optional<Group> found = groups.find(stanza.attrs().optionalString("to").orElse(""));
        if (id.isEmpty()) {
            return nack(id, "400");
        }
        if (found.isEmpty()) {
            return nack(id, "404");
        }
        Group group = found.get();
        Optional<GroupRole> role = group.role(sender);
        if (role.isEmpty()) {
            return nack(id, "403");
        }
        if (group.settings().announce() && !role.get().isAdmin()) {
            return nack(id, "401");
        }
        Map<String, List<Node>> addressed;
        Optional<String> only;
        try {
            addressed = addressed(stanza);
            only = stanza.attrs().optionalString("participant").map(p -> key(Jid.parse(p)));
        } catch (RuntimeException e) {
            log.info("bad group message {}: {}", id, e.getMessage());
            return nack(id, "400");
        }
        long t = clock.instant().getEpochSecond();
        Node.Builder ackBuilder = Node.builder("ack").attr("class", "message").attr("id", id).attr("from", group.jid())
                .attr("t", t);
        List<Account> members = group.participants().stream().map(Group.Participant::account).toList();
        ServerPhash.mismatch(stanza, members, group.lidAddressed()).ifPresent(p -> {
            log.info("group message {} from {}:{}: participant hash {} differs from the server's {}", id, sender.phone(),
                    senderDevice, stanza.attrs().optionalString("phash").orElse(""), p);
            ackBuilder.attr("phash", p);
        });
        Node ack = ackBuilder.build();
        // a retry resend reuses the id for one device, so it counts apart from the original
        if (!seen.firstTime(sender.phone() + ':' + senderDevice, id + only.map(o -> '/' + o).orElse(""))) {
            return ack;
        }
        boolean lid = group.lidAddressed();
        List<Node> shared = stanza.children("enc");
        Optional<Node> identity = stanza.child("device-identity");
        for (Group.Participant participant : group.participants()) {
            Account member = participant.account();
            for (int device : Directory.deviceIds(member)) {
                if (member == sender && device == senderDevice) {
                    continue;
                }
                String key = member.phone() + ':' + device;
                if (only.isPresent() && !only.get().equals(key)) {
                    continue;
                }
                List<Node> children = new ArrayList<>(addressed.getOrDefault(key, List.of()));
                boolean prekey = children.stream().anyMatch(e -> "pkmsg".equals(e.attrs().optionalString("type").orElse("")));
                children.addAll(shared);
                if (children.isEmpty()) {
                    continue;
                }
                if (prekey) {
                    identity.ifPresent(children::add);
                }
                delivery.deliver(member.jid().withDevice(device), Node.builder("message")
                        .attr("from", group.jid())
                        .attr("participant", (lid ? sender.lid() : sender.jid()).withDevice(senderDevice))
                        .attr(lid ? "participant_pn" : "participant_lid", (lid ? sender.jid() : sender.lid()).withDevice(senderDevice))
                        .attr("id", id)
                        .attr("t", t)
                        .attr("type", stanza.attrs().optionalString("type").orElse("text"))
                        .attr("notify", sender.pushName())
                        .attr("addressing_mode", GroupNodes.addressingMode(lid))
                        .children(children).build());
            }
        }
        return ack;
    }

    /** The per-device encs of {@code <participants>}, keyed {@code phone:device}. */
    private Map<String, List<Node>> addressed(Node stanza) {
        Map<String, List<Node>> out = new HashMap<>();
        for (Node to : stanza.child("participants").map(p -> p.children("to")).orElse(List.of())) {
            List<Node> encs = to.children("enc");
            if (encs.isEmpty()) {
                throw new IllegalArgumentException("<to> without <enc>");
            }
            Jid device = Jid.parse(to.attrs().string("jid"));
            if (directory.account(device).isPresent()) {
                out.computeIfAbsent(key(device), k -> new ArrayList<>()).addAll(encs);
            }
        }
        if (out.isEmpty() && stanza.children("enc").isEmpty()) {
            throw new IllegalArgumentException("nothing to deliver");
        }
        return out;
    }

    /** {@code phone:device} of a phone or LID device address. */
    private String key(Jid device) {
        Account account = directory.account(device).orElseThrow(() -> new IllegalArgumentException("unknown device " + device));
        return account.phone() + ':' + device.device();
    }

    private static Node nack(String id, String error) {
        return Node.builder("ack").attr("class", "message").attr("id", id).attr("from", Iqs.SERVER).attr("error", error).build();
    }
}
