package io.tryx.bridge.accounts;

import io.tryx.bridge.app.AccountStatus;
import io.tryx.protocol.client.ClientSession;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.AccountStore;
import io.tryx.protocol.store.DeviceCredentials;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One account the bridge runs: its id (the user JID, also its store's id), its store, its current
 * {@link WhatsAppClient} and what the status page shows (state, QR, pair code, device). Mutable state is written on
 * the account's serial lifecycle executor (and by the host while it (re)starts the account) and read anywhere.
 */
public final class HostedAccount implements AccountView {

    private final String accountId;
    private final Jid jid;
    private volatile AccountStore store;
    private final SerialExecutor lifecycle;
    private volatile WhatsAppClient client;
    private volatile PairingMode mode = PairingMode.LOGIN;
    private volatile String qrCode;
    private volatile String pairCode;
    private volatile String device;
    private volatile String lid;
    private volatile String terminal;
    private volatile boolean logoutRequested;
    private volatile boolean foreignPhone;
    private volatile CompletableFuture<Void> pairingStarted = new CompletableFuture<>();
    private volatile CompletableFuture<Void> loggedOut = new CompletableFuture<>();
    private volatile CompletableFuture<Void> online = new CompletableFuture<>();
    private int qrsShown;
    private boolean pairCodeRequested;

    HostedAccount(Jid jid, AccountStore store, SerialExecutor lifecycle) {
        this.accountId = jid.toString();
        this.jid = jid;
        this.store = store;
        this.lifecycle = lifecycle;
        store.load().filter(DeviceCredentials::isPaired).ifPresent(this::linked);
    }

    /** The account's id: its user JID ({@code 15551234567@s.whatsapp.net}). */
    @Override
    public String accountId() {
        return accountId;
    }

    /** The account's user JID. */
    public Jid jid() {
        return jid;
    }

    /** Our linked device's JID once paired. */
    @Override
    public Optional<String> device() {
        return Optional.ofNullable(device);
    }

    /** The account's LID user JID (no device part) once the server told it. */
    @Override
    public Optional<String> lid() {
        return Optional.ofNullable(lid);
    }

    /** The client when it is logged in and online. */
    public Optional<WhatsAppClient> connectedClient() {
        WhatsAppClient current = client;
        return current != null && current.session().state() == ClientSession.State.CONNECTED
                ? Optional.of(current) : Optional.empty();
    }

    /** True while a LogOut or RemoveAccount of this account is under way (or was the last thing that happened). */
    public boolean logoutRequested() {
        return logoutRequested;
    }

    /** How the account links, as last asked. */
    public PairingMode mode() {
        return mode;
    }

    /** What the status page shows. */
    public AccountStatus status() {
        String state = state();
        boolean pairing = state.equals(ClientSession.State.PAIRING.name());
        return new AccountStatus(accountId, Optional.ofNullable(device), state,
                Optional.ofNullable(pairing && mode == PairingMode.QR ? qrCode : null),
                Optional.ofNullable(pairing && mode == PairingMode.PAIR_CODE ? pairCode : null));
    }

    /** The connection state: the session's, or why the account stopped ({@code LOGGED_OUT}, {@code PAIRING_TIMED_OUT}, ...). */
    @Override
    public String state() {
        if (terminal != null) {
            return terminal;
        }
        WhatsAppClient current = client;
        return current == null ? ClientSession.State.IDLE.name() : current.session().state().name();
    }

    AccountStore store() {
        return store;
    }

    /** Uses {@code reopened} from now on (the old store was voided: a state transaction did not commit). */
    void replaceStore(AccountStore reopened) {
        store = reopened;
    }

    SerialExecutor lifecycle() {
        return lifecycle;
    }

    WhatsAppClient client() {
        return client;
    }

    /** True when the account runs and has not stopped for good (a stopped one may be added again). */
    boolean active() {
        WhatsAppClient current = client;
        return current != null && terminal == null && current.session().state() != ClientSession.State.STOPPED;
    }

    void attach(WhatsAppClient newClient, PairingMode newMode) {
        client = newClient;
        mode = newMode;
        terminal = null;
        qrCode = null;
        pairCode = null;
        logoutRequested = false;
        foreignPhone = false;
        pairingStarted = new CompletableFuture<>();
        loggedOut = new CompletableFuture<>();
        online = new CompletableFuture<>();
        lifecycle.execute(() -> {
            qrsShown = 0;
            pairCodeRequested = false;
        });
    }

    CompletableFuture<Void> pairingStarted() {
        return pairingStarted;
    }

    CompletableFuture<Void> loggedOut() {
        return loggedOut;
    }

    /** Completes once the current client logged in (its first {@code Connected}). */
    CompletableFuture<Void> online() {
        return online;
    }

    void wentOnline() {
        online.complete(null);
    }

    void requestLogout() {
        logoutRequested = true;
    }

    void cancelLogout() {
        logoutRequested = false;
    }

    /** Counts a QR code shown; returns how many were shown before on this connection (lifecycle executor). */
    int nextQr(String code) {
        qrCode = code;
        return qrsShown++;
    }

    /** Connection ended: the next registration connection starts with a first QR again (lifecycle executor). */
    void connectionEnded() {
        qrsShown = 0;
    }

    /** True the first time (lifecycle executor): pair-code mode asks for its code once per pairing. */
    boolean claimPairCodeRequest() {
        if (pairCodeRequested) {
            return false;
        }
        pairCodeRequested = true;
        return true;
    }

    void showPairCode(String code) {
        pairCode = code;
    }

    void paired(Jid deviceJid, Jid lidJid) {
        device = deviceJid.toString();
        lid = lidJid == null ? null : lidJid.toNonAd().toString();
        qrCode = null;
        pairCode = null;
        foreignPhone = !deviceJid.user().equals(jid.user());
    }

    boolean linkedToForeignPhone() {
        return foreignPhone;
    }

    void stopped(String why) {
        terminal = why;
    }

    private void linked(DeviceCredentials credentials) {
        device = credentials.deviceJid().toString();
        lid = credentials.lid() == null ? null : credentials.lid().toNonAd().toString();
    }
}
