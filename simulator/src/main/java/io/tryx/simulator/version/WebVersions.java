package io.tryx.simulator.version;

import io.tryx.protocol.login.ClientVersion;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;

import java.util.Comparator;
import java.util.Objects;

/**
 * The WhatsApp Web versions the simulator knows, as the real service has them: the current web client (published in
 * {@code sw.js}) and the oldest version it still lets log in (older clients get {@code <failure reason="405"/>}).
 * The minimum starts at 0.0.0 (every version accepted) and the current version at {@link ClientVersion#DEFAULT}; a
 * minimum set above the current version raises the current version to it. Thread-safe.
 */
public final class WebVersions {

    static final Comparator<ClientVersion> ORDER = Comparator.comparingInt(ClientVersion::primary)
            .thenComparingInt(ClientVersion::secondary).thenComparingLong(ClientVersion::tertiary);

    private ClientVersion minimum = new ClientVersion(0, 0, 0);
    private ClientVersion current = ClientVersion.DEFAULT;

    /** The oldest version that may log in. */
    public synchronized ClientVersion minimum() {
        return minimum;
    }

    /** The current web client version, served in {@code sw.js}. */
    public synchronized ClientVersion current() {
        return current;
    }

    /** Sets the oldest accepted version; the current version becomes at least that. */
    public synchronized void minimum(ClientVersion value) {
        minimum = Objects.requireNonNull(value, "value");
        if (ORDER.compare(current, minimum) < 0) {
            current = minimum;
        }
    }

    /** Sets the current web client version (not below the minimum). */
    public synchronized void current(ClientVersion value) {
        if (ORDER.compare(value, minimum) < 0) {
            throw new IllegalArgumentException("current version " + value + " below the minimum " + minimum);
        }
        current = value;
    }

    /** True when the payload's app version is at least the minimum. */
    public boolean accepts(ClientPayload payload) {
        ClientPayload.UserAgent.AppVersion app = payload.getUserAgent().getAppVersion();
        ClientVersion announced = new ClientVersion(app.getPrimary(), app.getSecondary(),
                Integer.toUnsignedLong(app.getTertiary()));
        return ORDER.compare(announced, minimum()) >= 0;
    }
}
