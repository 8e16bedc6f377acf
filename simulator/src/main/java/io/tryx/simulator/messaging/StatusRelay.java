package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.router.Iqs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Status broadcast fan-out. A status is a sender-key message to {@code status@broadcast} whose audience the sender
 * names itself (the server keeps no list): {@code <message id to="status@broadcast" type edit?><participants><to
 * jid="device"><enc type="pkmsg|msg"/></to>...</participants><enc type="skmsg"/><device-identity/>?</message>}.
 * The audience is every account one of the {@code to} devices belongs to; every device of the audience (of the
 * sender's own account: the devices it named) gets {@code <message from="status@broadcast" participant="sender device" participant_lid|
 * participant_pn id t type notify edit?>} with the {@code enc} addressed to it, if any, then the {@code skmsg} (and
 * the {@code device-identity} when its enc is a pkmsg). The ack is {@code <ack class="message" id
 * from="status@broadcast" t/>}; a stanza without id, audience or skmsg gets {@code error="400"}. A repeated id
 * from the same device is acked only.
 */
public final class StatusRelay {

    private static final Logger log = LoggerFactory.getLogger(StatusRelay.class);

    private final Directory directory;
    private final Delivery delivery;
    private final InstantSource clock;
    private final SeenIds seen = new SeenIds(10_000);

    public StatusRelay(Directory directory, Delivery delivery, InstantSource clock) {
        this.directory = directory;
        this.delivery = delivery;
        this.clock = clock;
    }

    /** Fans out a status sent by {@code senderDevice} of {@code sender}; returns the server's ack. */
    public Node relay(Account sender, int senderDevice, Node stanza) {
        String id = stanza.attrs().optionalString("id").orElse("");
        Map<Account, Map<Integer, List<Node>>> audience;
        try {
            audience = audience(stanza);
        } catch (RuntimeException e) {
            log.info("bad status {}: {}", id, e.getMessage());
            return nack(id);
        }
        List<Node> shared = stanza.children("enc");
        if (id.isEmpty() || shared.isEmpty() || audience.isEmpty()) {
            return nack(id);
        }
        long t = clock.instant().getEpochSecond();
        Node ack = Node.builder("ack").attr("class", "message").attr("id", id).attr("from", Jid.STATUS_BROADCAST)
                .attr("t", t).build();
        if (!seen.firstTime(sender.phone() + ':' + senderDevice, id)) {
            return ack;
        }
        Optional<Node> identity = stanza.child("device-identity");
        for (Map.Entry<Account, Map<Integer, List<Node>>> member : audience.entrySet()) {
            Account account = member.getKey();
            for (int device : Directory.deviceIds(account)) {
                if (account == sender && (device == senderDevice || !member.getValue().containsKey(device))) {
                    continue; // the sender's other devices only when it named them (they need its key)
                }
                List<Node> children = new ArrayList<>(member.getValue().getOrDefault(device, List.of()));
                boolean prekey = children.stream().anyMatch(e -> "pkmsg".equals(e.attrs().optionalString("type").orElse("")));
                children.addAll(shared);
                if (prekey) {
                    identity.ifPresent(children::add);
                }
                Node.Builder out = Node.builder("message")
                        .attr("from", Jid.STATUS_BROADCAST)
                        .attr("participant", sender.jid().withDevice(senderDevice))
                        .attr("participant_lid", sender.lid().withDevice(senderDevice))
                        .attr("id", id)
                        .attr("t", t)
                        .attr("type", stanza.attrs().optionalString("type").orElse("text"))
                        .attr("notify", sender.pushName());
                stanza.attrs().optionalString("edit").ifPresent(edit -> out.attr("edit", edit));
                delivery.deliver(account.jid().withDevice(device), out.children(children).build());
            }
        }
        return ack;
    }

    /** The accounts the {@code to} devices belong to, each with the encs addressed to its devices. */
    private Map<Account, Map<Integer, List<Node>>> audience(Node stanza) {
        Map<Account, Map<Integer, List<Node>>> out = new LinkedHashMap<>();
        for (Node to : stanza.child("participants").map(p -> p.children("to")).orElse(List.of())) {
            Jid device = Jid.parse(to.attrs().string("jid"));
            Optional<Account> account = directory.account(device);
            if (account.isEmpty()) {
                log.info("status {}: no account {}, skipped", stanza.attrs().optionalString("id").orElse(""), device);
                continue;
            }
            out.computeIfAbsent(account.get(), a -> new LinkedHashMap<>())
                    .computeIfAbsent(device.device(), d -> new ArrayList<>()).addAll(to.children("enc"));
        }
        return out;
    }

    private static Node nack(String id) {
        return Node.builder("ack").attr("class", "message").attr("id", id).attr("from", Iqs.SERVER).attr("error", "400").build();
    }
}
