package io.tryx.simulator.devices;

import io.tryx.protocol.jid.Jid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The device list hash clients compare against their cached list ({@code device_hash}): {@code "2:"} and the
 * unpadded base64 of the first 6 bytes of SHA-256 over the sorted device JIDs written {@code user.0:device@server},
 * concatenated.
 */
public final class DeviceListHash {

    private DeviceListHash() {
    }

    public static String of(List<Jid> devices) {
        String joined = String.join("", devices.stream()
                .map(d -> d.user() + "." + d.rawAgent() + ":" + d.device() + "@" + d.server()).sorted().toList());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8));
            return "2:" + Base64.getEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
