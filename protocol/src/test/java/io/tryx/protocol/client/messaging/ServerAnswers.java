package io.tryx.protocol.client.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.login.ClientPayloads;
import io.tryx.protocol.signal.PreKeyBundle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Answers to messaging's IQs as the server gives them: usync device lists and prekey bundles. */
final class ServerAnswers {

    private ServerAnswers() {
    }

    /** A user's devices and, for phone-number users, its LID (null for none). */
    record UserDevices(Jid user, List<Integer> devices, Jid lid) {
    }

    /** Answers usync from {@code users} and prekey fetches from {@code bundles} (by device JID). */
    static Function<Node, Node> of(List<UserDevices> users, Map<Jid, Function<Jid, PreKeyBundle>> bundles) {
        return iq -> switch (iq.attrs().string("xmlns")) {
            case "usync" -> usync(iq, users);
            case "encrypt" -> keys(iq, bundles);
            default -> throw new AssertionError("unexpected " + iq);
        };
    }

    static Node usync(Node iq, List<UserDevices> users) {
        List<Node> answered = new ArrayList<>();
        for (Node asked : iq.child("usync").orElseThrow().child("list").orElseThrow().children("user")) {
            Jid jid = asked.attrs().jid("jid");
            UserDevices known = users.stream().filter(u -> u.user().equals(jid)).findFirst()
                    .orElse(new UserDevices(jid, List.of(), null));
            answered.add(Node.builder("user").attr("jid", jid).children(
                    Node.builder("devices").children(
                            Node.builder("device-list").children(known.devices().stream()
                                    .map(d -> Node.builder("device").attr("id", d).build()).toList()).build(),
                            Node.builder("key-index-list").attr("ts", 1L).build()).build(),
                    known.lid() == null ? Node.of("lid") : Node.builder("lid").attr("val", known.lid()).build()).build());
        }
        return result(iq, Node.builder("usync").children(Node.builder("list").children(answered).build()).build());
    }

    static Node keys(Node iq, Map<Jid, Function<Jid, PreKeyBundle>> bundles) {
        List<Node> users = new ArrayList<>();
        for (Node asked : iq.child("key").orElseThrow().children("user")) {
            Jid jid = asked.attrs().jid("jid");
            var source = bundles.get(jid);
            users.add(source == null
                    ? Node.builder("user").attr("jid", jid).children(Node.builder("error").attr("code", "404").build()).build()
                    : bundleNode(jid, source.apply(jid)));
        }
        return result(iq, Node.builder("list").children(users).build());
    }

    /** {@code <user jid><registration/><type/><identity/><skey/><key/></user>}. */
    static Node bundleNode(Jid jid, PreKeyBundle bundle) {
        List<Node> parts = new ArrayList<>(List.of(
                Node.builder("registration").bytes(ClientPayloads.bigEndian(bundle.registrationId(), 4)).build(),
                Node.builder("type").bytes(new byte[] {5}).build(),
                Node.builder("identity").bytes(bundle.identityKey().publicKey()).build(),
                Node.builder("skey").children(
                        Node.builder("id").bytes(ClientPayloads.bigEndian(bundle.signedPreKeyId(), 3)).build(),
                        Node.builder("value").bytes(bundle.signedPreKeyPublic()).build(),
                        Node.builder("signature").bytes(bundle.signedPreKeySignature()).build()).build()));
        if (bundle.preKeyId().isPresent()) {
            parts.add(Node.builder("key").children(
                    Node.builder("id").bytes(ClientPayloads.bigEndian(bundle.preKeyId().getAsInt(), 3)).build(),
                    Node.builder("value").bytes(bundle.preKeyPublic()).build()).build());
        }
        return Node.builder("user").attr("jid", jid).children(parts).build();
    }

    private static Node result(Node iq, Node child) {
        return Node.builder("iq").attr("id", iq.attrs().string("id")).attr("type", "result").attr("from", "s.whatsapp.net")
                .children(child).build();
    }
}
