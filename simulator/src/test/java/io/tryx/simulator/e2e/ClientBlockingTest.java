package io.tryx.simulator.e2e;

import io.tryx.protocol.client.blocking.BlockedUser;
import io.tryx.protocol.client.blocking.Blocklist;
import io.tryx.protocol.client.iq.UserNotFoundException;
import io.tryx.protocol.client.updates.UpdateEvent.BlocklistChanged;
import io.tryx.protocol.jid.Jid;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.tryx.simulator.e2e.SocialClients.WITHIN;
import static io.tryx.simulator.e2e.SocialClients.await;
import static io.tryx.simulator.e2e.SocialClients.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code blocking()} through the simulator: list, block (by phone number or LID) and unblock checked at the
 * server, the block's effect on the blocked user's texts, and changes made elsewhere reported as
 * {@link BlocklistChanged}.
 */
class ClientBlockingTest {

    static final String ALICE = "15550007501";
    static final String BOB = "15550007502";
    static final String CAROL = "15550007503";
    static final String NOBODY_HERE = "15550007599";

    private SocialClients sim;
    private SocialClients.Peer alice;
    private SocialClients.Peer aliceLaptop;
    private SocialClients.Peer bob;

    @BeforeEach
    void start() throws InterruptedException {
        sim = new SocialClients(ALICE, BOB, CAROL);
        alice = sim.link(ALICE);
        aliceLaptop = sim.link(ALICE);
        bob = sim.link(BOB);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void blockAndUnblockChangeTheServersListAndWhatGetsThrough() {
        assertThat(await(alice.client().blocking().list()).users()).isEmpty();

        long started = System.nanoTime();
        Blocklist blocked = await(alice.client().blocking().block(bob.user()));
        System.out.printf("block (usync lid + blocklist set) in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(blocked.users()).containsExactly(new BlockedUser(bob.lid(), bob.user()));
        assertThat(blocked.contains(bob.user())).isTrue();
        assertThat(sim.admin.get("/admin/accounts/" + ALICE + "/blocklist").body().findValuesAsText("jid"))
                .containsExactly(BOB + "@s.whatsapp.net");
        assertThat(await(alice.client().blocking().list())).isEqualTo(blocked);
        await("the laptop hears of it").atMost(WITHIN).until(() -> aliceLaptop.updates(BlocklistChanged.class).stream()
                .anyMatch(b -> b.changes().equals(List.of(new BlocklistChanged.Change(bob.lid(), bob.user(), true)))
                        && b.hash().equals(blocked.hash())));

        await(bob.client().sendText(alice.user(), "while blocked"));
        Blocklist open = await(alice.client().blocking().unblock(bob.lid()));
        assertThat(open.users()).isEmpty();
        assertThat(sim.admin.get("/admin/accounts/" + ALICE + "/blocklist").body().size()).isZero();
        await(bob.client().sendText(alice.user(), "after unblocking"));
        await("texts flow again").atMost(WITHIN).until(() -> alice.linked().texts().contains("after unblocking"));
        assertThat(alice.linked().texts()).doesNotContain("while blocked");
        await("the laptop hears of the unblock").atMost(WITHIN).until(() -> aliceLaptop.updates(BlocklistChanged.class)
                .stream().anyMatch(b -> b.changes().equals(List.of(new BlocklistChanged.Change(bob.lid(), bob.user(), false)))
                        && b.previousHash().equals(blocked.hash())));

        Jid byLid = Jid.parse(sim.admin.get("/admin/accounts/" + CAROL).body().path("lid").asText());
        assertThat(await(alice.client().blocking().block(byLid)).contains(byLid)).isTrue();
        assertThat(failure(alice.client().blocking().block(Jid.parse(NOBODY_HERE + "@s.whatsapp.net"))))
                .isInstanceOfSatisfying(UserNotFoundException.class, e -> assertThat(e.code()).isEqualTo(404));
    }

    @Test
    void aBlockMadeOnThePhoneIsReported() {
        sim.post(ALICE, "blocklist", Map.of("jid", CAROL + "@s.whatsapp.net", "action", "block"));
        Jid carol = Jid.parse(CAROL + "@s.whatsapp.net");
        await("both companions hear of it").atMost(WITHIN).until(() -> List.of(alice, aliceLaptop).stream().allMatch(p ->
                p.updates(BlocklistChanged.class).stream().anyMatch(b -> b.account().equals(alice.user())
                        && b.changes().size() == 1 && carol.equals(b.changes().getFirst().phone())
                        && b.changes().getFirst().blocked())));
        assertThat(await(alice.client().blocking().list()).contains(carol)).isTrue();
    }
}
