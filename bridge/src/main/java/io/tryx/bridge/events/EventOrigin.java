package io.tryx.bridge.events;

import io.tryx.common.v1.Source;

import java.time.Instant;
import java.util.Objects;

/**
 * Who observed an event: our account (its user JID, no device part), the account's LID user JID when known (null
 * before), our linked device (its JID with the device number; the account JID while not paired yet) and the
 * bridge build.
 */
public record EventOrigin(String account, String lid, String device, String bridgeVersion) {

    public EventOrigin {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(bridgeVersion, "bridgeVersion");
    }

    /** An account not paired yet: the device is the account itself. */
    public static EventOrigin unpaired(String account) {
        return new EventOrigin(account, null, account, BridgeVersion.current());
    }

    /** The same account seen from its linked device {@code newDevice} with LID user {@code newLid} (may be null). */
    public EventOrigin paired(String newDevice, String newLid) {
        return new EventOrigin(account, newLid, newDevice, bridgeVersion);
    }

    /** True when {@code jid} (any device, phone number or LID) is our account. */
    public boolean isOwn(String jid) {
        if (jid == null || jid.isEmpty()) {
            return false;
        }
        String user = userOf(jid);
        return user.equals(userOf(account)) && serverOf(jid).equals(serverOf(account))
                || lid != null && user.equals(userOf(lid)) && serverOf(jid).equals(serverOf(lid));
    }

    private static String userOf(String jid) {
        int at = jid.indexOf('@');
        String user = at < 0 ? jid : jid.substring(0, at);
        int cut = user.length();
        for (char c : new char[] {':', '.'}) {
            int i = user.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return user.substring(0, cut);
    }

    private static String serverOf(String jid) {
        int at = jid.indexOf('@');
        return at < 0 ? "" : jid.substring(at + 1);
    }

    /** The {@code source} block of an event; {@code serverTimestamp} may be null. */
    public Source source(Instant serverTimestamp) {
        return Source.newBuilder().setBridgeVersion(bridgeVersion).setDevice(device).setServerTimestamp(serverTimestamp)
                .build();
    }
}
