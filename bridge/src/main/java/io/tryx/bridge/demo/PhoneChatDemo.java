package io.tryx.bridge.demo;

import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.client.BridgeClientException;
import io.tryx.bridge.client.CommandClient;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.account.AddAccount;
import io.tryx.commands.v1.account.PairingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default demo: creates the demo account and the friend on the simulator (their mock phones), adds the demo
 * account to the bridge with an {@code AddAccount} (QR) command, lets the
 * account's mock phone scan each QR code the bridge shows until the account is connected, then makes the
 * friend's mock phone send the account a text every {@link #CHAT_INTERVAL}. Everything runs on one background
 * thread; failures are logged and retried on the next tick.
 */
public final class PhoneChatDemo implements DemoScript {

    /** How often the friend writes. */
    public static final Duration CHAT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration LINK_TICK = Duration.ofMillis(500);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(PhoneChatDemo.class);

    /** Creates the two simulator accounts (failing when the simulator refuses), then starts in the background. */
    @Override
    public AutoCloseable start(DemoContext context) {
        context.admin().createAccount(context.accountPhone(), "Tryx demo");
        context.admin().createAccount(context.friendPhone(), "Demo friend");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("tryx-demo").factory());
        Run run = new Run(context, scheduler);
        scheduler.execute(run::addAccount);
        return () -> {
            scheduler.shutdownNow();
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        };
    }

    /** One demo run's state, touched only by its scheduler thread. */
    private static final class Run {
        private final DemoContext context;
        private final ScheduledExecutorService scheduler;
        private final AtomicInteger sent = new AtomicInteger();
        private ScheduledFuture<?> linking;
        private String lastScanned;

        Run(DemoContext context, ScheduledExecutorService scheduler) {
            this.context = context;
            this.scheduler = scheduler;
        }

        void addAccount() {
            Command add = Command.newBuilder()
                    .setCommandId("demo-add-" + UUID.randomUUID())
                    .setAccount(context.accountJid())
                    .setIssuedAt(Instant.now())
                    .setAction(AddAccount.newBuilder().setMode(PairingMode.QR).build())
                    .build();
            try (CommandClient commands = new CommandClient(context.endpoints())) {
                commands.execute(add, COMMAND_TIMEOUT).ifPresentOrElse(
                        outcome -> LOG.info("demo: AddAccount {} -> {}", context.accountJid(), outcome.result()),
                        () -> LOG.warn("demo: no result for AddAccount {} within {}", context.accountJid(), COMMAND_TIMEOUT));
            } catch (BridgeClientException e) {
                LOG.warn("demo: cannot add {}: {}", context.accountJid(), e.getMessage());
            }
            linking = scheduler.scheduleWithFixedDelay(this::link, 0, LINK_TICK.toMillis(), TimeUnit.MILLISECONDS);
        }

        void link() {
            try {
                linkStep();
            } catch (RuntimeException e) {
                LOG.warn("demo: linking step failed, retrying: {}", e.toString());
            }
        }

        private void linkStep() {
            Optional<AccountStatus> account = context.bridge().accounts().stream()
                    .filter(a -> a.accountId().equals(context.accountJid()) || a.accountId().equals(context.accountPhone()))
                    .findFirst();
            if (account.isEmpty()) {
                return;
            }
            AccountStatus status = account.get();
            if ("CONNECTED".equals(status.state())) {
                LOG.info("demo: {} is connected as {}; {} writes every {} s", context.accountJid(),
                        status.jid().orElse("?"), context.friendJid(), CHAT_INTERVAL.toSeconds());
                linking.cancel(false);
                scheduler.scheduleAtFixedRate(this::chat, 0, CHAT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            Optional<String> qr = status.qrCode();
            if (qr.isPresent() && !qr.get().equals(lastScanned)) {
                lastScanned = qr.get();
                try {
                    String device = context.admin().scanQr(context.accountPhone(), qr.get());
                    LOG.info("demo: the phone of {} scanned the QR code and linked {}", context.accountPhone(), device);
                } catch (SimulatorAdminException e) {
                    LOG.warn("demo: scanning failed ({}), waiting for the next QR code: {}", e.code(), e.getMessage());
                }
            }
        }

        void chat() {
            int n = sent.incrementAndGet();
            String text = "Hello from the demo phone, message " + n + " at " + Instant.now();
            try {
                String id = context.admin().sendText(context.friendPhone(), context.accountJid(), text);
                LOG.info("demo: {} sent {} to {}", context.friendJid(), id, context.accountJid());
            } catch (SimulatorAdminException e) {
                LOG.warn("demo: the friend's phone could not send ({}): {}", e.code(), e.getMessage());
            }
        }
    }
}
