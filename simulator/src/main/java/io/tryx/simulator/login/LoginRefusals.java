package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Accounts whose logins the server refuses, as the real server refuses banned or locked accounts: each login of one
 * of their devices gets {@code <failure reason=...>} (402 temporary ban with its {@code code} and {@code expire}
 * seconds, 403 locked / main device gone, 406 banned, ...) until cleared. Thread-safe.
 */
public final class LoginRefusals {

    /** One refusal: the failure {@code reason}, and for a temporary ban (402) its reason {@code code} and {@code expireSeconds}. */
    public record Refusal(int reason, int code, long expireSeconds) {
        public Refusal {
            if (reason < 400 || reason > 599) {
                throw new IllegalArgumentException("a failure reason is a 4xx or 5xx code, not " + reason);
            }
        }

        /** The {@code failure} node the server answers a login with. */
        public Node failure() {
            Node.Builder failure = Node.builder("failure").attr("reason", Integer.toString(reason));
            if (reason == 402) {
                failure.attr("code", Integer.toString(code)).attr("expire", Long.toString(expireSeconds));
            }
            return failure.build();
        }
    }

    private final Map<String, Refusal> byPhone = new ConcurrentHashMap<>();

    public void refuse(String phone, Refusal refusal) {
        byPhone.put(phone, refusal);
    }

    /** Lets the account log in again; true when it was refused. */
    public boolean clear(String phone) {
        return byPhone.remove(phone) != null;
    }

    public Optional<Refusal> of(String phone) {
        return Optional.ofNullable(byPhone.get(phone));
    }
}
