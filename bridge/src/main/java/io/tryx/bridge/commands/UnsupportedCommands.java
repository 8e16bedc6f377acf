package io.tryx.bridge.commands;

import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import org.apache.avro.specific.SpecificRecord;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Actions no handler takes (a namespace the protocol runtime has no API for yet, or an action this bridge does not
 * know): each fails with {@code UNSUPPORTED} and a message saying what is missing. Never a pretended success.
 */
final class UnsupportedCommands implements NamespaceHandler {

    private static final Map<String, String> WHY = Map.of(
            "polls", "polls need message secrets and vote encryption the protocol runtime does not keep yet");

    @Override
    public Set<Class<?>> actions() {
        return Set.of();
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        String namespace = namespaceOf(command.getAction());
        String action = command.getAction() instanceof SpecificRecord record ? record.getSchema().getName() : "?";
        throw CommandFailure.unsupported(namespace + "." + action + " is not supported yet: "
                + WHY.getOrDefault(namespace, "no handler for this action"));
    }

    /** The last part of the action's namespace ({@code io.tryx.commands.v1.groups} -> {@code groups}). */
    static String namespaceOf(Object action) {
        if (!(action instanceof SpecificRecord record)) {
            return "?";
        }
        String namespace = record.getSchema().getNamespace();
        return namespace.substring(namespace.lastIndexOf('.') + 1);
    }
}
