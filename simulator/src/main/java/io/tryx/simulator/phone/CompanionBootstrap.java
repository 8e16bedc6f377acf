package io.tryx.simulator.phone;

import io.tryx.protocol.proto.HistoryProto.HistorySync;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.appstate.AppStateService;
import io.tryx.simulator.history.HistorySyncBlobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the mock phone does for a companion it just linked, once the companion uploaded its Signal keys (the
 * phone needs its bundle to encrypt): it sends, as peer messages from device 0, first the account's app-state
 * sync key ({@code APP_STATE_SYNC_KEY_SHARE}), then one {@code HISTORY_SYNC_NOTIFICATION} per history chunk
 * (built from its {@link io.tryx.simulator.history.ChatHistory} and uploaded to the media host). Runs on one
 * worker thread, so the connection's event loop is never blocked and the messages keep this order.
 */
public final class CompanionBootstrap implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CompanionBootstrap.class);

    private final MockPhones phones;
    private final AppStateService appState;
    private final HistorySyncBlobs history;
    private final AtomicInteger completed = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "mock-phone-bootstrap");
        thread.setDaemon(true);
        return thread;
    });

    public CompanionBootstrap(MockPhones phones, AppStateService appState, HistorySyncBlobs history) {
        this.phones = phones;
        this.appState = appState;
        this.history = history;
    }

    /** Called when {@code device} uploaded its keys for the first time; the phone's messages follow shortly. */
    public void keysUploaded(LinkedDevice device) {
        worker.execute(() -> run(device));
    }

    /** How many companions were sent their key share and history so far. */
    public int completed() {
        return completed.get();
    }

    /** Sends the key share and the history now, on the calling thread. */
    void run(LinkedDevice device) {
        Account account = device.account();
        try {
            phones.sendPeer(account, device.deviceId(), appState.phone(account).keyShare());
            int chunks = 0;
            var chats = phones.phone(account).history();
            boolean corrupt = chats.takeCorruption();
            for (HistorySync chunk : HistorySyncBlobs.chunks(chats)) {
                phones.sendPeer(account, device.deviceId(), history.upload(chunk, corrupt && chunks == 0));
                chunks++;
            }
            completed.incrementAndGet();
            log.info("phone {}: sent {} the app state key and {} history chunks", account.phone(), device.jid(), chunks);
        } catch (RuntimeException e) {
            log.warn("phone {}: bootstrap of {} failed: {}", account.phone(), device.jid(), e.toString(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
