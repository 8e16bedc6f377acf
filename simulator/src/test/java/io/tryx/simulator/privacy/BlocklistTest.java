package io.tryx.simulator.privacy;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.messaging.MessagingHarness;
import io.tryx.simulator.social.SocialHarness;
import org.junit.jupiter.api.Test;

import static io.tryx.simulator.messaging.MessagingHarness.tagged;
import static io.tryx.simulator.social.SocialHarness.errorCode;
import static io.tryx.simulator.social.SocialHarness.notifications;
import static io.tryx.simulator.social.SocialHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

class BlocklistTest {

    private final SocialHarness h = new SocialHarness();

    @Test
    void blockingListsTheUserAndTellsTheOtherCompanions() {
        TestClient alice1 = h.companion(h.a);
        TestClient alice2 = h.companion(h.a);
        Node empty = result(alice1, h.iq("blocklist", "get")).child("list").orElseThrow();
        assertThat(empty.children("item")).isEmpty();
        String emptyHash = empty.attrs().string("dhash");

        Node list = result(alice1, h.iq("blocklist", "set", item("block", h.b.lid().toString(), h.b.jid().toString())))
                .child("list").orElseThrow();
        assertThat(list.children("item")).singleElement().satisfies(i -> {
            assertThat(i.attrs().string("jid")).isEqualTo(h.b.lid().toString());
            assertThat(i.attrs().string("pn_jid")).isEqualTo(h.b.jid().toString());
        });
        assertThat(list.attrs().string("dhash")).isNotEqualTo(emptyHash);
        assertThat(result(alice2, h.iq("blocklist", "get")).child("list").orElseThrow().children("item")).hasSize(1);

        Node sync = notifications(alice2, "account_sync").getLast().child("blocklist").orElseThrow();
        assertThat(sync.attrs().string("prev_dhash")).isEqualTo(emptyHash);
        assertThat(sync.attrs().string("dhash")).isEqualTo(list.attrs().string("dhash"));
        Node item = sync.child("item").orElseThrow();
        assertThat(item.attrs().string("jid")).isEqualTo(h.b.lid().toString());
        assertThat(item.attrs().string("action")).isEqualTo("block");
        assertThat(notifications(alice1, "account_sync")).isEmpty();

        // blocking again changes nothing and sends nothing
        result(alice1, h.iq("blocklist", "set", item("block", h.b.jid().toString(), null)));
        assertThat(notifications(alice2, "account_sync")).hasSize(1);

        Node after = result(alice1, h.iq("blocklist", "set", item("unblock", h.b.lid().toString(), null))).child("list").orElseThrow();
        assertThat(after.children("item")).isEmpty();
        assertThat(notifications(alice2, "account_sync").getLast().child("blocklist").orElseThrow()
                .child("item").orElseThrow().attrs().string("action")).isEqualTo("unblock");
    }

    @Test
    void aBlockedSendersMessageIsAckedButNotDelivered() {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        result(alice, h.iq("blocklist", "set", item("block", h.b.lid().toString(), h.b.jid().toString())));

        bob.send(SocialHarness.text("BLK1", h.a));
        Node ack = tagged(bob, "ack").getLast();
        assertThat(ack.attrs().string("id")).isEqualTo("BLK1");
        assertThat(ack.attrs().has("error")).isFalse();
        assertThat(ack.attrs().string("from")).isEqualTo(h.a.jid().toString());
        assertThat(tagged(alice, "message")).isEmpty();
        assertThat(h.m.harness.messaging.delivery().queued(h.a.jid().withDevice(1))).isZero();

        // the blocker can still write, and after unblocking the blocked one gets through again
        alice.send(SocialHarness.text("OUT1", h.b));
        assertThat(tagged(bob, "message")).hasSize(1);
        result(alice, h.iq("blocklist", "set", item("unblock", h.b.jid().toString(), null)));
        bob.send(SocialHarness.text("BLK2", h.a));
        assertThat(tagged(alice, "message")).singleElement().satisfies(m -> assertThat(m.attrs().string("id")).isEqualTo("BLK2"));
    }

    @Test
    void badItemsAreRefused() {
        TestClient alice = h.companion(h.a);
        assertThat(errorCode(alice, h.iq("blocklist", "set", item("mute", h.b.jid().toString(), null)))).isEqualTo(400);
        assertThat(errorCode(alice, h.iq("blocklist", "set", item("block", "@@", null)))).isEqualTo(400);
        assertThat(errorCode(alice, h.iq("blocklist", "set", item("block", h.a.jid().toString(), null)))).isEqualTo(400);
        assertThat(errorCode(alice, h.iq("blocklist", "set", item("block", "19999999999@s.whatsapp.net", null)))).isEqualTo(404);
        assertThat(errorCode(alice, h.iq("blocklist", "set"))).isEqualTo(400);
        assertThat(h.social.privacy().blocklist().blockedBy(h.a)).isEmpty();
    }

    @Test
    void groupMessagesAreNotFilteredByTheGate() {
        TestClient alice = h.companion(h.a);
        h.companion(h.b);
        result(alice, h.iq("blocklist", "set", item("block", h.b.jid().toString(), null)));
        alice.send(MessagingHarness.message("G1", "120363000000000001@g.us",
                MessagingHarness.to(h.b.jid().withDevice(1).toString(), "msg", 1)));
        assertThat(tagged(alice, "ack").getLast().attrs().string("error")).isEqualTo("404");
    }

    static Node item(String action, String jid, String pnJid) {
        Node.Builder item = Node.builder("item").attr("action", action).attr("jid", jid);
        if (pnJid != null) {
            item.attr("pn_jid", pnJid);
        }
        return item.build();
    }
}
