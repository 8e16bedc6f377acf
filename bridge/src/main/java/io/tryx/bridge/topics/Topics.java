package io.tryx.bridge.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names of the bridge's topics under one prefix: {@code <prefix>.events.<family>} per {@link EventFamily},
 * {@code <prefix>.commands}, {@code <prefix>.command-results} and {@code <prefix>.dead-letter}.
 *
 * @param prefix the configured topic prefix (default {@code tryx})
 */
public record Topics(String prefix) {

    public Topics {
        Objects.requireNonNull(prefix, "prefix");
    }

    /** The topic of one event family. */
    public String events(EventFamily family) {
        return prefix + ".events." + family.token();
    }

    /** Where callers put {@code Command}s. */
    public String commands() {
        return prefix + ".commands";
    }

    /** Where the bridge answers each command with one {@code CommandResult}. */
    public String commandResults() {
        return prefix + ".command-results";
    }

    /** Where command records the bridge cannot take go, as {@code DeadLetter}s. */
    public String deadLetter() {
        return prefix + ".dead-letter";
    }

    /** Every topic of the bridge: the event topics in family order, then commands, results, dead letters. */
    public List<String> all() {
        List<String> names = new ArrayList<>();
        for (EventFamily family : EventFamily.values()) {
            names.add(events(family));
        }
        names.add(commands());
        names.add(commandResults());
        names.add(deadLetter());
        return List.copyOf(names);
    }
}
