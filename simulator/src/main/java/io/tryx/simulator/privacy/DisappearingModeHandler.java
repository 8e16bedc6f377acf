package io.tryx.simulator.privacy;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import io.tryx.simulator.contacts.AccountNotifier;
import io.tryx.simulator.router.IqError;
import io.tryx.simulator.router.IqException;
import io.tryx.simulator.router.IqHandler;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code iq xmlns="disappearing_mode"}: {@code set <disappearing_mode duration="seconds"/>} sets the account's
 * default timer for new chats (0 off, or WhatsApp's 24 hours, 7 days, 90 days; anything else 400) and tells the
 * other companions with {@code <notification type="account_sync"><disappearing_mode duration t/></notification>};
 * {@code get} answers the current {@code <disappearing_mode duration t/>}.
 */
public final class DisappearingModeHandler implements IqHandler {

    /** The timers WhatsApp offers, in seconds. */
    public static final Set<Integer> DURATIONS = Set.of(0, 86_400, 604_800, 7_776_000);

    private final Privacy privacy;
    private final AccountNotifier notifier;

    public DisappearingModeHandler(Privacy privacy, AccountNotifier notifier) {
        this.privacy = privacy;
        this.notifier = notifier;
    }

    @Override
    public Optional<List<Node>> handle(ChatConnection connection, Node iq) {
        LinkedDevice device = connection.device();
        if (device == null) {
            throw new IqException(IqError.NOT_AUTHORIZED, "not logged in");
        }
        PrivacySettings settings = privacy.settings(device.account());
        if (iq.attrs().string("type").equals("get")) {
            return Optional.of(List.of(node(settings.disappearing())));
        }
        Node mode = iq.child("disappearing_mode")
                .orElseThrow(() -> new IqException(IqError.BAD_REQUEST, "no <disappearing_mode>"));
        int duration;
        try {
            duration = Integer.parseInt(mode.attrs().optionalString("duration").orElse(""));
        } catch (NumberFormatException e) {
            throw new IqException(IqError.BAD_REQUEST, "duration must be a number of seconds");
        }
        if (!DURATIONS.contains(duration)) {
            throw new IqException(IqError.BAD_REQUEST, "unsupported duration " + duration);
        }
        PrivacySettings.DisappearingMode set = new PrivacySettings.DisappearingMode(duration, notifier.now());
        settings.disappearing(set);
        notifier.accountSync(device.account(), device.deviceId(), node(set));
        return Optional.of(List.of());
    }

    /** {@code <disappearing_mode duration t/>}. */
    public static Node node(PrivacySettings.DisappearingMode mode) {
        return Node.builder("disappearing_mode").attr("duration", mode.duration()).attr("t", mode.t()).build();
    }
}
