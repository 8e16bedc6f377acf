package io.tryx.bridge.commands;

import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Sends each command to the handler of its action's namespace; actions no handler takes go to {@link UnsupportedCommands}. */
final class CommandRouter {

    private final Map<Class<?>, NamespaceHandler> byAction = new HashMap<>();
    private final NamespaceHandler fallback = new UnsupportedCommands();

    CommandRouter(List<NamespaceHandler> handlers) {
        for (NamespaceHandler handler : handlers) {
            handler.actions().forEach(action -> byAction.put(action, handler));
        }
    }

    /** Runs the command's handler; what it throws becomes the returned future's failure. */
    CompletableFuture<CommandSucceeded> route(Command command) {
        Object action = command.getAction();
        NamespaceHandler handler = action == null ? fallback : byAction.getOrDefault(action.getClass(), fallback);
        try {
            return handler.handle(command);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
