package io.tryx.protocol.client.privacy;

import io.tryx.protocol.jid.Jid;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The privacy tokens ({@code tctoken}) other users issued to this account, by user (without device): a contact
 * hands one out so that we may subscribe to its presence and read its profile; presence subscriptions carry it.
 * Held in memory, the newest per user, at most {@value #MAX} users (the oldest entry is dropped first).
 * Thread-safe.
 */
public final class PrivacyTokens {

    static final int MAX = 10_000;

    /** One token and when it was issued. */
    public record Token(byte[] value, Instant issuedAt) {
        public Token {
            value = value.clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }
    }

    private final Map<Jid, Token> tokens = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Jid, Token> eldest) {
            return size() > MAX;
        }
    };

    /** Keeps {@code token} from {@code user} unless a newer one is held. */
    public synchronized void put(Jid user, Token token) {
        Jid key = user.toNonAd();
        Token held = tokens.get(key);
        if (held == null || !held.issuedAt().isAfter(token.issuedAt())) {
            tokens.put(key, token);
        }
    }

    /** The token {@code user} issued to us, if any. */
    public synchronized Optional<Token> get(Jid user) {
        return Optional.ofNullable(tokens.get(user.toNonAd()));
    }
}
