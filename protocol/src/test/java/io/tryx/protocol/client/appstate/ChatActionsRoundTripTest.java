package io.tryx.protocol.client.appstate;

import io.tryx.protocol.appstate.AppStateMutation;
import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.appstate.PatchDecoder;
import io.tryx.protocol.appstate.PatchEncoder;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.SyncActionProto.SyncActionValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/** Each chat action, encoded as WhatsApp lays it out, decodes on another device into the event it means. */
class ChatActionsRoundTripTest {

    static final byte[] KEY_ID = {0, 0, 0, 0, 1, 2};
    static final byte[] KEY_DATA = new byte[32];
    static final Jid BOB = Jid.parse("15550001111@s.whatsapp.net");
    static final Jid GROUP = Jid.parse("120363000000000099@g.us");
    static final long NOW = 1_760_000_000_000L;

    private final RandomGenerator random = new SplittableRandom(7);

    /** Encodes the request as the next patch of a fresh collection and reads it back as events. */
    private List<ChatSyncEvent.Change> roundTrip(AppStateActions.PatchRequest request) {
        CollectionState start = CollectionState.initial(request.collection());
        PatchEncoder.Encoded encoded = new PatchEncoder(KEY_ID, KEY_DATA, random).encodePatch(start, request.mutations());
        PatchDecoder.Decoded decoded = new PatchDecoder(id -> Optional.of(KEY_DATA.clone())).decodePatch(start, encoded.patch());
        assertThat(decoded.state().hash()).isEqualTo(encoded.state().hash());
        return decoded.mutations().stream().map(m -> SyncActionEvents.of(m, false)).toList();
    }

    @Test
    void archivingAlsoUnpinsAndBothAreReadBack() {
        List<ChatSyncEvent.Change> events = roundTrip(AppStateActions.archive(BOB, true, NOW));
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new ChatSyncEvent.Archive(meta("regular_low"), BOB, true));
        assertThat(events.get(1)).isEqualTo(new ChatSyncEvent.Pin(meta("regular_low"), BOB, false));
        assertThat(roundTrip(AppStateActions.archive(BOB, false, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.Archive(meta("regular_low"), BOB, false));
    }

    @Test
    void muteCarriesItsEndOrForeverAndUnmuteNone() {
        assertThat(roundTrip(AppStateActions.mute(BOB, true, NOW + 3_600_000, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.Mute(meta("regular_high"), BOB, true, NOW + 3_600_000));
        ChatSyncEvent.Change forever = roundTrip(AppStateActions.mute(BOB, true, -1, NOW)).getFirst();
        assertThat(((ChatSyncEvent.Mute) forever).forever()).isTrue();
        assertThat(roundTrip(AppStateActions.mute(BOB, false, 0, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.Mute(meta("regular_high"), BOB, false, 0));
    }

    @Test
    void messageActionsNameTheSenderOnlyForOthersGroupMessages() {
        assertThat(AppStateActions.star(GROUP, "ID1", false, BOB.withDevice(3), true, NOW).mutations().getFirst().index())
                .containsExactly("star", GROUP.toString(), "ID1", "0", BOB.toString());
        assertThat(AppStateActions.star(BOB, "ID1", false, BOB, true, NOW).mutations().getFirst().index())
                .containsExactly("star", BOB.toString(), "ID1", "0", "0");
        assertThat(roundTrip(AppStateActions.star(GROUP, "ID1", false, BOB, true, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.Star(meta("regular_high"), GROUP, "ID1", false, BOB, true));
        assertThat(roundTrip(AppStateActions.deleteForMe(BOB, "ID2", true, null, 1_700_000_000L, true, NOW)))
                .singleElement().isEqualTo(new ChatSyncEvent.DeleteMessageForMe(meta("regular_high"), BOB, "ID2", true,
                        null, true, 1_700_000_000L));
    }

    @Test
    void chatLevelActionsReadBack() {
        assertThat(roundTrip(AppStateActions.pin(GROUP, true, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.Pin(meta("regular_low"), GROUP, true));
        assertThat(roundTrip(AppStateActions.markRead(BOB, false, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.MarkRead(meta("regular_low"), BOB, false));
        assertThat(roundTrip(AppStateActions.deleteChat(GROUP, true, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.DeleteChat(meta("regular_high"), GROUP, true));
        assertThat(roundTrip(AppStateActions.clearChat(BOB, true, false, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.ClearChat(meta("regular_high"), BOB, false, false));
        assertThat(roundTrip(AppStateActions.clearChat(GROUP, false, true, NOW))).singleElement()
                .isEqualTo(new ChatSyncEvent.ClearChat(meta("regular_high"), GROUP, true, true));
        assertThat(AppStateActions.clearChat(BOB, true, false, NOW).mutations().getFirst().actionVersion()).isEqualTo(6);
    }

    @Test
    void actionVersionsAreWhatWhatsAppWrites() {
        assertThat(AppStateActions.archive(BOB, true, NOW).mutations()).extracting(PatchEncoder.MutationRequest::actionVersion)
                .containsExactly(3, 5);
        assertThat(AppStateActions.mute(BOB, true, -1, NOW).mutations().getFirst().actionVersion()).isEqualTo(2);
        assertThat(AppStateActions.markRead(BOB, true, NOW).mutations().getFirst().actionVersion()).isEqualTo(3);
        assertThat(AppStateActions.deleteForMe(BOB, "X", true, null, 1, false, NOW).mutations().getFirst().actionVersion())
                .isEqualTo(3);
        assertThat(AppStateActions.deleteChat(BOB, false, NOW).mutations().getFirst().actionVersion()).isEqualTo(6);
        assertThat(AppStateActions.pin(BOB, true, NOW).mutations().getFirst().value().getTimestamp()).isEqualTo(NOW);
    }

    @Test
    void aChatWithADeviceIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AppStateActions.pin(BOB.withDevice(2), true, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void removalsLabelsAndUnknownOrBrokenIndexesHaveTheirOwnEvents() {
        SyncActionValue label = SyncActionValue.newBuilder().setTimestamp(NOW).setLabelEditAction(
                SyncActionValue.LabelEditAction.newBuilder().setName("Work").setColor(4)).build();
        assertThat(event(MutationOperation.SET, List.of("label_edit", "7"), label))
                .isEqualTo(new ChatSyncEvent.LabelEdit(meta("regular"), "7", "Work", 4, false));
        SyncActionValue labeled = SyncActionValue.newBuilder().setTimestamp(NOW).setLabelAssociationAction(
                SyncActionValue.LabelAssociationAction.newBuilder().setLabeled(true)).build();
        assertThat(event(MutationOperation.SET, List.of("label_jid", "7", BOB.toString()), labeled))
                .isEqualTo(new ChatSyncEvent.LabelChat(meta("regular"), "7", BOB, true));
        assertThat(event(MutationOperation.REMOVE, List.of("pin_v1", BOB.toString()), SyncActionValue.getDefaultInstance()))
                .isInstanceOf(ChatSyncEvent.Removed.class);
        SyncActionValue pin = SyncActionValue.newBuilder().setTimestamp(NOW)
                .setPinAction(SyncActionValue.PinAction.newBuilder().setPinned(true)).build();
        assertThat(event(MutationOperation.SET, List.of("pin_v1", "not a jid@@"), pin)).isInstanceOf(ChatSyncEvent.Other.class);
        assertThat(event(MutationOperation.SET, List.of("star", BOB.toString()), pin)).isInstanceOf(ChatSyncEvent.Other.class);
        assertThat(event(MutationOperation.SET, List.of("setting_locale"), pin)).isInstanceOf(ChatSyncEvent.Other.class);
    }

    private static ChatSyncEvent.Change event(MutationOperation operation, List<String> index, SyncActionValue value) {
        return SyncActionEvents.of(new AppStateMutation("regular", operation, index, value, 1, new byte[32], new byte[32], 1), false);
    }

    private static ChatSyncEvent.Meta meta(String collection) {
        return new ChatSyncEvent.Meta(collection, 1, java.time.Instant.ofEpochMilli(NOW), false);
    }
}
