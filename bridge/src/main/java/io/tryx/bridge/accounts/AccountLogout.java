package io.tryx.bridge.accounts;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.ClientSession;
import io.tryx.protocol.jid.Jid;

import java.util.concurrent.CompletableFuture;

/**
 * Asks the server to unlink our device ({@code <iq xmlns="md" type="set"><remove-companion-device jid
 * reason="user_initiated"/></iq>}, as WhatsApp Web's logout does). The server answers and ends the session with
 * {@code conflict type="device_removed"}, on which the runtime wipes the account's store and reports LoggedOut.
 */
final class AccountLogout {

    private AccountLogout() {
    }

    static CompletableFuture<Node> request(ClientSession session, Jid device) {
        Node iq = Node.builder("iq").attr("id", session.nextIqId()).attr("xmlns", "md").attr("type", "set")
                .attr("to", Jid.USER_SERVER)
                .children(Node.builder("remove-companion-device").attr("jid", device).attr("reason", "user_initiated")
                        .build())
                .build();
        return session.query(iq);
    }
}
