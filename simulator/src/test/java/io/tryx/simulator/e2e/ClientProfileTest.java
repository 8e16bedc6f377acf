package io.tryx.simulator.e2e;

import io.tryx.protocol.client.contacts.PictureKind;
import io.tryx.protocol.client.contacts.ProfilePicture;
import io.tryx.protocol.client.profile.PictureRejectedException;
import io.tryx.protocol.client.updates.UpdateEvent.PictureChanged;
import io.tryx.protocol.client.updates.UpdateEvent.PushNameChanged;
import io.tryx.protocol.client.updates.UpdateEvent.StatusTextChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;

import static io.tryx.simulator.e2e.SocialClients.WITHIN;
import static io.tryx.simulator.e2e.SocialClients.await;
import static io.tryx.simulator.e2e.SocialClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code profile()} through the simulator: the "about" text and the picture set and removed (stored at the server,
 * served by its media host, announced to a contact as events) and the push name (at the server, and as a
 * {@link PushNameChanged} on the next message the contact gets).
 */
class ClientProfileTest {

    static final String ALICE = "15550007301";
    static final String BOB = "15550007302";

    private SocialClients sim;
    private SocialClients.Peer alice;
    private SocialClients.Peer bob;

    @BeforeEach
    void start() throws InterruptedException {
        sim = new SocialClients(ALICE, BOB);
        alice = sim.link(ALICE);
        bob = sim.link(BOB);
        sim.makeContacts(ALICE, BOB);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theAboutTextIsStoredAndAnnouncedToContacts() {
        Instant before = Instant.now().minusSeconds(1);
        long started = System.nanoTime();
        await(alice.client().profile().setStatusText("Out fishing 🎣"));
        await("Bob hears of it").atMost(WITHIN).until(() -> !bob.updates(StatusTextChanged.class).isEmpty());
        System.out.printf("about text set and announced in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(sim.get(ALICE, "profile").path("status").asText()).isEqualTo("Out fishing 🎣");
        StatusTextChanged changed = bob.updates(StatusTextChanged.class).getFirst();
        assertThat(changed.user()).isEqualTo(alice.user());
        assertThat(changed.text()).isEqualTo("Out fishing 🎣");
        assertThat(changed.at()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(await(bob.client().contacts().userInfo(alice.user())).about()).isEqualTo("Out fishing 🎣");

        assertThatThrownBy(() -> alice.client().profile().setStatusText("x".repeat(140)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.get(ALICE, "profile").path("status").asText()).isEqualTo("Out fishing 🎣");
    }

    @Test
    void thePictureIsStoredServedAnnouncedAndRemoved() throws Exception {
        byte[] jpeg = SocialClients.jpeg(640, Color.ORANGE);
        long started = System.nanoTime();
        String id = await(alice.client().profile().setPicture(jpeg));
        System.out.printf("picture (%d bytes) set in %d ms%n", jpeg.length, (System.nanoTime() - started) / 1_000_000);
        assertThat(id).isNotBlank().isEqualTo(sim.get(ALICE, "profile").path("pictureId").asText());
        await("Bob hears of the picture").atMost(WITHIN).until(() -> bob.updates(PictureChanged.class).stream()
                .anyMatch(p -> id.equals(p.pictureId())));
        PictureChanged set = bob.updates(PictureChanged.class).getFirst();
        assertThat(set.jid()).isEqualTo(alice.user());
        assertThat(set.author()).isEqualTo(alice.user());
        assertThat(set.removed()).isFalse();

        ProfilePicture full = await(bob.client().contacts().profilePicture(alice.user(), PictureKind.FULL)).orElseThrow();
        assertThat(full.id()).isEqualTo(id);
        HttpResponse<byte[]> download = sim.download(full.url());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(Arrays.equals(download.body(), jpeg)).as("the stored image is the one set").isTrue();
        ProfilePicture preview = await(bob.client().contacts().profilePicture(alice.user(), PictureKind.PREVIEW)).orElseThrow();
        assertThat(preview.kind()).isEqualTo(PictureKind.PREVIEW);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(sim.download(preview.url()).body()));
        assertThat(small.getWidth()).isEqualTo(96);

        await(alice.client().profile().removePicture());
        assertThat(sim.get(ALICE, "profile").path("pictureId").isNull()).isTrue();
        await("Bob hears of the removal").atMost(WITHIN).until(() -> bob.updates(PictureChanged.class).stream()
                .anyMatch(PictureChanged::removed));
        assertThat(bob.updates(PictureChanged.class).getLast().jid()).isEqualTo(alice.user());
        assertThat(await(bob.client().contacts().profilePicture(alice.user(), PictureKind.FULL))).isEmpty();

        assertThatThrownBy(() -> alice.client().profile().setPicture("not an image".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] broken = Arrays.copyOf(jpeg, 40);
        assertThat(failure(alice.client().profile().setPicture(broken)))
                .isInstanceOfSatisfying(PictureRejectedException.class, e -> assertThat(e.code()).isEqualTo(400));
        assertThat(sim.get(ALICE, "profile").path("pictureId").isNull()).isTrue();
    }

    @Test
    void thePushNameIsStoredAndSeenOnTheNextMessage() throws Exception {
        await(bob.client().sendText(alice.user(), "hi"));
        await("Alice sees Bob's name").atMost(WITHIN).until(() -> !alice.updates(PushNameChanged.class).isEmpty());
        assertThat(alice.updates(PushNameChanged.class).getFirst())
                .isEqualTo(new PushNameChanged(bob.user(), bob.user(), null, "User " + BOB));

        await(bob.client().profile().setPushName("Bobby"));
        await("stored at the server").atMost(WITHIN).until(() -> sim.get(BOB, "profile").path("pushName").asText().equals("Bobby"));
        await(bob.client().sendText(alice.user(), "new name"));
        await("Alice sees the new name").atMost(WITHIN).until(() -> alice.updates(PushNameChanged.class).size() == 2);
        assertThat(alice.updates(PushNameChanged.class).getLast())
                .isEqualTo(new PushNameChanged(bob.user(), bob.user(), "User " + BOB, "Bobby"));
        await(bob.client().sendText(alice.user(), "same name"));
        await().atMost(WITHIN).until(() -> alice.linked().texts().contains("same name"));
        assertThat(alice.updates(PushNameChanged.class)).as("an unchanged name is no event").hasSize(2);

        await(bob.client().presence().setAvailable());
        assertThat(bob.client().profile().pushName().get()).contains("Bobby");
        assertThatThrownBy(() -> bob.client().profile().setPushName(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
