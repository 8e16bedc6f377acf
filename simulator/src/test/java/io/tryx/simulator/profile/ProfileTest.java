package io.tryx.simulator.profile;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.TestClient;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.privacy.PrivacyCategory;
import io.tryx.simulator.social.SocialHarness;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static io.tryx.simulator.social.SocialHarness.errorCode;
import static io.tryx.simulator.social.SocialHarness.notifications;
import static io.tryx.simulator.social.SocialHarness.result;
import static org.assertj.core.api.Assertions.assertThat;

class ProfileTest {

    private final SocialHarness h = new SocialHarness();

    @Test
    void aStatusTextIsReadThroughUsyncAndAnnouncedToPeers() {
        TestClient alice1 = h.companion(h.a);
        TestClient alice2 = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        TestClient carol = h.companion(h.c);
        alice1.send(SocialHarness.text("M1", h.b));
        h.social.privacy().settings(h.a).set(PrivacyCategory.STATUS, "contacts");

        result(alice1, h.iq("status", "set", Node.builder("status").bytes("Busy building".getBytes(StandardCharsets.UTF_8)).build()));
        Node atBob = usyncStatus(bob, h.a);
        assertThat(new String(atBob.contentBytes().orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("Busy building");
        assertThat(atBob.attrs().string("t")).isEqualTo(Long.toString(h.m.harness.clock.instant().getEpochSecond()));
        assertThat(usyncStatus(carol, h.a).attrs().string("code")).isEqualTo("401");
        assertThat(usyncStatus(alice2, h.b).attrs().string("t")).isEqualTo("0");

        for (TestClient told : new TestClient[] {alice2, bob}) {
            Node set = notifications(told, "status").getLast();
            assertThat(set.attrs().string("from")).isEqualTo(h.a.jid().toString());
            assertThat(set.child("set").orElseThrow().contentBytes().orElseThrow())
                    .isEqualTo("Busy building".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(notifications(carol, "status")).isEmpty();
        assertThat(notifications(alice1, "status")).isEmpty();
    }

    @Test
    void statusTextsAreLimited() {
        TestClient alice = h.companion(h.a);
        assertThat(errorCode(alice, h.iq("status", "set", Node.builder("status").bytes("x".repeat(140).getBytes(StandardCharsets.UTF_8)).build())))
                .isEqualTo(406);
        assertThat(errorCode(alice, h.iq("status", "set"))).isEqualTo(400);
        assertThat(errorCode(alice, h.iq("status", "get", Node.builder("status").build()))).isEqualTo(400);
        result(alice, h.iq("status", "set", Node.builder("status").bytes("é".repeat(139).getBytes(StandardCharsets.UTF_8)).build()));
    }

    @Test
    void aPictureIsStoredServedAndAnnounced() throws IOException {
        TestClient alice1 = h.companion(h.a);
        TestClient alice2 = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        bob.send(SocialHarness.text("M1", h.a));
        byte[] jpeg = jpeg(320, 200);

        String id = result(alice1, setPicture(jpeg)).child("picture").orElseThrow().attrs().string("id");
        Node image = result(bob, getPicture(h.a.jid().toString(), "image", null)).child("picture").orElseThrow();
        assertThat(image.attrs().string("id")).isEqualTo(id);
        assertThat(image.attrs().string("type")).isEqualTo("image");
        assertThat(image.attrs().string("url")).isEqualTo("https://media.test" + image.attrs().string("direct_path"));
        assertThat(Files.readAllBytes(h.social.profiles().picture(h.a).orElseThrow().image().file())).isEqualTo(jpeg);

        Node preview = result(bob, getPicture(h.a.lid().toString(), "preview", null)).child("picture").orElseThrow();
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(
                h.social.profiles().picture(h.a).orElseThrow().preview().file())));
        assertThat(small.getWidth()).isEqualTo(96);
        assertThat(small.getHeight()).isEqualTo(96);
        assertThat(preview.attrs().string("direct_path")).isNotEqualTo(image.attrs().string("direct_path"));
        assertThat(result(bob, getPicture(h.a.jid().toString(), "image", id)).child("picture").orElseThrow()
                .attrs().string("status")).isEqualTo("304");

        Node usync = usync(bob, h.a, "picture");
        assertThat(usync.attrs().string("id")).isEqualTo(id);
        for (TestClient told : new TestClient[] {alice2, bob}) {
            Node set = notifications(told, "picture").getLast().child("set").orElseThrow();
            assertThat(set.attrs().string("id")).isEqualTo(id);
            assertThat(set.attrs().string("jid")).isEqualTo(h.a.jid().toString());
            assertThat(set.attrs().string("author")).isEqualTo(h.a.jid().toString());
        }

        result(alice1, h.iq("w:profile:picture", "set"));
        assertThat(errorCode(bob, getPicture(h.a.jid().toString(), "image", null))).isEqualTo(404);
        assertThat(notifications(bob, "picture").getLast().child("delete")).isPresent();
        assertThat(usync(bob, h.a, "picture").attrs().has("id")).isFalse();
    }

    @Test
    void picturesAreCheckedAndGuardedByPrivacy() throws IOException {
        TestClient alice = h.companion(h.a);
        TestClient bob = h.companion(h.b);
        assertThat(errorCode(bob, getPicture(h.a.jid().toString(), "image", null))).isEqualTo(404);
        assertThat(errorCode(alice, setPicture("not a jpeg".getBytes(StandardCharsets.UTF_8)))).isEqualTo(400);
        assertThat(errorCode(alice, setPicture(new byte[] {(byte) 0xff, (byte) 0xd8, 0, 0, 0}))).isEqualTo(400);
        Node other = Node.builder("iq").attr("id", "p1").attr("xmlns", "w:profile:picture").attr("type", "set")
                .attr("to", "s.whatsapp.net").attr("target", h.b.jid())
                .children(Node.builder("picture").attr("type", "image").bytes(jpeg(64, 64)).build()).build();
        assertThat(errorCode(alice, other)).isEqualTo(501);

        result(alice, setPicture(jpeg(64, 64)));
        assertThat(errorCode(bob, getPicture("19999999999@s.whatsapp.net", "image", null))).isEqualTo(404);
        assertThat(errorCode(bob, getPicture(h.a.jid().toString(), "huge", null))).isEqualTo(400);
        assertThat(errorCode(bob, h.iq("w:profile:picture", "get", Node.builder("picture").attr("type", "image").build())))
                .isEqualTo(400);
        h.social.privacy().settings(h.a).set(PrivacyCategory.PROFILE, "none");
        assertThat(errorCode(bob, getPicture(h.a.jid().toString(), "image", null))).isEqualTo(401);
        assertThat(result(alice, getPicture(h.a.jid().toString(), "image", null)).child("picture")).isPresent();
    }

    private Node usyncStatus(TestClient client, Account user) {
        return usync(client, user, "status");
    }

    private Node usync(TestClient client, Account user, String protocol) {
        Node answer = result(client, h.iq("usync", "get", Node.builder("usync").attr("sid", "s1").attr("mode", "query")
                .attr("context", "interactive").children(
                        Node.builder("query").children(Node.builder(protocol).build()).build(),
                        Node.builder("list").children(Node.builder("user").attr("jid", user.jid()).build()).build()).build()));
        return answer.child("usync").orElseThrow().child("list").orElseThrow().child("user").orElseThrow()
                .child(protocol).orElseThrow();
    }

    private Node setPicture(byte[] bytes) {
        return h.iq("w:profile:picture", "set", Node.builder("picture").attr("type", "image").bytes(bytes).build());
    }

    private Node getPicture(String target, String type, String existingId) {
        Node.Builder picture = Node.builder("picture").attr("type", type).attr("query", "url");
        if (existingId != null) {
            picture.attr("id", existingId);
        }
        return Node.builder("iq").attr("id", "get-" + target + type + existingId).attr("xmlns", "w:profile:picture")
                .attr("type", "get").attr("to", "s.whatsapp.net").attr("target", target).children(picture.build()).build();
    }

    static byte[] jpeg(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
