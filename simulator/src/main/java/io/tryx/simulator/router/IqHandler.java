package io.tryx.simulator.router;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.connection.ChatConnection;

import java.util.List;
import java.util.Optional;

/**
 * Answers IQs of one {@code xmlns}. Returns the result's children (empty list for a bare result), or
 * {@link Optional#empty()} when the handler answers itself later; throws {@link IqException} for an error.
 */
@FunctionalInterface
public interface IqHandler {

    Optional<List<Node>> handle(ChatConnection connection, Node iq);
}
