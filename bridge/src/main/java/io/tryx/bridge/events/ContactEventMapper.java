package io.tryx.bridge.events;

import io.tryx.events.v1.BlockChanged;
import io.tryx.events.v1.ContactEvent;
import io.tryx.events.v1.ContactUpdated;
import io.tryx.events.v1.DefaultDisappearingTimerChanged;
import io.tryx.events.v1.DeviceChange;
import io.tryx.events.v1.DevicesChanged;
import io.tryx.events.v1.IdentityChanged;
import io.tryx.events.v1.PrivacySettingChange;
import io.tryx.events.v1.PrivacySettingsChanged;
import io.tryx.events.v1.ProfilePictureChanged;
import io.tryx.events.v1.PushNameChanged;
import io.tryx.events.v1.StatusTextChanged;
import io.tryx.protocol.client.appstate.ChatSyncEvent;
import io.tryx.protocol.client.devices.DeviceEvent;
import io.tryx.protocol.client.privacy.PrivacyCategory;
import io.tryx.protocol.client.privacy.PrivacySettings;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import io.tryx.schemas.EventSubjects;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps what changed about a contact, or about the account's own settings, to {@link ContactEvent}s: profile
 * pictures, about texts, push names, block changes (one event per user), privacy and default-timer changes made on
 * another of the account's devices ({@code chat} = the account), device-list and identity changes, and the address
 * book entries and own push name of app state. The timestamp is the change's own when it has one, else when the
 * bridge saw it (whole milliseconds); presence, chat state and privacy tokens map to nothing here.
 */
public final class ContactEventMapper {

    private final InstantSource clock;

    public ContactEventMapper(InstantSource clock) {
        this.clock = clock;
    }

    /** The events of a social update (several for a blocklist change naming several users). */
    public List<ContactEvent> map(EventOrigin origin, UpdateEvent event) {
        return switch (event) {
            case UpdateEvent.PictureChanged picture -> List.of(record(origin, plain(picture.jid()), picture.at(),
                    ProfilePictureChanged.newBuilder().setPictureId(picture.pictureId()).setRemoved(picture.removed())
                            .build()));
            case UpdateEvent.StatusTextChanged status -> List.of(record(origin, plain(status.user()), status.at(),
                    StatusTextChanged.newBuilder().setText(status.text() == null ? "" : status.text()).build()));
            case UpdateEvent.PushNameChanged name -> List.of(record(origin, plain(name.user()), null,
                    PushNameChanged.newBuilder().setPushName(name.name()).setPrevious(name.previous()).build()));
            case UpdateEvent.PrivacySettingsChanged privacy -> List.of(record(origin, origin.account(), privacy.at(),
                    PrivacySettingsChanged.newBuilder().setChanges(changes(privacy.changed())).build()));
            case UpdateEvent.DisappearingTimerChanged timer -> List.of(record(origin, origin.account(),
                    timer.timer().setAt(), DefaultDisappearingTimerChanged.newBuilder()
                            .setSeconds(timer.timer().duration().toSeconds()).build()));
            case UpdateEvent.BlocklistChanged blocklist -> {
                Instant now = clock.instant();
                yield blocklist.changes().stream().map(change -> record(origin,
                        plain(change.phone() != null ? change.phone() : change.jid()), now,
                        BlockChanged.newBuilder().setBlocked(change.blocked()).build())).toList();
            }
            case UpdateEvent.PresenceChanged ignored -> List.of();
            case UpdateEvent.ChatStateChanged ignored -> List.of();
            case UpdateEvent.PrivacyTokenReceived ignored -> List.of();
        };
    }

    /** The event of a device-list or identity change. */
    public ContactEvent map(EventOrigin origin, DeviceEvent event) {
        return switch (event) {
            case DeviceEvent.DeviceListChanged list -> record(origin, plain(list.user()), list.at(),
                    DevicesChanged.newBuilder().setChange(switch (list.change()) {
                        case ADD -> DeviceChange.ADDED;
                        case REMOVE -> DeviceChange.REMOVED;
                        case UPDATE -> DeviceChange.UPDATED;
                    }).setDevices(list.devices().stream().map(Jid::toString).toList())
                            .setLid(list.lid() == null ? null : plain(list.lid())).build());
            case DeviceEvent.IdentityChanged identity -> record(origin, plain(identity.user()), identity.at(),
                    IdentityChanged.newBuilder().setLid(identity.lid() == null ? null : plain(identity.lid())).build());
        };
    }

    /** The event of an address-book entry or of the account's own push name in app state; empty for others. */
    public Optional<ContactEvent> map(EventOrigin origin, ChatSyncEvent event) {
        return switch (event) {
            case ChatSyncEvent.Contact contact -> Optional.of(record(origin, plain(contact.contact()),
                    contact.meta().timestamp(), ContactUpdated.newBuilder()
                            .setFullName(emptyToNull(contact.fullName())).setFirstName(emptyToNull(contact.firstName()))
                            .build()));
            case ChatSyncEvent.PushName name when name.name() != null && !name.name().isEmpty() ->
                    Optional.of(record(origin, origin.account(), name.meta().timestamp(),
                            PushNameChanged.newBuilder().setPushName(name.name()).build()));
            default -> Optional.empty();
        };
    }

    private ContactEvent record(EventOrigin origin, String chat, Instant at, SpecificRecord update) {
        Instant timestamp = (at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MILLIS);
        return ContactEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chat, EventSubjects.at(timestamp), EventKind.of(update)))
                .setAccount(origin.account())
                .setChat(chat)
                .setTimestamp(timestamp)
                .setSource(origin.source(at == null ? null : timestamp))
                .setUpdate(update)
                .build();
    }

    private static List<PrivacySettingChange> changes(PrivacySettings settings) {
        List<PrivacySettingChange> changes = new ArrayList<>();
        for (Map.Entry<PrivacyCategory, io.tryx.protocol.client.privacy.PrivacyValue> entry : settings.values().entrySet()) {
            changes.add(PrivacySettingChange.newBuilder()
                    .setSetting(PrivacyNames.setting(entry.getKey()).map(Enum::name).orElse(entry.getKey().wire()))
                    .setValue(PrivacyNames.value(entry.getValue()).map(Enum::name).orElse(entry.getValue().wire()))
                    .build());
        }
        settings.other().forEach((name, value) -> changes.add(PrivacySettingChange.newBuilder().setSetting(name)
                .setValue(value).build()));
        changes.sort(java.util.Comparator.comparing(PrivacySettingChange::getSetting));
        return changes;
    }

    private static String plain(Jid jid) {
        return jid.toNonAd().toString();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
