package io.tryx.bridge.accounts;

import io.tryx.bridge.accounts.AccountException.Reason;
import io.tryx.bridge.app.AccountStatus;
import io.tryx.protocol.client.ClientConfig;
import io.tryx.protocol.client.ClientEvent;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.MessagingConfig;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.StoreBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs many accounts in one process on shared {@link HostResources}: one {@link WhatsAppClient} per account over
 * its store from the {@link StoreBackend}, lifecycle events on a serial executor per account (no thread per
 * account), message events on the shared workers. Adds accounts (pairing by QR or phone code), logs them out and
 * removes them; everything an account reports goes to the {@link AccountObserver}. Thread-safe.
 */
public final class AccountHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccountHost.class);
    /** How long a logout waits for the server to end the session before the bridge wipes the account itself. */
    private static final Duration LOGOUT_GRACE = Duration.ofSeconds(10);

    private final HostResources resources;
    private final StoreBackend backend;
    private final AccountObserver observer;
    private final ClientConfig clientConfig;
    private final MessagingConfig messagingConfig;
    private final InstantSource clock;
    private final Map<String, HostedAccount> accounts = new ConcurrentHashMap<>();

    public AccountHost(HostResources resources, StoreBackend backend, AccountObserver observer,
                       ClientConfig clientConfig, MessagingConfig messagingConfig, InstantSource clock) {
        this.resources = resources;
        this.backend = backend;
        this.observer = observer;
        this.clientConfig = clientConfig;
        this.messagingConfig = messagingConfig;
        this.clock = clock;
    }

    /** Starts every account the store has credentials for: linked ones log in, unfinished pairings start again by QR. */
    public synchronized void startStored() {
        for (String id : backend.accountIds()) {
            Jid jid;
            try {
                jid = Jid.parse(id);
            } catch (RuntimeException e) {
                LOG.warn("skipping stored account with an invalid id {}", id);
                continue;
            }
            HostedAccount account = accounts.computeIfAbsent(id, k -> newAccount(jid));
            boolean paired = account.store().load().filter(DeviceCredentials::isPaired).isPresent();
            launch(account, paired ? PairingMode.LOGIN : PairingMode.QR);
        }
    }

    /**
     * Starts the stored accounts {@code ids} (of partitions this instance took over), each over its store opened
     * anew: a linked one logs in, one whose pairing did not finish pairs by QR code again. Accounts running here
     * already are left alone. The future completes once every linked one started here is online.
     */
    public synchronized CompletableFuture<Void> start(Collection<String> ids) {
        List<CompletableFuture<Void>> online = new ArrayList<>();
        for (String id : ids) {
            Jid jid;
            try {
                jid = Jid.parse(id);
            } catch (RuntimeException e) {
                LOG.warn("skipping stored account with an invalid id {}", id);
                continue;
            }
            HostedAccount existing = accounts.get(id);
            if (existing != null && existing.active()) {
                continue;
            }
            HostedAccount account = existing != null ? existing : newAccount(jid);
            if (existing != null) {
                account.replaceStore(backend.open(id));
            }
            accounts.put(id, account);
            boolean paired = account.store().load().filter(DeviceCredentials::isPaired).isPresent();
            launch(account, paired ? PairingMode.LOGIN : PairingMode.QR);
            if (paired) {
                online.add(account.online());
            }
        }
        return CompletableFuture.allOf(online.toArray(CompletableFuture[]::new));
    }

    /**
     * Closes the account's WhatsApp connection now and forgets the account here (its state stays stored): another
     * instance runs it from now on. Returns once the connection is closed.
     */
    public synchronized void release(String accountId, String why) {
        HostedAccount account = accounts.remove(accountId);
        if (account == null) {
            return;
        }
        WhatsAppClient client = account.client();
        if (client != null) {
            client.close();
        }
        account.stopped(why);
        LOG.info("{}: released here, {}", accountId, why);
    }

    /** The ids of the accounts hosted here (running or not). */
    public Set<String> accountIds() {
        return Set.copyOf(accounts.keySet());
    }

    /**
     * Adds {@code jid} (a user JID without device) and starts pairing; completes once pairing started (the first
     * QR code or the pair code was issued). Fails with {@link AccountException} {@code CONFLICT} when the account
     * already runs or is linked.
     */
    public synchronized CompletableFuture<Void> add(Jid jid, PairingMode mode) {
        if (mode == PairingMode.LOGIN) {
            throw new IllegalArgumentException("adding an account pairs it: QR or PAIR_CODE");
        }
        String id = jid.toString();
        HostedAccount existing = accounts.get(id);
        if (existing != null && existing.active()) {
            return CompletableFuture.failedFuture(new AccountException(Reason.CONFLICT,
                    "account " + id + " is already added (" + existing.state() + ")"));
        }
        HostedAccount account = existing != null ? existing : newAccount(jid);
        Optional<DeviceCredentials> stored = account.store().load();
        if (stored.filter(DeviceCredentials::isPaired).isPresent()) {
            return CompletableFuture.failedFuture(new AccountException(Reason.CONFLICT,
                    "account " + id + " is linked already; LogOut or RemoveAccount it first"));
        }
        if (stored.isPresent()) {
            account.store().clear(); // an unfinished pairing: start from fresh keys
        }
        accounts.put(id, account);
        launch(account, mode);
        return account.pairingStarted();
    }

    /**
     * Logs the account out: the server unlinks our device and the runtime wipes its store; the account stays
     * listed, {@code LOGGED_OUT}. Completes when that happened.
     */
    public CompletableFuture<Void> logOut(String accountId) {
        HostedAccount account = accounts.get(accountId);
        if (account == null) {
            return CompletableFuture.failedFuture(unknown(accountId));
        }
        return logOut(account);
    }

    /** Logs the account out if it is connected, stops it and deletes everything stored for it. */
    public CompletableFuture<Void> remove(String accountId) {
        HostedAccount account = accounts.get(accountId);
        if (account == null) {
            return CompletableFuture.failedFuture(unknown(accountId));
        }
        CompletableFuture<Void> logout = account.connectedClient().isPresent()
                ? logOut(account).exceptionally(error -> {
                    LOG.warn("{}: logout before removal failed, removing anyway: {}", accountId, error.toString());
                    return null;
                })
                : CompletableFuture.completedFuture(null);
        return logout.thenRun(() -> {
            synchronized (this) {
                WhatsAppClient client = account.client();
                if (client != null) {
                    client.close();
                }
                account.stopped("REMOVED");
                account.store().clear();
                accounts.remove(accountId, account);
            }
            LOG.info("{}: removed", accountId);
        });
    }

    /**
     * Closes the account's connection and connects again with a new client over the store opened anew (a store
     * backend that voided the old one restores it): what the old connection did not acknowledge, the server
     * delivers again. For a state transaction that did not commit.
     * Runs on the account's lifecycle executor; does nothing for an account that is not running.
     */
    public void reconnect(String accountId, String why) {
        HostedAccount account = accounts.get(accountId);
        if (account == null) {
            return;
        }
        account.lifecycle().execute(() -> {
            synchronized (this) {
                if (!account.active() || accounts.get(accountId) != account) {
                    return;
                }
                WhatsAppClient old = account.client();
                if (old != null) {
                    old.close();
                }
                account.replaceStore(backend.open(accountId));
                if (account.store().load().filter(DeviceCredentials::isPaired).isEmpty()) {
                    LOG.warn("{}: not linked after reloading its state; stopped", accountId);
                    account.stopped("LOGIN_FAILED");
                    return;
                }
                LOG.warn("{}: reconnecting with its state reloaded, {}", accountId, why);
                launch(account, PairingMode.LOGIN);
            }
        });
    }

    /**
     * Stops the account's client for good here (state {@code why}); its store stays as it is. For an account that
     * another bridge instance took over: this one must not keep its WhatsApp connection.
     */
    public void stop(String accountId, String why) {
        HostedAccount account = accounts.get(accountId);
        if (account == null) {
            return;
        }
        account.lifecycle().execute(() -> {
            synchronized (this) {
                WhatsAppClient client = account.client();
                if (client != null) {
                    client.close();
                }
                account.stopped(why);
            }
            LOG.warn("{}: stopped, {}", accountId, why);
        });
    }

    /** The hosted account with this id. */
    public Optional<HostedAccount> find(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    /** Every hosted account's status, ordered by account id. */
    public List<AccountStatus> statuses() {
        return accounts.values().stream().sorted(Comparator.comparing(HostedAccount::accountId))
                .map(HostedAccount::status).toList();
    }

    /** Stops every client (the accounts stay stored for the next start). */
    @Override
    public synchronized void close() {
        for (HostedAccount account : accounts.values()) {
            WhatsAppClient client = account.client();
            if (client != null) {
                client.close();
            }
        }
    }

    private HostedAccount newAccount(Jid jid) {
        return new HostedAccount(jid, backend.open(jid.toString()), resources.serialLifecycle());
    }

    private void launch(HostedAccount account, PairingMode mode) {
        WhatsAppClient previous = account.client();
        if (previous != null) {
            previous.close();
        }
        WhatsAppClient client = new WhatsAppClient(resources.connector(), account.store(), clientConfig,
                messagingConfig, resources.mediaHttp(), resources.scheduler(), account.lifecycle(), resources.workers(), clock);
        client.addListener(event -> {
            if (account.client() == client) {
                onLifecycle(account, client, event);
            }
        });
        client.addMessageListener(event -> observer.onMessage(account, event));
        client.addHistoryListener(event -> observer.onHistory(account, event));
        client.addUpdateListener(event -> observer.onUpdate(account, event));
        client.addChatSyncListener(event -> observer.onChatSync(account, event));
        client.addDeviceListener(event -> observer.onDevice(account, event));
        client.addCallListener(event -> observer.onCall(account, event));
        client.addNewsletterListener(event -> observer.onNewsletter(account, event));
        account.attach(client, mode);
        LOG.info("{}: starting ({})", account.accountId(), mode);
        client.start().exceptionally(error -> {
            LOG.info("{}: first connection failed, retrying: {}", account.accountId(), error.toString());
            return null;
        });
    }

    /** Runs on the account's serial lifecycle executor. */
    private void onLifecycle(HostedAccount account, WhatsAppClient client, ClientEvent event) {
        Duration qrLifetime = Duration.ZERO;
        switch (event) {
            case ClientEvent.QrCode qr -> {
                if (account.mode() == PairingMode.PAIR_CODE) {
                    if (account.claimPairCodeRequest()) {
                        requestPairCode(account, client);
                    }
                    return; // pairing by code: no QR to show
                }
                qrLifetime = account.nextQr(qr.qr()) == 0 ? clientConfig.firstQrTimeout() : clientConfig.nextQrTimeout();
            }
            case ClientEvent.PairSuccess paired -> account.paired(paired.jid(), paired.lid());
            case ClientEvent.Connected connected -> {
                account.paired(connected.jid(), connected.lid());
                account.wentOnline();
            }
            case ClientEvent.Disconnected ignored -> account.connectionEnded();
            case ClientEvent.LoggedOut ignored -> account.stopped("LOGGED_OUT");
            case ClientEvent.StreamReplaced ignored -> account.stopped("STREAM_REPLACED");
            case ClientEvent.LoginFailed ignored -> account.stopped("LOGIN_FAILED");
            case ClientEvent.TemporaryBan ignored -> account.stopped("TEMPORARY_BAN");
            case ClientEvent.QrTimeout ignored -> account.stopped("PAIRING_TIMED_OUT");
            case ClientEvent.PreKeysUploaded ignored -> { }
            case ClientEvent.SignedPreKeyRotated ignored -> { }
            case ClientEvent.OfflineSyncPreview ignored -> { }
            case ClientEvent.OfflineSyncCompleted ignored -> { }
        }
        deliver(account, event, qrLifetime);
        switch (event) {
            case ClientEvent.QrCode ignored -> account.pairingStarted().complete(null);
            case ClientEvent.QrTimeout ignored -> account.pairingStarted().completeExceptionally(
                    new AccountException(Reason.PAIRING_FAILED, "pairing timed out"));
            case ClientEvent.LoggedOut ignored -> account.loggedOut().complete(null);
            case ClientEvent.Connected ignored when account.linkedToForeignPhone() -> {
                LOG.warn("{}: linked by the phone of another number ({}); unlinking", account.accountId(),
                        account.device().orElse("?"));
                logOut(account).exceptionally(error -> {
                    LOG.warn("{}: unlinking the foreign device failed: {}", account.accountId(), error.toString());
                    return null;
                });
            }
            default -> { }
        }
    }

    private void deliver(HostedAccount account, ClientEvent event, Duration qrLifetime) {
        try {
            observer.onLifecycle(account, event, new ConnectionHints(qrLifetime,
                    account.mode() == PairingMode.PAIR_CODE, account.logoutRequested()));
        } catch (RuntimeException e) {
            LOG.warn("{}: observer failed on {}: {}", account.accountId(), event.getClass().getSimpleName(), e.toString());
        }
    }

    private void requestPairCode(HostedAccount account, WhatsAppClient client) {
        client.session().requestPairCode(account.jid().user()).whenComplete((code, error) -> account.lifecycle().execute(() -> {
            if (error != null) {
                LOG.warn("{}: pair code request failed: {}", account.accountId(), error.toString());
                account.pairingStarted().completeExceptionally(error);
                return;
            }
            account.showPairCode(code);
            try {
                observer.onPairCode(account, code);
            } catch (RuntimeException e) {
                LOG.warn("{}: observer failed on the pair code: {}", account.accountId(), e.toString());
            }
            account.pairingStarted().complete(null);
        }));
    }

    private CompletableFuture<Void> logOut(HostedAccount account) {
        WhatsAppClient client = account.connectedClient().orElse(null);
        Optional<DeviceCredentials> credentials = account.store().load().filter(DeviceCredentials::isPaired);
        if (client == null || credentials.isEmpty()) {
            return CompletableFuture.failedFuture(new AccountException(Reason.NOT_CONNECTED,
                    "account " + account.accountId() + " is not connected (" + account.state() + ")"));
        }
        account.requestLogout();
        CompletableFuture<Void> loggedOut = account.loggedOut();
        return AccountLogout.request(client.session(), credentials.get().deviceJid())
                .thenCompose(answer -> loggedOut.completeOnTimeout(null, LOGOUT_GRACE.toMillis(), TimeUnit.MILLISECONDS))
                .thenRun(() -> {
                    if (!account.state().equals("LOGGED_OUT")) {
                        // the server did not end the session: stop and forget the device ourselves
                        client.close();
                        account.store().clear();
                        account.lifecycle().execute(() -> {
                            account.stopped("LOGGED_OUT");
                            deliver(account, new ClientEvent.LoggedOut("logged out on request"), Duration.ZERO);
                        });
                    }
                    LOG.info("{}: logged out", account.accountId());
                })
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        account.cancelLogout();
                    }
                });
    }

    private static AccountException unknown(String accountId) {
        return new AccountException(Reason.UNKNOWN_ACCOUNT, "the bridge does not host account " + accountId);
    }
}
