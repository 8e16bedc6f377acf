package io.tryx.simulator.profile;

import io.tryx.protocol.binary.Node;
import io.tryx.simulator.messaging.UsyncHandler;
import io.tryx.simulator.privacy.DisappearingModeHandler;
import io.tryx.simulator.privacy.Privacy;
import io.tryx.simulator.privacy.PrivacyCategory;

import java.nio.charset.StandardCharsets;

/**
 * The profile parts of usync answers: {@code <status t>text</status>} ({@code <status code="401"/>} when privacy
 * {@code status} or a block hides it, an empty {@code <status t="0"/>} when never set or no account),
 * {@code <picture id/>} (no {@code id} when hidden or unset) and {@code <disappearing_mode duration t/>} (the
 * user's default timer; 0 for users without account).
 */
public final class ProfileUsync {

    private ProfileUsync() {
    }

    /** Registers the three protocols with {@code usync}. */
    public static void register(UsyncHandler usync, Profiles profiles, Privacy privacy) {
        usync.protocol("status", (asker, user, account) -> {
            if (account.isEmpty()) {
                return Node.builder("status").attr("t", "0").build();
            }
            if (!privacy.visible(account.get(), PrivacyCategory.STATUS, asker.account())) {
                return Node.builder("status").attr("code", "401").build();
            }
            return profiles.status(account.get())
                    .map(s -> Node.builder("status").attr("t", s.t()).bytes(s.text().getBytes(StandardCharsets.UTF_8)).build())
                    .orElseGet(() -> Node.builder("status").attr("t", "0").build());
        });
        usync.protocol("picture", (asker, user, account) -> {
            Node.Builder picture = Node.builder("picture");
            account.filter(a -> privacy.visible(a, PrivacyCategory.PROFILE, asker.account()))
                    .flatMap(profiles::picture).ifPresent(p -> picture.attr("id", p.id()));
            return picture.build();
        });
        usync.protocol("disappearing_mode", (asker, user, account) -> DisappearingModeHandler.node(account
                .map(a -> privacy.settings(a).disappearing())
                .orElse(new io.tryx.simulator.privacy.PrivacySettings.DisappearingMode(0, 0))));
    }
}
