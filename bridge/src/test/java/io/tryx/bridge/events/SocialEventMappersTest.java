package io.tryx.bridge.events;

import io.tryx.events.v1.ChatActionEvent;
import io.tryx.events.v1.ContactEvent;
import io.tryx.events.v1.DefaultDisappearingTimerChanged;
import io.tryx.events.v1.DevicesChanged;
import io.tryx.events.v1.IdentityChanged;
import io.tryx.events.v1.MuteAction;
import io.tryx.events.v1.PresenceEvent;
import io.tryx.events.v1.PresenceUpdate;
import io.tryx.events.v1.PrivacySettingsChanged;
import io.tryx.events.v1.StarAction;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.client.devices.DeviceEvent;
import io.tryx.protocol.client.privacy.DisappearingTimer;
import io.tryx.protocol.client.privacy.PrivacyCategory;
import io.tryx.protocol.client.privacy.PrivacySettings;
import io.tryx.protocol.client.privacy.PrivacyValue;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.ContractRuntime;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The social runtime events mapped to presence, contact and chat-action records, each with the contract's event id. */
class SocialEventMappersTest {

    private static final String ACCOUNT = "15551110000@s.whatsapp.net";
    private static final Jid BOB = Jid.parse("15553330000@s.whatsapp.net");
    private static final Jid GROUP = Jid.parse("120363025246125486@g.us");
    private static final Instant AT = Instant.ofEpochMilli(1_760_000_000_123L);
    private static final Instant NOW = Instant.ofEpochMilli(1_760_000_555_777L);
    private static final EventOrigin ORIGIN = new EventOrigin(ACCOUNT, null, "15551110000:3@s.whatsapp.net", "9.9.9");

    private final InstantSource clock = InstantSource.fixed(NOW);

    @BeforeAll
    static void contract() {
        ContractRuntime.install();
    }

    @Test
    void aPresenceIsKeyedByTheUserWithTheSubjectOfUserAndObservationTime() {
        PresenceEvent event = new PresenceEventMapper(clock).map(ORIGIN,
                new UpdateEvent.PresenceChanged(BOB.withDevice(2), false, AT, false)).orElseThrow();

        assertThat(event.getChat()).isEqualTo(BOB.toString());
        assertThat(event.getTimestamp()).isEqualTo(NOW);
        assertThat(event.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, BOB.toString(), BOB + "/" + NOW.toEpochMilli(),
                EventKind.PRESENCE_UPDATE));
        PresenceUpdate update = (PresenceUpdate) event.getUpdate();
        assertThat(update.getState().name()).isEqualTo("UNAVAILABLE");
        assertThat(update.getLastSeen()).contains(AT);
        assertThat(new PresenceEventMapper(clock).map(ORIGIN, new UpdateEvent.PrivacyTokenReceived(BOB, AT))).isEmpty();
    }

    @Test
    void theAccountsOwnChangesAreContactEventsOfTheAccountAndDeviceChangesOfTheUser() {
        ContactEventMapper mapper = new ContactEventMapper(clock);
        ContactEvent privacy = mapper.map(ORIGIN, new UpdateEvent.PrivacySettingsChanged(Jid.parse("987@lid"),
                new PrivacySettings(Map.of(PrivacyCategory.LAST_SEEN, PrivacyValue.NOBODY), Map.of("future", "x")), AT))
                .getFirst();
        ContactEvent timer = mapper.map(ORIGIN, new UpdateEvent.DisappearingTimerChanged(Jid.parse(ACCOUNT),
                new DisappearingTimer(Duration.ofDays(7), null))).getFirst();
        ContactEvent devices = mapper.map(ORIGIN, new DeviceEvent.DeviceListChanged(BOB, Jid.parse("555@lid"),
                DeviceEvent.Change.ADD, List.of(BOB.withDevice(5)), AT));
        ContactEvent identity = mapper.map(ORIGIN, new DeviceEvent.IdentityChanged(BOB, null, AT));

        assertThat(privacy.getChat()).isEqualTo(ACCOUNT);
        assertThat(((PrivacySettingsChanged) privacy.getUpdate()).getChanges())
                .extracting(c -> c.getSetting() + "=" + c.getValue()).containsExactly("LAST_SEEN=NONE", "future=x");
        assertThat(privacy.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, ACCOUNT, Long.toString(AT.toEpochMilli()),
                EventKind.CONTACT_PRIVACY_SETTINGS_CHANGED));
        assertThat(timer.getChat()).isEqualTo(ACCOUNT);
        assertThat(timer.getTimestamp()).as("no time of its own: when seen").isEqualTo(NOW);
        assertThat(((DefaultDisappearingTimerChanged) timer.getUpdate()).getSeconds()).isEqualTo(604_800L);
        assertThat(devices.getChat()).isEqualTo(BOB.toString());
        assertThat((DevicesChanged) devices.getUpdate()).satisfies(d -> {
            assertThat(d.getChange().name()).isEqualTo("ADDED");
            assertThat(d.getDevices()).containsExactly(BOB.withDevice(5).toString());
            assertThat(d.getLid()).contains("555@lid");
        });
        assertThat(identity.getUpdate()).isInstanceOf(IdentityChanged.class);
        assertThat(identity.getTimestamp()).isEqualTo(AT);
    }

    @Test
    void aBlocklistChangeIsOneEventPerUserNamedByPhoneNumberWhenKnown() {
        List<ContactEvent> events = new ContactEventMapper(clock).map(ORIGIN, new UpdateEvent.BlocklistChanged(
                Jid.parse(ACCOUNT), List.of(new UpdateEvent.BlocklistChanged.Change(Jid.parse("555@lid"), BOB, true),
                new UpdateEvent.BlocklistChanged.Change(Jid.parse("666@lid"), null, false)), "h2", "h1"));

        assertThat(events).extracting(ContactEvent::getChat).containsExactly(BOB.toString(), "666@lid");
    }

    @Test
    void aChatActionReadAgainInAFullSyncDerivesTheSameEventId() {
        ChatActionEventMapper mapper = new ChatActionEventMapper();
        ChatSyncEvent.Star patch = new ChatSyncEvent.Star(new ChatSyncEvent.Meta("regular_high", 7, AT, false), GROUP,
                "3EB0AA", false, BOB.withDevice(1), true);
        ChatSyncEvent.Star snapshot = new ChatSyncEvent.Star(new ChatSyncEvent.Meta("regular_high", 9, AT, true), GROUP,
                "3EB0AA", false, BOB.withDevice(1), true);

        ChatActionEvent first = mapper.map(ORIGIN, patch).orElseThrow();
        ChatActionEvent again = mapper.map(ORIGIN, snapshot).orElseThrow();

        assertThat(again.getEventId()).isEqualTo(first.getEventId()).isEqualTo(EventIds.derive(ACCOUNT, GROUP.toString(),
                "3EB0AA/" + AT.toEpochMilli(), EventKind.CHAT_ACTION_STAR));
        assertThat(again.getFromFullSync()).isTrue();
        assertThat(((StarAction) first.getAction()).getMessage().getSender()).contains(BOB.toString());
        ChatActionEvent forever = mapper.map(ORIGIN, new ChatSyncEvent.Mute(new ChatSyncEvent.Meta("regular_high", 8, AT,
                false), BOB, true, -1)).orElseThrow();
        assertThat(((MuteAction) forever.getAction()).getMutedUntil()).isEmpty();
        assertThat(mapper.map(ORIGIN, new ChatSyncEvent.Synced("regular_high", 9, true, false))).isEmpty();
    }
}
