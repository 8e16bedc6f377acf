package io.tryx.bridge.demo;

/**
 * What happens in {@code tryx demo} once the bridge and the simulator run: creating the simulated people, linking
 * the demo account to the bridge and making them chat. The launcher uses the implementation registered under
 * {@code META-INF/services/io.tryx.bridge.demo.DemoScript} if there is one, else {@link PhoneChatDemo}.
 */
@FunctionalInterface
public interface DemoScript {

    /** Starts the script's activity in the background; closing the handle stops it. */
    AutoCloseable start(DemoContext context);
}
