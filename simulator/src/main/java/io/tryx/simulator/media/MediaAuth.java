package io.tryx.simulator.media;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upload tokens the {@code media_conn} IQ hands out: random, valid for {@link #AUTH_TTL}. An upload
 * without a live token is refused, as the real media hosts refuse one without {@code auth}.
 */
public final class MediaAuth {

    /** How long an auth token stays valid ({@code auth_ttl}). */
    public static final Duration AUTH_TTL = Duration.ofHours(6);

    private final InstantSource clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    public MediaAuth(InstantSource clock) {
        this.clock = clock;
    }

    /** A new token. */
    public String issue() {
        Instant now = clock.instant();
        expiries.values().removeIf(now::isAfter);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, now.plus(AUTH_TTL));
        return token;
    }

    /** True when {@code token} was issued and has not expired. */
    public boolean isValid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        return expiry != null && !clock.instant().isAfter(expiry);
    }
}
