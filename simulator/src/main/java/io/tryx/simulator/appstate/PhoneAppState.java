package io.tryx.simulator.appstate;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import io.tryx.protocol.appstate.AppStateMutation;
import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.MutationOperation;
import io.tryx.protocol.appstate.PatchDecoder;
import io.tryx.protocol.appstate.PatchEncoder;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.proto.ServerSyncProto.SyncdPatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mock phone's side of one account's app state, as the primary device holds it: the account's app-state
 * sync key (which it shares with every companion it links), and per collection the verified state (version,
 * LTHash, value MACs) and the decoded view (index -> value). It reads every patch the server stores, its own and
 * its companions', with {@link PatchDecoder}: each record's MACs, the LTHash against the patch's snapshot MAC and
 * the patch MAC must verify, else the patch is refused, logged and listed in {@link #errors()} and the state
 * stays where it was. It writes with {@link PatchEncoder} from that state. Thread-safe (one lock).
 */
public final class PhoneAppState {

    private static final Logger log = LoggerFactory.getLogger(PhoneAppState.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String phone;
    private final byte[] keyId;
    private final byte[] keyData = new byte[32];
    private final int fingerprintId;
    private final long keyTimestamp;
    private final PatchDecoder decoder;
    private final Map<String, CollectionState> states = new HashMap<>();
    private final Map<String, Map<String, Entry>> views = new HashMap<>();
    private final List<VerificationError> errors = new ArrayList<>();

    PhoneAppState(String phone, long nowMillis) {
        this.phone = phone;
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        this.keyId = new byte[] {0, 0, 0, 0, suffix[0], suffix[1]};
        RANDOM.nextBytes(keyData);
        this.fingerprintId = RANDOM.nextInt() >>> 1;
        this.keyTimestamp = nowMillis;
        this.decoder = new PatchDecoder(id -> Arrays.equals(id, keyId) ? Optional.of(keyData.clone()) : Optional.empty());
    }

    /** A decoded value at an index, and the patch version that set it. */
    public record Entry(List<String> index, JsonNode value, int actionVersion, long patchVersion) {
        public Entry {
            index = List.copyOf(index);
        }
    }

    /** A stored patch the phone could not verify. */
    public record VerificationError(String collection, long version, String message) {
    }

    /** The phone's view of a collection: its verified version and LTHash and the values set. */
    public record View(String collection, long version, String ltHash, List<Entry> entries) {
        public View {
            entries = List.copyOf(entries);
        }
    }

    /** The account's app-state sync key id. */
    public byte[] keyId() {
        return keyId.clone();
    }

    /** The sync key's 32 bytes of key data. */
    public byte[] keyData() {
        return keyData.clone();
    }

    /** The {@code APP_STATE_SYNC_KEY_SHARE} protocol message the phone sends a newly linked companion. */
    public E2EProto.Message keyShare() {
        var key = E2EProto.Message.AppStateSyncKey.newBuilder()
                .setKeyId(E2EProto.Message.AppStateSyncKeyId.newBuilder().setKeyId(ByteString.copyFrom(keyId)))
                .setKeyData(E2EProto.Message.AppStateSyncKeyData.newBuilder()
                        .setKeyData(ByteString.copyFrom(keyData))
                        .setFingerprint(E2EProto.Message.AppStateSyncKeyFingerprint.newBuilder()
                                .setRawId(fingerprintId).setCurrentIndex(0).addDeviceIndexes(0))
                        .setTimestamp(keyTimestamp));
        return E2EProto.Message.newBuilder().setProtocolMessage(E2EProto.Message.ProtocolMessage.newBuilder()
                .setType(E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE)
                .setAppStateSyncKeyShare(E2EProto.Message.AppStateSyncKeyShare.newBuilder().addKeys(key))).build();
    }

    /** Encodes {@code requests} as the next patch of {@code collection} on top of the phone's verified state. */
    public synchronized PatchEncoder.Encoded encode(String collection, List<PatchEncoder.MutationRequest> requests) {
        return new PatchEncoder(keyId, keyData, RANDOM).encodePatch(state(collection), requests);
    }

    /** Reads a patch the server stored: verifies and applies it, or records why it does not verify. */
    synchronized void observe(String collection, SyncdPatch patch) {
        long version = patch.getVersion().getVersion();
        try {
            PatchDecoder.Decoded decoded = decoder.decodePatch(state(collection), patch);
            states.put(collection, decoded.state());
            Map<String, Entry> view = views.computeIfAbsent(collection, c -> new LinkedHashMap<>());
            for (AppStateMutation mutation : decoded.mutations()) {
                String key = String.join("\u0000", mutation.index());
                if (mutation.operation() == MutationOperation.REMOVE) {
                    view.remove(key);
                } else {
                    view.put(key, new Entry(mutation.index(), ProtoJson.of(mutation.value()), mutation.actionVersion(), version));
                }
            }
            log.info("phone {}: {} v{} verified ({} mutations)", phone, collection, version, decoded.mutations().size());
        } catch (RuntimeException e) {
            errors.add(new VerificationError(collection, version, e.getMessage()));
            log.warn("phone {}: {} v{} FAILED verification, not applied: {}", phone, collection, version, e.toString());
        }
    }

    public synchronized View view(String collection) {
        CollectionState state = state(collection);
        return new View(collection, state.version(), HexFormat.of().formatHex(state.hash().bytes()),
                List.copyOf(views.getOrDefault(collection, Map.of()).values()));
    }

    /** The stored patches that failed verification, oldest first. */
    public synchronized List<VerificationError> errors() {
        return List.copyOf(errors);
    }

    private CollectionState state(String collection) {
        return states.computeIfAbsent(collection, CollectionState::initial);
    }

    @Override
    public String toString() {
        return "PhoneAppState[" + phone + ", key " + Base64.getEncoder().encodeToString(keyId) + "]";
    }
}
