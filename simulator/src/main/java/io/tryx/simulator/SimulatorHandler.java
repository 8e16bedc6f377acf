package io.tryx.simulator;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.connection.ConnectionHandler;
import io.tryx.simulator.login.DeviceSessions;
import io.tryx.simulator.login.LoginService;
import io.tryx.simulator.messaging.Delivery;
import io.tryx.simulator.pairing.LinkCodePairing;
import io.tryx.simulator.pairing.PairingService;
import io.tryx.simulator.router.StanzaRouter;
import io.tryx.simulator.version.WebVersions;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects the pieces: a registration payload (no username, device pairing data) starts QR pairing, a login
 * payload goes to {@link LoginService} (both only from a version {@link WebVersions} accepts, else 405) (and {@link DeviceSessions}: one connection per device); stanzas go
 * to the {@link StanzaRouter}. Tracks open connections.
 */
final class SimulatorHandler implements ConnectionHandler {

    private final PairingService pairing;
    private final LoginService login;
    private final StanzaRouter router;
    private final DeviceSessions sessions;
    private final LinkCodePairing linkCodes;
    private final Delivery delivery;
    private final WebVersions versions;
    private final Set<ChatConnection> connections = ConcurrentHashMap.newKeySet();

    SimulatorHandler(PairingService pairing, LinkCodePairing linkCodes, LoginService login, DeviceSessions sessions,
                     Delivery delivery, StanzaRouter router, WebVersions versions) {
        this.versions = versions;
        this.delivery = delivery;
        this.sessions = sessions;
        this.linkCodes = linkCodes;
        this.pairing = pairing;
        this.login = login;
        this.router = router;
        sessions.register(router);
        linkCodes.register(router);
    }

    @Override
    public void onAuthenticated(ChatConnection connection, ClientPayload payload) {
        connections.add(connection);
        if (!versions.accepts(payload)) {
            connection.failure(405); // client outdated, as the real server answers it
            return;
        }
        if (!payload.hasUsername()) {
            pairing.begin(connection);
        } else {
            login.login(connection, payload).ifPresent(device -> {
                sessions.loggedIn(device, connection);
                int count = delivery.flush(device.jid(), connection);
                connection.send(Node.builder("ib").children(Node.builder("offline").attr("count", count).build()).build());
            });
        }
    }

    @Override
    public void onStanza(ChatConnection connection, Node stanza) {
        if (connection.device() != null) {
            delivery.acknowledged(connection.device().jid(), stanza);
        }
        router.route(connection, stanza);
    }

    @Override
    public void onClosed(ChatConnection connection) {
        connections.remove(connection);
        pairing.onClosed(connection);
        sessions.closed(connection);
        linkCodes.onClosed(connection);
    }

    int openConnections() {
        return connections.size();
    }
}
