package io.tryx.protocol.client.contacts;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.iq.IqCalls;
import io.tryx.protocol.jid.Jid;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the answers of the contacts namespace: usync {@code <user jid>} nodes with {@code <contact type>},
 * {@code <lid val>}, {@code <status t|code>text</status>}, {@code <picture id?>}, {@code <devices><device-list>
 * <device id/>...}, and the {@code <picture id type url direct_path>} of a picture query.
 */
final class ContactNodes {

    private ContactNodes() {
    }

    /** The digits of a phone number ({@code +1 555-0100} -> {@code 15550100}). */
    static String digits(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("not a phone number: " + phone);
        }
        return digits;
    }

    /** The {@code val} of a user's {@code <lid>}, if any. */
    static Optional<Jid> lid(Node user) {
        return user.child("lid").flatMap(l -> l.attrs().optionalJid("val")).map(Jid::toNonAd);
    }

    /** The query text echoed in {@code <contact>}, digits only, if any. */
    static Optional<String> contactQuery(Node user) {
        return user.child("contact").flatMap(IqCalls::text).map(q -> q.replaceAll("[^0-9]", "")).filter(q -> !q.isEmpty());
    }

    static boolean registered(Node user) {
        return user.child("contact").flatMap(c -> c.attrs().optionalString("type")).filter("in"::equals).isPresent();
    }

    static UserInfo userInfo(Node user) {
        Jid jid = user.attrs().jid("jid").toNonAd();
        Optional<Node> status = user.child("status");
        boolean hidden = status.flatMap(s -> s.attrs().optionalString("code")).filter("401"::equals).isPresent();
        long t = status.flatMap(s -> s.attrs().optionalLong("t")).orElse(0L);
        String about = hidden || t == 0 ? null : status.flatMap(IqCalls::text).orElse("");
        String pictureId = user.child("picture").flatMap(p -> p.attrs().optionalString("id")).orElse(null);
        return new UserInfo(jid, lid(user).orElse(null), about, about == null ? null : Instant.ofEpochSecond(t), hidden,
                pictureId, devices(jid, user));
    }

    static List<Jid> devices(Jid user, Node node) {
        List<Jid> devices = new ArrayList<>();
        node.child("devices").flatMap(d -> d.child("device-list")).ifPresent(list -> {
            for (Node device : list.children("device")) {
                device.attrs().optionalLong("id").ifPresent(id -> devices.add(user.withDevice(id.intValue())));
            }
        });
        return devices;
    }

    static ProfilePicture picture(Node picture) {
        String url = picture.attrs().string("url");
        return new ProfilePicture(picture.attrs().string("id"),
                PictureKind.fromWire(picture.attrs().optionalString("type").orElse("image")), URI.create(url),
                picture.attrs().optionalString("direct_path").orElse(URI.create(url).getRawPath()));
    }
}
