package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.signal.IdentityKey;
import io.tryx.protocol.signal.KeyHelper;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.account.PreKeyUpload;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code xmlns="encrypt"} for the logged-in device: {@code get <count/>} (prekeys held),
 * {@code set} (upload: {@code registration}, {@code type}, {@code identity}, {@code list} of {@code key},
 * {@code skey}), {@code set <rotate><skey/></rotate>} (a new signed prekey, its signature checked against the uploaded
 * identity) and {@code get <digest/>} (what the server holds, with a SHA-1 hash over identity, signed
 * prekey value and signature and the prekey values). Malformed requests answer 400; a digest before any
 * upload answers 404.
 */
public final class KeysHandler implements IqHandler {

    private final Consumer<LinkedDevice> firstUpload;

    public KeysHandler() {
        this(device -> { });
    }

    /** {@code firstUpload} hears of each device's first key upload (the mock phone then greets it). */
    public KeysHandler(Consumer<LinkedDevice> firstUpload) {
        this.firstUpload = firstUpload;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        LinkedDevice device = connection.device();
        if (device == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        String type = iq.attrs().string("type");
        if (type.equals("set") && iq.child("rotate").isPresent()) {
            rotate(device, iq.child("rotate").get());
            return Optional.of(List.of());
        }
        if (type.equals("set")) {
            boolean first = device.keys() == null;
            device.upload(parseUpload(iq));
            if (first) {
                firstUpload.accept(device);
            }
            return Optional.of(List.of());
        }
        if (iq.child("count").isPresent()) {
            return Optional.of(List.of(Node.builder("count").attr("value", device.preKeyCount()).build()));
        }
        if (iq.child("digest").isPresent()) {
            return Optional.of(List.of(digest(device)));
        }
        throw new IqException(IqError.BAD_REQUEST, "unsupported encrypt get: " + iq);
    }

    /**
     * {@code set <rotate><skey/></rotate>}: the device's new signed prekey, served in bundles from now on. 404 before
     * any upload, 406 when the identity key's signature over it does not verify.
     */
    private static void rotate(LinkedDevice device, Node rotate) {
        PreKeyUpload keys = device.keys();
        if (keys == null) {
            throw new IqException(IqError.ITEM_NOT_FOUND, "no keys uploaded to rotate");
        }
        Node skey = rotate.child("skey").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "rotate without skey"));
        PreKeyUpload.SignedPreKey signed = signedPreKey(skey);
        if (!KeyHelper.verifySignedPreKey(new IdentityKey(keys.identity()), signed.publicKey(), signed.signature())) {
            throw new IqException(IqError.NOT_ACCEPTABLE, "signed prekey " + signed.id() + " not signed by the identity key");
        }
        device.rotateSignedPreKey(signed);
    }

    private static PreKeyUpload.SignedPreKey signedPreKey(Node skey) {
        return new PreKeyUpload.SignedPreKey((int) unsigned(bytes(skey, "id")), key(bytes(skey, "value")),
                bytes(skey, "signature"));
    }

    static PreKeyUpload parseUpload(Node iq) {
        int registrationId = (int) unsigned(bytes(iq, "registration"));
        byte[] type = bytes(iq, "type");
        if (type.length != 1 || type[0] != 5) {
            throw new IqException(IqError.BAD_REQUEST, "key type must be 5");
        }
        byte[] identity = key(bytes(iq, "identity"));
        Node skey = iq.child("skey").orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no skey"));
        PreKeyUpload.SignedPreKey signed = signedPreKey(skey);
        List<PreKeyUpload.PreKey> preKeys = new ArrayList<>();
        for (Node key : iq.child("list").map(Node::children).orElse(List.of())) {
            preKeys.add(new PreKeyUpload.PreKey((int) unsigned(bytes(key, "id")), key(bytes(key, "value"))));
        }
        return new PreKeyUpload(registrationId, identity, signed, preKeys);
    }

    static Node digest(LinkedDevice device) {
        PreKeyUpload keys = device.keys();
        if (keys == null) {
            throw new IqException(IqError.ITEM_NOT_FOUND, "no keys uploaded");
        }
        ByteArrayOutputStream hashed = new ByteArrayOutputStream();
        hashed.writeBytes(keys.identity());
        hashed.writeBytes(keys.signedPreKey().publicKey());
        hashed.writeBytes(keys.signedPreKey().signature());
        List<Node> ids = new ArrayList<>();
        for (PreKeyUpload.PreKey preKey : keys.preKeys()) {
            hashed.writeBytes(preKey.publicKey());
            ids.add(Node.builder("id").bytes(u24(preKey.id())).build());
        }
        return Node.builder("digest").children(
                Node.builder("type").bytes(new byte[] {5}).build(),
                Node.builder("registration").bytes(u32(keys.registrationId())).build(),
                Node.builder("identity").bytes(keys.identity()).build(),
                Node.builder("skey").children(
                        Node.builder("id").bytes(u24(keys.signedPreKey().id())).build(),
                        Node.builder("value").bytes(keys.signedPreKey().publicKey()).build(),
                        Node.builder("signature").bytes(keys.signedPreKey().signature()).build()).build(),
                Node.builder("list").children(ids).build(),
                Node.builder("hash").bytes(sha1(hashed.toByteArray())).build()).build();
    }

    private static byte[] bytes(Node parent, String tag) {
        return parent.child(tag).flatMap(Node::contentBytes)
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "missing <" + tag + "> bytes"));
    }

    private static byte[] key(byte[] key) {
        if (key.length == 33 && key[0] == 5) {
            return java.util.Arrays.copyOfRange(key, 1, 33);
        }
        if (key.length != 32) {
            throw new IqException(IqError.BAD_REQUEST, "key of " + key.length + " bytes");
        }
        return key;
    }

    private static long unsigned(byte[] bigEndian) {
        if (bigEndian.length == 0 || bigEndian.length > 4) {
            throw new IqException(IqError.BAD_REQUEST, "integer of " + bigEndian.length + " bytes");
        }
        long value = 0;
        for (byte b : bigEndian) {
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }

    private static byte[] sha1(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] u24(int value) {
        return new byte[] {(byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] u32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}
