package io.tryx.protocol.client.updates;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.privacy.PrivacyCategory;
import io.tryx.protocol.client.privacy.PrivacyTokens;
import io.tryx.protocol.client.privacy.PrivacyValue;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@link Updates} treats what it is offered: which notifications it takes and acknowledges, malformed input
 * dropped (and acknowledged) without stopping later events, a failing listener leaving the notification for
 * redelivery, and unknown settings kept as sent.
 */
class UpdatesTest {

    private final List<Node> acks = new CopyOnWriteArrayList<>();
    private final List<UpdateEvent> events = new CopyOnWriteArrayList<>();
    private final PrivacyTokens tokens = new PrivacyTokens();
    private final Updates updates = new Updates(acks::add, tokens, Runnable::run);

    UpdatesTest() {
        updates.addListener(events::add);
    }

    @Test
    void takesOnlyItsNotificationsAndAcksThemAfterTheListeners() {
        assertThat(updates.onNotification(notification("w:gp2").build())).isFalse();
        assertThat(updates.onNotification(notification("status").children(Node.builder("set").bytes("hi".getBytes()).build()).build()))
                .isTrue();
        assertThat(events).containsExactly(new UpdateEvent.StatusTextChanged(Jid.parse("15550001111@s.whatsapp.net"), "hi",
                java.time.Instant.ofEpochSecond(1_700_000_000)));
        assertThat(acks).singleElement().satisfies(ack -> {
            assertThat(ack.attrs().string("class")).isEqualTo("notification");
            assertThat(ack.attrs().string("id")).isEqualTo("n1");
            assertThat(ack.attrs().string("type")).isEqualTo("status");
        });
    }

    @Test
    void accountSyncWithChildrenItDoesNotKnowIsReadButLeftToOthers() {
        Node sync = notification("account_sync").children(
                Node.builder("privacy").children(Node.builder("category").attr("name", "last").attr("value", "none").build(),
                        Node.builder("category").attr("name", "stickers").attr("value", "all").build()).build(),
                Node.builder("devices").attr("dhash", "x").build()).build();
        assertThat(updates.onNotification(sync)).isFalse();
        assertThat(acks).as("the session acks what nobody took").isEmpty();
        assertThat(events).singleElement().isInstanceOfSatisfying(UpdateEvent.PrivacySettingsChanged.class, changed -> {
            assertThat(changed.changed().values()).isEqualTo(Map.of(PrivacyCategory.LAST_SEEN, PrivacyValue.NOBODY));
            assertThat(changed.changed().other()).isEqualTo(Map.of("stickers", "all"));
        });
    }

    @Test
    void malformedInputIsDroppedAndLaterEventsStillArrive() {
        Node tokenWithoutBytes = notification("privacy_token").children(Node.builder("tokens").children(
                Node.builder("token").attr("type", "trusted_contact").attr("t", 1).build()).build()).build();
        assertThat(updates.onNotification(tokenWithoutBytes)).isTrue();
        updates.onStanza(Node.builder("presence").attr("from", "15550001111@s.whatsapp.net").attr("last", "soon").build());
        updates.onStanza(Node.builder("chatstate").attr("from", "15550001111@s.whatsapp.net").children(Node.of("dancing")).build());
        assertThat(events).isEmpty();
        assertThat(acks).as("a notification that does not parse is acknowledged").hasSize(1);
        assertThat(tokens.get(Jid.parse("15550001111@s.whatsapp.net"))).isEmpty();

        updates.onStanza(Node.builder("presence").attr("from", "15550001111@s.whatsapp.net").attr("type", "unavailable")
                .attr("last", "deny").build());
        assertThat(events).containsExactly(new UpdateEvent.PresenceChanged(Jid.parse("15550001111@s.whatsapp.net"), false,
                null, true));
    }

    @Test
    void aFailingListenerLeavesTheNotificationForRedelivery() {
        updates.addListener(event -> {
            throw new IllegalStateException("listener down");
        });
        Node picture = notification("picture").children(Node.builder("delete").attr("jid", "15550001111@s.whatsapp.net").build()).build();
        assertThat(updates.onNotification(picture)).isTrue();
        assertThat(events).singleElement().isInstanceOfSatisfying(UpdateEvent.PictureChanged.class,
                p -> assertThat(p.removed()).isTrue());
        assertThat(acks).isEmpty();
    }

    @Test
    void privacyTokensAreKeptForTheSenderAndItsLid() {
        Node token = notification("privacy_token").attr("sender_lid", "123456789012345@lid").children(Node.builder("tokens")
                .children(Node.builder("token").attr("type", "trusted_contact").attr("t", 1_700_000_000).bytes(new byte[]{1, 2, 3})
                        .build()).build()).build();
        assertThat(updates.onNotification(token)).isTrue();
        assertThat(tokens.get(Jid.parse("15550001111@s.whatsapp.net")).orElseThrow().value()).containsExactly(1, 2, 3);
        assertThat(tokens.get(Jid.parse("123456789012345@lid"))).isPresent();
        assertThat(events).singleElement().isInstanceOf(UpdateEvent.PrivacyTokenReceived.class);
    }

    private static Node.Builder notification(String type) {
        return Node.builder("notification").attr("from", "15550001111@s.whatsapp.net").attr("type", type).attr("id", "n1")
                .attr("t", 1_700_000_000);
    }
}
