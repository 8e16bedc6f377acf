package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.Iqs;
import io.tryx.simulator.router.StanzaRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 1:1 message routing. A client's {@code <message id to type><participants><to jid="device"><enc/></to>...
 * </participants><device-identity/>?</message>} (or a single {@code enc} addressed to one device by
 * {@code to}) is acked with {@code <ack class="message" id from=to t/>} and each addressed device gets
 * {@code <message from="sender device" id t type notify sender_lid|sender_pn><enc/><device-identity/>?</message>}
 * ({@code from} in the addressing domain of {@code to}: the sender's phone JID with {@code sender_lid}, or its
 * LID with {@code sender_pn}); copies to the sender's own other devices carry {@code recipient} (the chat) and
 * {@code peer_recipient_lid}/{@code recipient_pn}. A message id seen again from the same device is acked
 * but not delivered twice, unless its {@code enc} carries a {@code count}: that is the answer to a retry receipt,
 * which reuses the id. A {@code phash} that differs from the server's (see {@link ServerPhash}) is answered with
 * the server's {@code phash} in the ack; the message is still delivered to the devices it addresses. Bad stanzas
 * get {@code <ack class="message" error="400"/>} and the connection stays up. Messages to {@code status@broadcast}
 * go to the {@link StatusRelay}.
 */
public final class MessageRelay {

    private static final Logger log = LoggerFactory.getLogger(MessageRelay.class);
    private static final int DEDUPE_LIMIT = 10_000;

    private final Directory directory;
    private final Delivery delivery;
    private final InstantSource clock;
    private final SeenIds seen = new SeenIds(DEDUPE_LIMIT);
    private final StatusRelay statuses;

    public MessageRelay(Directory directory, Delivery delivery, InstantSource clock) {
        this.directory = directory;
        this.delivery = delivery;
        this.clock = clock;
        this.statuses = new StatusRelay(directory, delivery, clock);
    }

    public void register(StanzaRouter router) {
        router.stanza("message", this::handle);
    }

    /** Handles a {@code message} stanza of a connection: relays it and sends the ack. */
    public void handle(ChatConnection connection, Node stanza) {
        if (connection.device() == null) {
            log.info("{}: message before login dropped", connection);
            return;
        }
        connection.send(relay(connection.device().account(), connection.device().deviceId(), stanza));
    }

    /** Routes a message sent by {@code senderDevice} of {@code sender}; returns the server's ack for the sender. */
    public Node relay(Account sender, int senderDevice, Node stanza) {
        Optional<String> id = stanza.attrs().optionalString("id").filter(s -> !s.isEmpty());
        Optional<Jid> to = optionalJid(stanza, "to");
        long t = clock.instant().getEpochSecond();
        if (id.isEmpty() || to.isEmpty()) {
            return nack(stanza, id.orElse(""), "400");
        }
        if (to.get().isStatusBroadcast()) {
            return statuses.relay(sender, senderDevice, stanza);
        }
        Optional<Account> peer = directory.account(to.get());
        if (peer.isEmpty()) {
            return nack(stanza, id.get(), "404");
        }
        List<Target> targets;
        try {
            targets = targets(stanza, to.get());
        } catch (RuntimeException e) {
            log.info("bad message stanza {}: {}", stanza, e.getMessage());
            return nack(stanza, id.get(), "400");
        }
        Node.Builder ackBuilder = Node.builder("ack").attr("class", "message").attr("id", id.get()).attr("from", to.get())
                .attr("t", t);
        ServerPhash.mismatch(stanza, List.of(peer.get(), sender), to.get().isLid()).ifPresent(p -> {
            log.info("message {} from {}:{}: participant hash {} differs from the server's {}", id.get(),
                    sender.phone(), senderDevice, stanza.attrs().optionalString("phash").orElse(""), p);
            ackBuilder.attr("phash", p);
        });
        Node ack = ackBuilder.build();
        // a retry answer (an enc with a retry count) reuses the original id and must get through
        boolean retryAnswer = targets.stream().flatMap(target -> target.encs().stream()).anyMatch(e -> e.attrs().has("count"));
        if (!seen.firstTime(sender.phone() + ':' + senderDevice, id.get()) && !retryAnswer) {
            log.info("duplicate message {} from {}:{}, acked only", id.get(), sender.phone(), senderDevice);
            return ack;
        }
        boolean lid = to.get().isLid();
        Optional<Node> deviceIdentity = stanza.child("device-identity");
        for (Target target : targets) {
            Optional<Account> account = directory.account(target.device());
            if (account.isEmpty() || !Directory.hasDevice(account.get(), target.device().device())) {
                log.info("message {}: no device {}, skipped", id.get(), target.device());
                continue;
            }
            boolean self = account.get() == sender;
            if (self && target.device().device() == senderDevice) {
                continue;
            }
            if (!self && account.get() != peer.get()) {
                log.info("message {}: {} is neither sender nor recipient, skipped", id.get(), target.device());
                continue;
            }
            Node.Builder out = Node.builder("message")
                    .attr("from", Directory.sameDomainAs(sender, senderDevice, lid))
                    .attr("id", id.get())
                    .attr("t", t)
                    .attr("type", stanza.attrs().optionalString("type").orElse("text"));
            if (self) {
                out.attr("recipient", to.get().toNonAd());
                out.attr(lid ? "recipient_pn" : "peer_recipient_lid", lid ? peer.get().jid() : peer.get().lid());
            } else {
                out.attr("notify", sender.pushName());
                out.attr(lid ? "sender_pn" : "sender_lid", lid ? sender.jid() : sender.lid());
            }
            List<Node> children = new ArrayList<>(target.encs());
            deviceIdentity.ifPresent(children::add);
            out.children(children);
            delivery.deliver(account.get().jid().withDevice(target.device().device()), out.build());
        }
        return ack;
    }

    private static List<Target> targets(Node stanza, Jid to) {
        List<Target> targets = new ArrayList<>();
        Optional<Node> participants = stanza.child("participants");
        if (participants.isPresent()) {
            for (Node each : participants.get().children("to")) {
                List<Node> encs = each.children("enc");
                if (encs.isEmpty()) {
                    throw new IllegalArgumentException("<to> without <enc>");
                }
                targets.add(new Target(Jid.parse(each.attrs().string("jid")), encs));
            }
        } else if (!stanza.children("enc").isEmpty()) {
            targets.add(new Target(to, stanza.children("enc")));
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no participants and no enc");
        }
        return targets;
    }

    private static Optional<Jid> optionalJid(Node stanza, String name) {
        try {
            return stanza.attrs().optionalString(name).map(Jid::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Node nack(Node stanza, String id, String error) {
        return Node.builder("ack").attr("class", "message").attr("id", id).attr("from", Iqs.SERVER)
                .attr("error", error).build();
    }

    private record Target(Jid device, List<Node> encs) {
    }
}
