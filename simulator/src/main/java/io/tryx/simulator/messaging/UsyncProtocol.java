package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;
import io.tryx.simulator.account.LinkedDevice;

import java.util.Optional;

/** One usync protocol's part of a user's answer (e.g. {@code <status t>text</status>}), plugged into {@link UsyncHandler}. */
@FunctionalInterface
public interface UsyncProtocol {

    /**
     * The element for {@code user} (as asked, without device) asked by {@code asker}; {@code account} is empty for
     * users without an account.
     */
    Node answer(LinkedDevice asker, Jid user, Optional<Account> account);
}
