package io.tryx.bridge.state;

import io.tryx.protocol.appstate.CollectionState;
import io.tryx.protocol.appstate.LtHash;
import io.tryx.protocol.crypto.KeyPair;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.IdentityKeyPair;
import io.tryx.protocol.signal.PreKeyRecord;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.SignedPreKeyRecord;
import io.tryx.protocol.signal.group.SenderKeyName;
import io.tryx.protocol.signal.group.SenderKeyRecord;
import io.tryx.protocol.signal.session.SessionRecord;
import io.tryx.protocol.store.AppStateSyncKey;
import io.tryx.protocol.store.BufferedPlaintext;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.DeviceList;
import io.tryx.protocol.store.MessageRef;
import io.tryx.protocol.store.SentMessage;
import io.tryx.protocol.store.StoreException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The bytes of a {@link StateEntry} in the state topic: a format version (1), a kind tag, then the entry's fields
 * (length-prefixed byte strings, UTF-8 strings, big-endian numbers; Signal sessions and sender keys in their own
 * versioned protobuf forms). Damaged bytes become a {@link StoreException}.
 */
final class StateEntryCodec {

    static final int VERSION = 1;
    /** Kind tags of message secrets: without (read only, from older bridges) and with the message's time. */
    private static final int LEGACY_SECRET = 9;
    private static final int SECRET_WITH_TIME = 40;
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    private StateEntryCodec() {
    }

    static byte[] encode(StateEntry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            switch (entry) {
                case StateEntry.Credentials c -> {
                    out.writeByte(1);
                    credentials(out, c.value());
                }
                case StateEntry.Identity i -> {
                    out.writeByte(2);
                    address(out, i.address());
                    bytes(out, i.identity().publicKey());
                }
                case StateEntry.PreKey p -> {
                    out.writeByte(3);
                    out.writeInt(p.record().id());
                    keyPair(out, p.record().keyPair());
                }
                case StateEntry.SignedPreKey s -> {
                    out.writeByte(4);
                    signedPreKey(out, s.record());
                }
                case StateEntry.Session s -> {
                    out.writeByte(5);
                    address(out, s.address());
                    bytes(out, s.record().serialize());
                }
                case StateEntry.SenderKey s -> {
                    out.writeByte(6);
                    out.writeUTF(s.name().groupId());
                    address(out, s.name().sender());
                    bytes(out, s.record().serialize());
                }
                case StateEntry.Lid l -> {
                    out.writeByte(7);
                    out.writeUTF(l.phoneUser().toString());
                    out.writeUTF(l.lidUser().toString());
                }
                case StateEntry.Devices d -> {
                    out.writeByte(8);
                    out.writeUTF(d.list().user().toString());
                    out.writeInt(d.list().deviceIds().size());
                    for (int id : d.list().deviceIds()) {
                        out.writeInt(id);
                    }
                    out.writeLong(d.list().keyIndex());
                    out.writeLong(d.list().fetchedAtMillis());
                }
                case StateEntry.Secret s -> {
                    out.writeByte(SECRET_WITH_TIME);
                    out.writeUTF(s.message().chat().toString());
                    out.writeUTF(s.message().sender().toString());
                    out.writeUTF(s.message().id());
                    bytes(out, s.secret());
                    bytes(out, s.original());
                    out.writeLong(s.storedAtMillis());
                }
                case StateEntry.Buffered b -> {
                    out.writeByte(10);
                    bytes(out, b.entry().ciphertextHash());
                    nullableBytes(out, b.entry().plaintext());
                    out.writeLong(b.entry().serverTimestamp());
                    out.writeLong(b.entry().bufferedAtMillis());
                }
                case StateEntry.Sent s -> {
                    out.writeByte(11);
                    out.writeUTF(s.message().chat().toString());
                    out.writeUTF(s.message().id());
                    bytes(out, s.message().message());
                    out.writeLong(s.message().sentAtMillis());
                }
                case StateEntry.SyncKey k -> {
                    out.writeByte(12);
                    bytes(out, k.value().keyId());
                    bytes(out, k.value().keyData());
                    nullableBytes(out, k.value().fingerprint());
                    out.writeLong(k.value().timestamp());
                }
                case StateEntry.Collection c -> {
                    out.writeByte(13);
                    out.writeUTF(c.state().name());
                    out.writeLong(c.state().version());
                    bytes(out, c.state().hash().bytes());
                    Map<String, byte[]> macs = new TreeMap<>(c.state().valueMacs());
                    out.writeInt(macs.size());
                    for (var mac : macs.entrySet()) {
                        out.writeUTF(mac.getKey());
                        bytes(out, mac.getValue());
                    }
                }
                case StateEntry.SenderKeyRecipients r -> {
                    out.writeByte(14);
                    out.writeUTF(r.group().toString());
                    List<String> devices = r.devices().stream().map(Jid::toString).sorted().toList();
                    out.writeInt(devices.size());
                    for (String device : devices) {
                        out.writeUTF(device);
                    }
                }
                case StateEntry.Published p -> {
                    out.writeByte(15);
                    out.writeUTF(p.eventId());
                    out.writeLong(p.atMillis());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static StateEntry decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new StoreException("state entry of unknown format version " + version);
            }
            int kind = in.readUnsignedByte();
            StateEntry entry = switch (kind) {
                case 1 -> new StateEntry.Credentials(credentials(in));
                case 2 -> new StateEntry.Identity(address(in), new IdentityKey(bytes(in)));
                case 3 -> new StateEntry.PreKey(new PreKeyRecord(in.readInt(), keyPair(in)));
                case 4 -> new StateEntry.SignedPreKey(signedPreKey(in));
                case 5 -> new StateEntry.Session(address(in), SessionRecord.deserialize(bytes(in)));
                case 6 -> new StateEntry.SenderKey(new SenderKeyName(in.readUTF(), address(in)),
                        SenderKeyRecord.deserialize(bytes(in)));
                case 7 -> new StateEntry.Lid(Jid.parse(in.readUTF()), Jid.parse(in.readUTF()));
                case 8 -> {
                    Jid user = Jid.parse(in.readUTF());
                    int count = count(in);
                    List<Integer> ids = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        ids.add(in.readInt());
                    }
                    yield new StateEntry.Devices(new DeviceList(user, ids, in.readLong(), in.readLong()));
                }
                case LEGACY_SECRET -> new StateEntry.Secret(new MessageRef(Jid.parse(in.readUTF()), Jid.parse(in.readUTF()),
                        in.readUTF()), bytes(in), bytes(in), 0);
                case SECRET_WITH_TIME -> new StateEntry.Secret(new MessageRef(Jid.parse(in.readUTF()),
                        Jid.parse(in.readUTF()), in.readUTF()), bytes(in), bytes(in), in.readLong());
                case 10 -> new StateEntry.Buffered(new BufferedPlaintext(bytes(in), nullableBytes(in), in.readLong(),
                        in.readLong()));
                case 11 -> new StateEntry.Sent(new SentMessage(Jid.parse(in.readUTF()), in.readUTF(), bytes(in),
                        in.readLong()));
                case 12 -> new StateEntry.SyncKey(new AppStateSyncKey(bytes(in), bytes(in), nullableBytes(in),
                        in.readLong()));
                case 13 -> {
                    String name = in.readUTF();
                    long version2 = in.readLong();
                    LtHash hash = LtHash.of(bytes(in));
                    int count = count(in);
                    Map<String, byte[]> macs = new HashMap<>();
                    for (int i = 0; i < count; i++) {
                        macs.put(in.readUTF(), bytes(in));
                    }
                    yield new StateEntry.Collection(new CollectionState(name, version2, hash, macs));
                }
                case 14 -> {
                    Jid group = Jid.parse(in.readUTF());
                    int count = count(in);
                    Set<Jid> devices = new HashSet<>();
                    for (int i = 0; i < count; i++) {
                        devices.add(Jid.parse(in.readUTF()));
                    }
                    yield new StateEntry.SenderKeyRecipients(group, devices);
                }
                case 15 -> new StateEntry.Published(in.readUTF(), in.readLong());
                default -> throw new StoreException("state entry of unknown kind " + kind);
            };
            if (in.available() > 0) {
                throw new StoreException("state entry of kind " + kind + " has " + in.available() + " trailing bytes");
            }
            return entry;
        } catch (IOException e) {
            throw new StoreException("truncated state entry", e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("damaged state entry: " + e.getMessage(), e);
        }
    }

    private static void credentials(DataOutputStream out, DeviceCredentials c) throws IOException {
        keyPair(out, c.noiseKey());
        keyPair(out, c.identity().keyPair());
        out.writeInt(c.registrationId());
        signedPreKey(out, c.signedPreKey());
        bytes(out, c.advSecret());
        nullableText(out, c.deviceJid() == null ? null : c.deviceJid().toString());
        nullableText(out, c.lid() == null ? null : c.lid().toString());
        nullableBytes(out, c.account());
        out.writeInt(c.nextPreKeyId());
    }

    private static DeviceCredentials credentials(DataInputStream in) throws IOException {
        KeyPair noise = keyPair(in);
        IdentityKeyPair identity = new IdentityKeyPair(keyPair(in));
        int registrationId = in.readInt();
        SignedPreKeyRecord signed = signedPreKey(in);
        byte[] advSecret = bytes(in);
        String device = nullableText(in);
        String lid = nullableText(in);
        byte[] account = nullableBytes(in);
        return new DeviceCredentials(noise, identity, registrationId, signed, advSecret,
                device == null ? null : Jid.parse(device), lid == null ? null : Jid.parse(lid), account, in.readInt());
    }

    private static void signedPreKey(DataOutputStream out, SignedPreKeyRecord record) throws IOException {
        out.writeInt(record.id());
        keyPair(out, record.keyPair());
        bytes(out, record.signature());
        out.writeLong(record.timestampMillis());
    }

    private static SignedPreKeyRecord signedPreKey(DataInputStream in) throws IOException {
        return new SignedPreKeyRecord(in.readInt(), keyPair(in), bytes(in), in.readLong());
    }

    private static void keyPair(DataOutputStream out, KeyPair pair) throws IOException {
        bytes(out, pair.publicKey());
        bytes(out, pair.privateKey());
    }

    private static KeyPair keyPair(DataInputStream in) throws IOException {
        return new KeyPair(bytes(in), bytes(in));
    }

    private static void address(DataOutputStream out, SignalAddress address) throws IOException {
        out.writeUTF(address.name());
        out.writeInt(address.deviceId());
    }

    private static SignalAddress address(DataInputStream in) throws IOException {
        return new SignalAddress(in.readUTF(), in.readInt());
    }

    private static void bytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_BYTES || length > in.available()) {
            throw new StoreException("state entry has a bad length " + length);
        }
        return in.readNBytes(length);
    }

    private static void nullableBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            bytes(out, value);
        }
    }

    private static byte[] nullableBytes(DataInputStream in) throws IOException {
        return in.readBoolean() ? bytes(in) : null;
    }

    private static void nullableText(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String nullableText(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available()) {
            throw new StoreException("state entry has a bad count " + count);
        }
        return count;
    }
}
