package io.tryx.simulator.login;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.proto.HandshakeProto.ClientPayload;
import io.tryx.simulator.account.AccountRegistry;
import io.tryx.simulator.account.LinkedDevice;
import io.tryx.simulator.connection.ChatConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.InstantSource;
import java.util.Arrays;
import java.util.Optional;

/**
 * Login of a linked device: the payload's username and device must name a device linked to an account,
 * and the connection's Noise static key must be the one it paired with; otherwise {@code <failure
 * reason="401"/>}. A payload without a user agent is refused with 409 (bad user agent), an account in
 * {@link LoginRefusals} with its refusal (402 temporary ban, 403 locked, ...). On success the server sends
 * {@code <success>} (with {@code t} and the device's {@code lid}); the caller then flushes the offline queue and
 * sends {@code <ib><offline count=N/></ib>}.
 */
public final class LoginService {

    private static final Logger log = LoggerFactory.getLogger(LoginService.class);

    private final AccountRegistry accounts;
    private final InstantSource clock;
    private final LoginRefusals refusals;

    public LoginService(AccountRegistry accounts, InstantSource clock) {
        this(accounts, clock, new LoginRefusals());
    }

    public LoginService(AccountRegistry accounts, InstantSource clock, LoginRefusals refusals) {
        this.accounts = accounts;
        this.clock = clock;
        this.refusals = refusals;
    }

    /** Runs on the connection's thread. Returns the device when logged in. */
    public Optional<LinkedDevice> login(ChatConnection connection, ClientPayload payload) {
        String phone = Long.toUnsignedString(payload.getUsername());
        Optional<LinkedDevice> device = accounts.findDevice(phone, payload.getDevice())
                .filter(d -> Arrays.equals(d.noiseKey(), connection.clientStaticKey()));
        if (device.isEmpty()) {
            log.info("{}: login of unknown device {}:{} refused (401)", connection, phone, payload.getDevice());
            connection.failure(401);
            return Optional.empty();
        }
        if (!payload.hasUserAgent() || !payload.getUserAgent().hasAppVersion()) {
            log.info("{}: login of {}:{} without a user agent refused (409)", connection, phone, payload.getDevice());
            connection.failure(409);
            return Optional.empty();
        }
        Optional<LoginRefusals.Refusal> refused = refusals.of(phone);
        if (refused.isPresent()) {
            log.info("{}: login of {}:{} refused ({})", connection, phone, payload.getDevice(), refused.get().reason());
            connection.failure(refused.get().failure());
            return Optional.empty();
        }
        LinkedDevice linked = device.get();
        connection.device(linked);
        long now = clock.instant().getEpochSecond();
        connection.send(Node.builder("success")
                .attr("t", now)
                .attr("props", "1")
                .attr("abprops", "1")
                .attr("location", "sim")
                .attr("creation", now)
                .attr("lid", linked.lid())
                .attr("display_name", linked.account().pushName())
                .build());
        log.info("{}: logged in as {}", connection, linked.jid());
        return device;
    }
}
