package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code iq get xmlns=usync}: {@code <usync context mode sid><query>protocols</query><list><user jid/>...}.
 * Answers {@code <usync sid index="0" last="true" mode context><result>protocols</result><list><user
 * jid>...} with, per asked protocol: {@code devices} ({@code device-list} of {@code device id} with
 * {@code key-index} for companions, and a {@code key-index-list ts}), {@code lid val} (for phone-number users),
 * {@code contact type="in"|"out"} (echoing the phone number asked by {@code <contact>}). Unknown users get {@code contact type="out"}, an empty device list and no
 * lid, as the real server. Users may be given by {@code jid} or, for contact, by the phone number content.
 * Further protocols ({@code status}, {@code picture}, ...) are answered by the {@link UsyncProtocol}s registered
 * with {@link #protocol}; others get an empty element.
 */
public final class UsyncHandler implements IqHandler {

    private final Directory directory;
    private final InstantSource clock;
    private final Map<String, UsyncProtocol> protocols = new ConcurrentHashMap<>();

    /** Answers the protocol {@code name} (e.g. {@code status}) with {@code protocol} from now on. */
    public void protocol(String name, UsyncProtocol protocol) {
        protocols.put(name, protocol);
    }

    public UsyncHandler(Directory directory, InstantSource clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        if (connection.device() == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        Node usync = iq.child("usync").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <usync>"));
        Node query = usync.child("query").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <query>"));
        List<String> protocols = query.children().stream().map(Node::tag).toList();
        if (protocols.isEmpty()) {
            throw new IqException(IqError.BAD_REQUEST, "no protocol");
        }
        List<Node> users = new ArrayList<>();
        for (Node user : usync.child("list").map(Node::children).orElse(List.of())) {
            users.add(answer(connection.device(), user, protocols));
        }
        Node.Builder result = Node.builder("usync")
                .attr("sid", usync.attrs().optionalString("sid").orElse(""))
                .attr("index", "0").attr("last", "true")
                .attr("mode", usync.attrs().optionalString("mode").orElse("query"))
                .attr("context", usync.attrs().optionalString("context").orElse("interactive"));
        List<Node> results = protocols.stream().map(p -> Node.builder(p).build()).toList();
        result.children(Node.builder("result").children(results).build(), Node.builder("list").children(users).build());
        return Optional.of(List.of(result.build()));
    }

    private Node answer(LinkedDevice asker, Node user, List<String> protocols) {
        Jid jid = userJid(user);
        Optional<Account> account = directory.account(jid);
        List<Node> parts = new ArrayList<>();
        for (String protocol : protocols) {
            UsyncProtocol extra = this.protocols.get(protocol);
            if (extra != null) {
                parts.add(extra.answer(asker, jid, account));
                continue;
            }
            switch (protocol) {
                case "devices" -> parts.add(devices(account));
                case "lid" -> {
                    if (account.isPresent() && !jid.isLid()) {
                        parts.add(Node.builder("lid").attr("val", account.get().lid()).build());
                    } else {
                        parts.add(Node.builder("lid").build());
                    }
                }
                case "contact" -> {
                    Node.Builder contact = Node.builder("contact").attr("type", account.isPresent() ? "in" : "out");
                    user.child("contact").flatMap(UsyncHandler::text).ifPresent(contact::text); // the query, echoed
                    parts.add(contact.build());
                }
                default -> parts.add(Node.builder(protocol).build());
            }
        }
        return Node.builder("user").attr("jid", jid).children(parts).build();
    }

    private Node devices(Optional<Account> account) {
        List<Node> list = new ArrayList<>();
        long ts = clock.instant().getEpochSecond();
        if (account.isPresent()) {
            list.add(Node.builder("device").attr("id", "0").build());
            for (LinkedDevice device : account.get().devices()) {
                list.add(Node.builder("device").attr("id", device.deviceId()).attr("key-index", device.keyIndex()).build());
            }
        }
        return Node.builder("devices").children(
                Node.builder("device-list").children(list).build(),
                Node.builder("key-index-list").attr("ts", ts).build()).build();
    }

    /** A node's text content, sent as a string or as bytes. */
    private static Optional<String> text(Node node) {
        return node.contentText().or(() -> node.contentBytes().map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static Jid userJid(Node user) {
        Optional<String> jid = user.attrs().optionalString("jid");
        try {
            if (jid.isPresent()) {
                return Jid.parse(jid.get()).toNonAd();
            }
            String phone = user.child("contact").flatMap(UsyncHandler::text) // "+digits" comes as bytes (no nibble '+')
                    .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "user without jid or phone"));
            return Jid.parse(phone.replaceAll("[^0-9]", "") + "@s.whatsapp.net");
        } catch (IqException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IqException(IqError.BAD_REQUEST, "bad user jid: " + jid.orElse(""));
        }
    }
}
