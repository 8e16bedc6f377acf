package io.tryx.simulator.admin;

import java.util.Optional;

/** A group of admin endpoints a service adds with {@link AdminApi#extend}: the answer when the path is one of its own. */
@FunctionalInterface
public interface AdminEndpoints {

    /** The answer when {@code path} belongs to these endpoints, empty otherwise. */
    Optional<AdminResponse> handle(String method, String path, byte[] body);
}
