package io.tryx.simulator.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tryx.protocol.client.iq.UserNotFoundException;
import io.tryx.protocol.client.privacy.DisallowedList;
import io.tryx.protocol.client.privacy.DisappearingTimer;
import io.tryx.protocol.client.privacy.PrivacyCategory;
import io.tryx.protocol.client.privacy.PrivacySettings;
import io.tryx.protocol.client.privacy.PrivacyValue;
import io.tryx.protocol.client.updates.UpdateEvent.DisappearingTimerChanged;
import io.tryx.protocol.client.updates.UpdateEvent.PrivacySettingsChanged;
import io.tryx.protocol.client.updates.UpdateEvent.PrivacyTokenReceived;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static io.tryx.simulator.e2e.SocialClients.WITHIN;
import static io.tryx.simulator.e2e.SocialClients.await;
import static io.tryx.simulator.e2e.SocialClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * {@code privacy()} through the simulator: every setting read and set (checked at the server and reported to the
 * account's other device), a change made on the phone reported as an event, the disallowed lists, the default
 * disappearing timer and privacy tokens.
 */
class ClientPrivacyTest {

    static final String ALICE = "15550007201";
    static final String BOB = "15550007202";
    static final String NOBODY_HERE = "15550007299";

    private SocialClients sim;
    private SocialClients.Peer alice;
    private SocialClients.Peer aliceLaptop;
    private SocialClients.Peer bob;

    @BeforeEach
    void start() throws InterruptedException {
        sim = new SocialClients(ALICE, BOB);
        alice = sim.link(ALICE);
        aliceLaptop = sim.link(ALICE);
        bob = sim.link(BOB);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everySettingIsReadAndSetAtTheServerAndReportedToTheOtherDevice() {
        PrivacySettings defaults = await(alice.client().privacy().settings());
        JsonNode categories = sim.get(ALICE, "privacy").path("categories");
        for (PrivacyCategory category : PrivacyCategory.values()) {
            assertThat(defaults.value(category).map(PrivacyValue::wire)).as("%s", category)
                    .contains(categories.path(category.wire()).asText());
        }
        assertThat(defaults.value(PrivacyCategory.STATUS)).contains(PrivacyValue.CONTACTS);

        List<Change> changes = List.of(
                new Change(PrivacyCategory.LAST_SEEN, PrivacyValue.NOBODY, () -> alice.client().privacy().setLastSeen(PrivacyValue.NOBODY)),
                new Change(PrivacyCategory.ONLINE, PrivacyValue.SAME_AS_LAST_SEEN, () -> alice.client().privacy().setOnline(PrivacyValue.SAME_AS_LAST_SEEN)),
                new Change(PrivacyCategory.PROFILE_PHOTO, PrivacyValue.CONTACTS, () -> alice.client().privacy().setProfilePhoto(PrivacyValue.CONTACTS)),
                new Change(PrivacyCategory.STATUS, PrivacyValue.NOBODY, () -> alice.client().privacy().setStatus(PrivacyValue.NOBODY)),
                new Change(PrivacyCategory.READ_RECEIPTS, PrivacyValue.NOBODY, () -> alice.client().privacy().setReadReceipts(false)),
                new Change(PrivacyCategory.GROUPS_ADD, PrivacyValue.CONTACTS, () -> alice.client().privacy().setGroupsAdd(PrivacyValue.CONTACTS)),
                new Change(PrivacyCategory.CALLS, PrivacyValue.KNOWN, () -> alice.client().privacy().setCalls(PrivacyValue.KNOWN)),
                new Change(PrivacyCategory.MESSAGES, PrivacyValue.CONTACTS, () -> alice.client().privacy().set(PrivacyCategory.MESSAGES, PrivacyValue.CONTACTS)));
        for (Change change : changes) {
            long started = System.nanoTime();
            PrivacySettings answer = await(change.call().get());
            assertThat(answer.values()).as("%s", change.category()).isEqualTo(Map.of(change.category(), change.value()));
            assertThat(sim.get(ALICE, "privacy").path("categories").path(change.category().wire()).asText())
                    .isEqualTo(change.value().wire());
            await("the laptop hears of " + change.category()).atMost(WITHIN).until(() -> aliceLaptop
                    .updates(PrivacySettingsChanged.class).stream().anyMatch(p -> p.changed().values()
                            .equals(Map.of(change.category(), change.value())) && p.account().equals(alice.user())));
            System.out.printf("%s set and reported in %d ms%n", change.category(), (System.nanoTime() - started) / 1_000_000);
        }
        PrivacySettings now = await(aliceLaptop.client().privacy().settings());
        changes.forEach(c -> assertThat(now.value(c.category())).contains(c.value()));
        assertThat(alice.updates(PrivacySettingsChanged.class)).as("not echoed to the device that set it").isEmpty();

        sim.post(ALICE, "privacy", Map.of("name", "last", "value", "contacts"));
        await("the phone's change at both companions").atMost(WITHIN).until(() -> List.of(alice, aliceLaptop).stream()
                .allMatch(p -> p.updates(PrivacySettingsChanged.class).stream().anyMatch(c -> c.changed().values()
                        .equals(Map.of(PrivacyCategory.LAST_SEEN, PrivacyValue.CONTACTS)))));

        assertThatThrownBy(() -> alice.client().privacy().set(PrivacyCategory.ONLINE, PrivacyValue.CONTACTS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> alice.client().privacy().setCalls(PrivacyValue.NOBODY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void disallowedListsExcludeContactsFromASetting() {
        sim.makeContacts(ALICE, BOB);
        assertThat(await(alice.client().privacy().disallowed(PrivacyCategory.LAST_SEEN)).users()).isEmpty();

        PrivacySettings set = await(alice.client().privacy().setContactsExcept(PrivacyCategory.LAST_SEEN,
                List.of(bob.user()), List.of()));
        assertThat(set.value(PrivacyCategory.LAST_SEEN)).contains(PrivacyValue.CONTACTS_EXCEPT);
        JsonNode privacy = sim.get(ALICE, "privacy");
        assertThat(privacy.path("categories").path("last").asText()).isEqualTo("contact_blacklist");
        assertThat(privacy.path("excluded").path("last").get(0).asText()).isEqualTo(BOB + "@s.whatsapp.net");
        DisallowedList list = await(aliceLaptop.client().privacy().disallowed(PrivacyCategory.LAST_SEEN));
        assertThat(list.users()).containsExactly(bob.user());
        assertThat(list.hash()).isNotBlank();

        await(bob.client().presence().setUnavailable());
        assertThat(await(bob.client().presence().subscribe(alice.user())).lastSeenHidden())
                .as("Bob is excluded from Alice's last seen").isTrue();

        await(alice.client().privacy().setContactsExcept(PrivacyCategory.LAST_SEEN, List.of(), List.of(bob.user())));
        assertThat(await(alice.client().privacy().disallowed(PrivacyCategory.LAST_SEEN)).users()).isEmpty();
        assertThat(sim.get(ALICE, "privacy").path("excluded").has("last")).isFalse();

        Jid stranger = Jid.parse(NOBODY_HERE + "@s.whatsapp.net");
        assertThat(failure(alice.client().privacy().setContactsExcept(PrivacyCategory.STATUS, List.of(stranger), List.of())))
                .isInstanceOfSatisfying(UserNotFoundException.class, e -> {
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.user()).isEqualTo(stranger);
                });
        assertThatThrownBy(() -> alice.client().privacy().disallowed(PrivacyCategory.ONLINE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDefaultDisappearingTimerIsSetReadAndReported() {
        assertThat(await(alice.client().privacy().defaultDisappearingTimer()))
                .isEqualTo(new DisappearingTimer(Duration.ZERO, null));
        Instant before = Instant.now().minusSeconds(1);
        await(alice.client().privacy().setDefaultDisappearingTimer(Duration.ofDays(7)));
        assertThat(sim.get(ALICE, "privacy").path("disappearingMode").path("duration").asInt()).isEqualTo(604_800);
        DisappearingTimer read = await(alice.client().privacy().defaultDisappearingTimer());
        assertThat(read.duration()).isEqualTo(Duration.ofDays(7));
        assertThat(read.setAt()).isBetween(before, Instant.now().plusSeconds(1));
        await("the laptop hears of it").atMost(WITHIN).until(() -> aliceLaptop.updates(DisappearingTimerChanged.class)
                .contains(new DisappearingTimerChanged(alice.user(), read)));
        assertThatThrownBy(() -> alice.client().privacy().setDefaultDisappearingTimer(Duration.ofDays(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrivacyTokenReachesTheUserItWasIssuedTo() {
        Instant before = Instant.now().minusSeconds(1);
        await(alice.client().privacy().issueToken(bob.user()));
        await("Bob holds Alice's token").atMost(WITHIN).until(() -> !bob.updates(PrivacyTokenReceived.class).isEmpty());
        PrivacyTokenReceived token = bob.updates(PrivacyTokenReceived.class).getFirst();
        assertThat(token.from()).isEqualTo(alice.user());
        assertThat(token.issuedAt()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(alice.updates(PrivacyTokenReceived.class)).isEmpty();
        assertThat(await(bob.client().presence().subscribe(alice.user())).user()).as("a subscription carrying the token")
                .isEqualTo(alice.user());
        assertThat(failure(alice.client().privacy().issueToken(Jid.parse(NOBODY_HERE + "@s.whatsapp.net"))))
                .isInstanceOf(UserNotFoundException.class);
    }

    private record Change(PrivacyCategory category, PrivacyValue value, Supplier<CompletableFuture<PrivacySettings>> call) {
    }
}
