package io.tryx.simulator.phone;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The polls one mock phone created or received, with their secrets, so it can vote on them and read the votes
 * on them. Bounded: beyond {@code limit} polls the oldest is forgotten (a vote on it then fails to open). Not
 * thread-safe: the phone guards it.
 */
final class PollBook {

    /** A poll: its chat (as the phone names it), id, creator (user JID without device), name, options and secret. */
    record KnownPoll(String chat, String id, String creator, String name, List<String> options, int selectableCount,
                     byte[] secret) {
        KnownPoll {
            options = List.copyOf(options);
            secret = secret.clone();
        }
    }

    private final Map<String, KnownPoll> polls;

    PollBook(int limit) {
        this.polls = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, KnownPoll> eldest) {
                return size() > limit;
            }
        };
    }

    void remember(KnownPoll poll) {
        polls.put(poll.id(), poll);
    }

    Optional<KnownPoll> find(String id) {
        return Optional.ofNullable(polls.get(id));
    }

    int size() {
        return polls.size();
    }
}
