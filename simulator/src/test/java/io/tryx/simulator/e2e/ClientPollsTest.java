package io.tryx.simulator.e2e;

import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.messaging.MessageEvent;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.client.polls.PollException;
import io.tryx.protocol.client.polls.PollTally;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.PollVotes;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.protocol.store.MessageRef;
import io.tryx.simulator.AdminClient;
import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.tryx.simulator.e2e.Linked.WITHIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Polls between our clients through the simulator: created, received, voted on, votes decrypted and tallied. */
class ClientPollsTest {

    static final String ALICE = "15550007101";
    static final String BOB = "15550007102";
    static final String CAROL = "15550007103";

    private Simulator simulator;
    private AdminClient admin;
    private ClientHarness clients;
    private Linked alice;
    private Linked bob;
    private Linked carol;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new AdminClient(simulator.adminUrl());
        clients = new ClientHarness(simulator.chatUrl(), simulator.rootPublicKey());
        for (String phone : List.of(ALICE, BOB, CAROL)) {
            assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "User " + phone)).status()).isEqualTo(201);
        }
        alice = Linked.link(clients, admin, ALICE, new InMemoryAccountStore("alice"));
        bob = Linked.link(clients, admin, BOB, new InMemoryAccountStore("bob"));
        carol = Linked.link(clients, admin, CAROL, new InMemoryAccountStore("carol"));
    }

    @AfterEach
    void stop() {
        clients.close();
        simulator.close();
    }

    @Test
    void aOneToOnePollIsReceivedAndItsVotesAreDecryptedAndTallied() throws Exception {
        Jid aliceUser = alice.connected().jid().toNonAd();
        Jid bobUser = bob.connected().jid().toNonAd();
        SendResult poll = alice.client().polls().create(bobUser, "Lunch?", List.of("Pizza", "Sushi", "Salad"), 1)
                .get(20, TimeUnit.SECONDS);

        MessageEvent.MessageReceived atBob = awaitMessage(bob, poll.id());
        var creation = PollVotes.pollOf(atBob.message()).orElseThrow();
        assertThat(atBob.message().hasPollCreationMessageV3()).isTrue();
        assertThat(creation.getName()).isEqualTo("Lunch?");
        assertThat(creation.getOptionsList()).extracting(o -> o.getOptionName()).containsExactly("Pizza", "Sushi", "Salad");
        assertThat(atBob.message().getMessageContextInfo().getMessageSecret().size()).isEqualTo(32);

        MessageRef pollAtBob = new MessageRef(aliceUser, aliceUser, poll.id());
        bob.client().polls().vote(pollAtBob, List.of("Sushi")).get(20, TimeUnit.SECONDS);
        MessageEvent.PollVoteReceived first = awaitVote(alice, v -> v.selectedOptions().equals(List.of("Sushi")));
        assertThat(first.poll()).isEqualTo(new MessageRef(bobUser, aliceUser, poll.id()));
        assertThat(first.pollName()).isEqualTo("Lunch?");
        assertThat(first.pollOptions()).containsExactly("Pizza", "Sushi", "Salad");
        assertThat(first.info().sender().toNonAd()).isEqualTo(bobUser);

        bob.client().polls().vote(pollAtBob, List.of("Salad")).get(20, TimeUnit.SECONDS);
        awaitVote(alice, v -> v.selectedOptions().equals(List.of("Salad")));
        PollTally tally = PollTally.of(first.pollOptions(), alice.events(MessageEvent.PollVoteReceived.class));
        assertThat(tally.count("Salad")).isEqualTo(1);
        assertThat(tally.count("Sushi")).as("Bob's newer vote replaced his first").isZero();

        alice.client().polls().vote(new MessageRef(bobUser, aliceUser, poll.id()), List.of("Pizza")).get(20, TimeUnit.SECONDS);
        MessageEvent.PollVoteReceived own = awaitVote(bob, v -> v.selectedOptions().equals(List.of("Pizza")));
        assertThat(own.info().sender().toNonAd()).isEqualTo(aliceUser);

        assertThatThrownBy(() -> bob.client().polls().vote(pollAtBob, List.of("Tacos")).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(PollException.class)
                .hasMessageContaining("UNKNOWN_OPTION");
        assertThatThrownBy(() -> bob.client().polls().vote(new MessageRef(aliceUser, aliceUser, "NOPE"), List.of("Pizza"))
                .get(5, TimeUnit.SECONDS)).cause().isInstanceOf(PollException.class).hasMessageContaining("UNKNOWN_POLL");
        assertThat(alice.undecryptable()).isEmpty();
        assertThat(bob.undecryptable()).isEmpty();
    }

    @Test
    void aGroupPollCollectsTheMembersVotes() throws Exception {
        Jid aliceUser = alice.connected().jid().toNonAd();
        GroupInfo group = alice.client().groups().create("Trip",
                List.of(bob.connected().jid().toNonAd(), carol.connected().jid().toNonAd())).get(20, TimeUnit.SECONDS);
        SendResult poll = alice.client().polls().create(group.jid(), "Where?", List.of("Alps", "Coast", "City"), 0)
                .get(20, TimeUnit.SECONDS);
        MessageEvent.MessageReceived atCarol = awaitMessage(carol, poll.id());
        assertThat(atCarol.message().hasPollCreationMessage()).as("multi-select polls are V1").isTrue();
        awaitMessage(bob, poll.id());

        MessageRef ref = new MessageRef(group.jid(), aliceUser, poll.id());
        bob.client().polls().vote(ref, List.of("Alps", "City")).get(20, TimeUnit.SECONDS);
        carol.client().polls().vote(ref, List.of("City")).get(20, TimeUnit.SECONDS);
        await().atMost(WITHIN).until(() -> alice.events(MessageEvent.PollVoteReceived.class).size() >= 2);
        PollTally atAlice = PollTally.of(List.of("Alps", "Coast", "City"), alice.events(MessageEvent.PollVoteReceived.class));
        assertThat(atAlice.count("City")).isEqualTo(2);
        assertThat(atAlice.count("Alps")).isEqualTo(1);
        assertThat(atAlice.count("Coast")).isZero();
        await("members read each other's votes too").atMost(WITHIN).until(() ->
                carol.events(MessageEvent.PollVoteReceived.class).stream().anyMatch(v -> v.selectedOptions().equals(List.of("Alps", "City"))));
    }

    @Test
    void aMockPhoneAndOurClientVoteOnEachOthersPolls() throws Exception {
        String phone = "15550007104";
        assertThat(admin.post("/admin/accounts", Map.of("phone", phone, "pushName", "Phone")).status()).isEqualTo(201);
        Jid phoneUser = Jid.parse(phone + "@s.whatsapp.net");
        Jid aliceUser = alice.connected().jid().toNonAd();

        SendResult ours = alice.client().polls().create(phoneUser, "Movie?", List.of("Drama", "Comedy"), 1).get(20, TimeUnit.SECONDS);
        await("the phone received our poll").atMost(WITHIN).until(() -> inbox(phone).stream()
                .anyMatch(m -> m.path("id").asText().equals(ours.id()) && m.path("type").asText().equals("poll")));
        var voted = admin.post("/admin/accounts/" + phone + "/messages", Map.of("to", aliceUser.toString(), "type", "vote",
                "pollId", ours.id(), "pollChat", aliceUser.toString(), "options", List.of("Comedy")));
        assertThat(voted.status()).as("%s", voted.body()).isEqualTo(200);
        awaitVote(alice, v -> v.poll().id().equals(ours.id()) && v.selectedOptions().equals(List.of("Comedy")));

        var created = admin.post("/admin/accounts/" + phone + "/messages", Map.of("to", aliceUser.toString(), "type", "poll",
                "name", "Snack?", "options", List.of("Chips", "Fruit", "Nuts"), "selectableCount", 0));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(200);
        String theirs = created.body().path("id").asText();
        awaitMessage(alice, theirs);
        SendResult vote = alice.client().polls().vote(new MessageRef(phoneUser, phoneUser, theirs), List.of("Fruit", "Nuts"))
                .get(20, TimeUnit.SECONDS);
        await("the phone opened our vote").atMost(WITHIN).until(() -> inbox(phone).stream()
                .anyMatch(m -> m.path("id").asText().equals(vote.id()) && m.path("type").asText().equals("vote")
                        && m.path("options").toString().equals("[\"Fruit\",\"Nuts\"]")));
    }

    private List<com.fasterxml.jackson.databind.JsonNode> inbox(String phone) {
        List<com.fasterxml.jackson.databind.JsonNode> entries = new java.util.ArrayList<>();
        admin.get("/admin/accounts/" + phone + "/inbox").body().forEach(entries::add);
        return entries;
    }

    private static MessageEvent.MessageReceived awaitMessage(Linked linked, String id) {
        await().atMost(WITHIN).until(() -> linked.received().stream().anyMatch(m -> m.info().id().equals(id)));
        return linked.received().stream().filter(m -> m.info().id().equals(id)).findFirst().orElseThrow();
    }

    private static MessageEvent.PollVoteReceived awaitVote(Linked linked,
                                                           java.util.function.Predicate<MessageEvent.PollVoteReceived> match) {
        await().atMost(WITHIN).until(() -> linked.events(MessageEvent.PollVoteReceived.class).stream().anyMatch(match));
        return linked.events(MessageEvent.PollVoteReceived.class).stream().filter(match).findFirst().orElseThrow();
    }
}
