package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.contacts.PhoneLookup;
import io.tryx.protocol.client.contacts.PictureKind;
import io.tryx.protocol.client.contacts.ProfilePictureHiddenException;
import io.tryx.protocol.client.contacts.UserInfo;
import io.tryx.protocol.client.privacy.PrivacyValue;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.InMemoryAccountStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.tryx.simulator.e2e.SocialClients.await;
import static io.tryx.simulator.e2e.SocialClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code contacts()} through the simulator: who is on WhatsApp (with LIDs, as the server's accounts have them),
 * user info (about text, picture id, devices) as the server holds it and as privacy lets it be seen, and profile
 * picture URLs, hidden by privacy with a typed error.
 */
class ClientContactsTest {

    static final String ALICE = "15550007401";
    static final String BOB = "15550007402";
    static final String NOBODY_HERE = "15550007499";

    private SocialClients sim;
    private SocialClients.Peer alice;
    private SocialClients.Peer bob;

    @BeforeEach
    void start() throws InterruptedException {
        sim = new SocialClients(ALICE, BOB);
        alice = sim.link(ALICE);
        bob = sim.link(BOB);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void isOnWhatsAppTellsRegisteredNumbersWithTheirLids() {
        long started = System.nanoTime();
        List<PhoneLookup> answer = await(alice.client().contacts().isOnWhatsApp(List.of("+1 555-000-7402", NOBODY_HERE)));
        System.out.printf("isOnWhatsApp for 2 numbers in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        Jid bobLid = Jid.parse(sim.admin.get("/admin/accounts/" + BOB).body().path("lid").asText());
        assertThat(answer).containsExactly(
                new PhoneLookup("+1 555-000-7402", bob.user(), true, bobLid),
                new PhoneLookup(NOBODY_HERE, Jid.parse(NOBODY_HERE + "@s.whatsapp.net"), false, null));
        assertThat(bobLid).isEqualTo(bob.lid());
        assertThatThrownBy(() -> alice.client().contacts().isOnWhatsApp(List.of("call me"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void userInfoShowsWhatTheServerHoldsAndPrivacyAllows() {
        UserInfo blank = await(alice.client().contacts().userInfo(bob.user()));
        assertThat(blank.about()).isNull();
        assertThat(blank.aboutHidden()).as("status defaults to contacts; not contacts yet").isTrue();
        sim.makeContacts(ALICE, BOB);
        await(bob.client().profile().setStatusText("Busy"));
        String pictureId = await(bob.client().profile().setPicture(SocialClients.jpeg(64, Color.BLUE)));

        long started = System.nanoTime();
        Map<Jid, UserInfo> infos = await(alice.client().contacts().userInfo(List.of(bob.user(), Jid.parse(NOBODY_HERE + "@s.whatsapp.net"))));
        System.out.printf("userInfo for 2 users in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        UserInfo info = infos.get(bob.user());
        JsonNode profile = sim.get(BOB, "profile");
        assertThat(info.about()).isEqualTo("Busy").isEqualTo(profile.path("status").asText());
        assertThat(info.aboutSetAt()).isEqualTo(Instant.ofEpochSecond(profile.path("statusSetAt").asLong()));
        assertThat(info.aboutHidden()).isFalse();
        assertThat(info.pictureId()).isEqualTo(pictureId).isEqualTo(profile.path("pictureId").asText());
        assertThat(info.lid()).isEqualTo(bob.lid());
        assertThat(info.devices()).containsExactly(bob.user().withDevice(0), bob.linked().connected().jid());
        UserInfo stranger = infos.get(Jid.parse(NOBODY_HERE + "@s.whatsapp.net"));
        assertThat(stranger.devices()).isEmpty();
        assertThat(stranger.pictureId()).isNull();

        await(bob.client().privacy().setStatus(PrivacyValue.NOBODY));
        await(bob.client().privacy().setProfilePhoto(PrivacyValue.NOBODY));
        UserInfo hidden = await(alice.client().contacts().userInfo(bob.user()));
        assertThat(hidden.aboutHidden()).isTrue();
        assertThat(hidden.about()).isNull();
        assertThat(hidden.pictureId()).isNull();
        assertThat(failure(alice.client().contacts().profilePicture(bob.user(), PictureKind.FULL)))
                .isInstanceOfSatisfying(ProfilePictureHiddenException.class, e -> assertThat(e.code()).isEqualTo(401));
        assertThat(await(bob.client().contacts().profilePicture(bob.user(), PictureKind.PREVIEW))).as("one's own")
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(pictureId));
    }

    @Test
    void lidsLearnedAreStored() {
        InMemoryAccountStore store = new InMemoryAccountStore("alice-2");
        SocialClients.Peer second = new SocialClients.Peer(ALICE, Linked.link(sim.clients, sim.admin, ALICE, store), List.of());
        await(second.client().contacts().userInfo(bob.user()));
        assertThat(store.lidForPhone(bob.user())).contains(bob.lid());
    }
}
