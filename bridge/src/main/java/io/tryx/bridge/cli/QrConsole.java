package io.tryx.bridge.cli;

import io.tryx.bridge.app.AccountStatus;
import io.tryx.bridge.app.BridgeRuntime;
import io.tryx.bridge.qr.TerminalQr;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows pairing codes on the terminal (standard error) while a bridge runs: each new QR code of an account as a
 * QR drawn with half blocks, each new pair code as text. It looks at {@link BridgeRuntime#accounts()} once a second.
 */
final class QrConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QrConsole.class);

    private final BridgeRuntime runtime;
    private final PrintStream console;
    private final Map<String, String> shown = new HashMap<>();
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("tryx-qr-console").factory());

    private QrConsole(BridgeRuntime runtime, PrintStream console) {
        this.runtime = runtime;
        this.console = console;
    }

    static QrConsole start(BridgeRuntime runtime, PrintStream console) {
        QrConsole qr = new QrConsole(runtime, console);
        qr.scheduler.scheduleWithFixedDelay(qr::check, 0, 1, TimeUnit.SECONDS);
        return qr;
    }

    /** Prints what changed since the last look; returns how many codes it printed. */
    int check() {
        int printed = 0;
        try {
            for (AccountStatus account : runtime.accounts()) {
                Optional<String> code = account.qrCode().map(qr -> "qr:" + qr)
                        .or(() -> account.pairCode().map(pair -> "pair:" + pair));
                if (code.isEmpty()) {
                    shown.remove(account.accountId());
                } else if (!code.get().equals(shown.get(account.accountId()))) {
                    shown.put(account.accountId(), code.get());
                    print(account);
                    printed++;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cannot read the accounts for the terminal QR: {}", e.toString());
        }
        return printed;
    }

    private void print(AccountStatus account) {
        StringBuilder text = new StringBuilder("\n");
        if (account.qrCode().isPresent()) {
            text.append("Scan with WhatsApp > Linked devices > Link a device to link ").append(account.accountId()).append(":\n")
                    .append(TerminalQr.render(account.qrCode().get()));
        } else {
            text.append("Link ").append(account.accountId()).append(": on the phone choose Link with phone number instead and type ")
                    .append(account.pairCode().orElseThrow()).append('\n');
        }
        synchronized (console) {
            console.print(text);
            console.flush();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
