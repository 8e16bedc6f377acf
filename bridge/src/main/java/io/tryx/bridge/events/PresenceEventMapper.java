package io.tryx.bridge.events;

import io.tryx.common.v1.ChatState;
import io.tryx.common.v1.PresenceState;
import io.tryx.events.v1.ChatStateUpdate;
import io.tryx.events.v1.PresenceEvent;
import io.tryx.events.v1.PresenceUpdate;
import io.tryx.protocol.client.updates.UpdateEvent;
import io.tryx.protocol.jid.Jid;
import io.tryx.schemas.EventIds;
import io.tryx.schemas.EventKind;
import io.tryx.schemas.EventSubjects;
import org.apache.avro.specific.SpecificRecord;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Maps a subscribed user's presence and a chat member's chat state ({@link UpdateEvent.PresenceChanged},
 * {@link UpdateEvent.ChatStateChanged}) to {@link PresenceEvent}s; other updates map to nothing. Neither carries a
 * server time, so the timestamp is when the bridge saw it (whole milliseconds); the event id's subject is the user or
 * sender JID and that timestamp.
 */
public final class PresenceEventMapper {

    private final InstantSource clock;

    public PresenceEventMapper(InstantSource clock) {
        this.clock = clock;
    }

    public Optional<PresenceEvent> map(EventOrigin origin, UpdateEvent event) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return switch (event) {
            case UpdateEvent.PresenceChanged presence -> Optional.of(record(origin, presence.user(), plain(presence.user()),
                    PresenceUpdate.newBuilder().setUser(plain(presence.user()))
                            .setState(presence.available() ? PresenceState.AVAILABLE : PresenceState.UNAVAILABLE)
                            .setLastSeen(presence.lastSeen() == null ? null
                                    : presence.lastSeen().truncatedTo(ChronoUnit.MILLIS))
                            .build(), now));
            case UpdateEvent.ChatStateChanged state -> Optional.of(record(origin, state.chat(), plain(state.sender()),
                    ChatStateUpdate.newBuilder().setSender(plain(state.sender())).setState(switch (state.state()) {
                        case COMPOSING -> ChatState.COMPOSING;
                        case RECORDING -> ChatState.RECORDING;
                        case PAUSED -> ChatState.PAUSED;
                    }).build(), now));
            default -> Optional.empty();
        };
    }

    private static PresenceEvent record(EventOrigin origin, Jid chatJid, String who, SpecificRecord update, Instant at) {
        String chat = plain(chatJid);
        return PresenceEvent.newBuilder()
                .setEventId(EventIds.derive(origin.account(), chat, EventSubjects.at(who, at), EventKind.of(update)))
                .setAccount(origin.account())
                .setChat(chat)
                .setTimestamp(at)
                .setSource(origin.source(null))
                .setUpdate(update)
                .build();
    }

    private static String plain(Jid jid) {
        return jid.toNonAd().toString();
    }
}
