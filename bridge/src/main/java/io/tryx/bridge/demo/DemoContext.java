package io.tryx.bridge.demo;

import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.client.BridgeEndpoints;
import io.tryx.simulator.Simulator;

/**
 * What a {@link DemoScript} works with: the in-process simulator and its admin API, the running bridge, where
 * its topics are, the demo account (linked to the bridge) and a friend account (whose mock phone chats with it).
 *
 * @param accountPhone phone number of the account the bridge links (its JID is {@code <phone>@s.whatsapp.net})
 * @param friendPhone  phone number of the account that writes to it
 */
public record DemoContext(Simulator simulator, SimulatorAdmin admin, BridgeRuntime bridge, BridgeEndpoints endpoints,
                          String accountPhone, String friendPhone) {

    public String accountJid() {
        return accountPhone + "@s.whatsapp.net";
    }

    public String friendJid() {
        return friendPhone + "@s.whatsapp.net";
    }
}
