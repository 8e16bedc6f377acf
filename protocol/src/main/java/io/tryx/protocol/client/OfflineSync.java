package io.tryx.protocol.client;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.client.messaging.Messaging;

/**
 * The server's delivery of what it queued while the device was offline, as WhatsApp Web sees it: right after login
 * {@code <ib><offline_preview count message notification receipt appdata/></ib>} announces it, then the stanzas come,
 * then {@code <ib><offline count/></ib>} marks the end. The preview becomes {@link ClientEvent.OfflineSyncPreview},
 * delivered before any message it announces is handled; the end becomes {@link ClientEvent.OfflineSyncCompleted} once
 * every stanza that arrived before it was handled (its message listeners returned). Runs on the connection's thread
 * and never blocks.
 */
final class OfflineSync {

    private final ClientSession session;
    private final Messaging messaging;

    OfflineSync(ClientSession session, Messaging messaging) {
        this.session = session;
        this.messaging = messaging;
    }

    /** Takes the {@code ib} stanzas; ignores the rest. */
    void onStanza(Node stanza) {
        if (!stanza.tag().equals("ib")) {
            return;
        }
        for (Node child : stanza.children()) {
            switch (child.tag()) {
                case "offline_preview" -> messaging.holdInboundUntil(session.emitted(new ClientEvent.OfflineSyncPreview(
                        count(child, "count"), count(child, "message"), count(child, "notification"),
                        count(child, "receipt"), count(child, "appdata"))));
                case "offline" -> {
                    ClientEvent done = new ClientEvent.OfflineSyncCompleted(count(child, "count"));
                    messaging.inboundIdle().whenComplete((ignored, error) -> session.emit(done));
                }
                default -> { }
            }
        }
    }

    private static int count(Node node, String attribute) {
        try {
            return node.attrs().optionalString(attribute).map(Integer::parseInt).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
