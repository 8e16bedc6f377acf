package io.tryx.bridge.registry;

import java.util.List;

/** The answer to a compatibility check; {@code messages} carries the registry's reasons when it gives any. */
public record CompatibilityResult(boolean compatible, List<String> messages) {
    public CompatibilityResult {
        messages = List.copyOf(messages);
    }
}
