package io.tryx.bridge.commands;

import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Carries out the actions of one command namespace ({@code messages}, {@code account}, ...). */
interface NamespaceHandler {

    /** The action record classes it takes. */
    Set<Class<?>> actions();

    /**
     * Carries out {@code command} (its action is one of {@link #actions()}); completes with the success outputs or
     * exceptionally (a {@link CommandFailure}, or any error {@link Failures} maps).
     */
    CompletableFuture<CommandSucceeded> handle(Command command);
}
