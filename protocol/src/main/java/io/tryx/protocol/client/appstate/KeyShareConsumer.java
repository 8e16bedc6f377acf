package io.tryx.protocol.client.appstate;

import io.tryx.protocol.client.messaging.MessageInfo;
import io.tryx.protocol.client.messaging.PeerMessageConsumer;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.AppStateSyncKey;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes {@code APP_STATE_SYNC_KEY_SHARE} protocol messages: those of our own primary device (device 0 of our
 * account, phone number or LID) are stored, all keys in one unit of work, before the message is acknowledged, then
 * {@code onKeys} runs (it starts a sync, asynchronously); a share from anyone else is taken and dropped.
 */
final class KeyShareConsumer implements PeerMessageConsumer {

    private static final Logger log = LoggerFactory.getLogger(KeyShareConsumer.class);

    private final AccountStore store;
    private final Runnable onKeys;

    KeyShareConsumer(AccountStore store, Runnable onKeys) {
        this.store = store;
        this.onKeys = onKeys;
    }

    @Override
    public boolean consume(MessageInfo info, E2EProto.Message message) {
        if (!message.hasProtocolMessage()
                || message.getProtocolMessage().getType() != E2EProto.Message.ProtocolMessage.Type.APP_STATE_SYNC_KEY_SHARE) {
            return false;
        }
        DeviceCredentials own = store.load().filter(DeviceCredentials::isPaired).orElse(null);
        if (own == null || !fromOwnPrimary(info.sender(), own)) {
            log.warn("app-state key share from {} ignored: not our primary device", info.sender());
            return true;
        }
        var share = message.getProtocolMessage().getAppStateSyncKeyShare();
        UnitOfWork work = store.begin();
        int stored = 0;
        for (E2EProto.Message.AppStateSyncKey key : share.getKeysList()) {
            if (key.getKeyId().getKeyId().isEmpty() || key.getKeyData().getKeyData().isEmpty()) {
                continue;
            }
            var data = key.getKeyData();
            work.storeAppStateSyncKey(new AppStateSyncKey(key.getKeyId().getKeyId().toByteArray(),
                    data.getKeyData().toByteArray(),
                    data.hasFingerprint() ? data.getFingerprint().toByteArray() : new byte[0], data.getTimestamp()));
            stored++;
        }
        work.commit();
        log.info("stored {} app-state sync key(s) from our phone", stored);
        if (stored > 0) {
            onKeys.run();
        }
        return true;
    }

    static boolean fromOwnPrimary(Jid sender, DeviceCredentials own) {
        if (sender.device() != 0) {
            return false;
        }
        return sender.sameUser(own.deviceJid().toNonAd()) || (own.lid() != null && sender.sameUser(own.lid().toNonAd()));
    }
}
