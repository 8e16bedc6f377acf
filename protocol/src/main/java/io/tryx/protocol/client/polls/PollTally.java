package io.tryx.protocol.client.polls;

import io.tryx.protocol.client.messaging.MessageEvent.PollVoteReceived;
import io.tryx.protocol.jid.Jid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The standing of a poll: for each option, in the poll's order, the voters whose current selection contains it.
 * Each voter's newest vote replaces their earlier ones (an empty vote withdraws them), as WhatsApp counts.
 */
public record PollTally(List<Option> options) {

    /** One option and who selected it. */
    public record Option(String name, List<Jid> voters) {
        public Option {
            Objects.requireNonNull(name, "name");
            voters = List.copyOf(voters);
        }

        public int count() {
            return voters.size();
        }
    }

    public PollTally {
        options = List.copyOf(options);
    }

    /** Tallies {@code votes} (of one poll, in any order) over the poll's {@code optionNames}. */
    public static PollTally of(List<String> optionNames, List<PollVoteReceived> votes) {
        Map<Jid, PollVoteReceived> newest = new LinkedHashMap<>();
        for (PollVoteReceived vote : votes) {
            Jid voter = vote.info().sender().toNonAd();
            newest.merge(voter, vote, (a, b) -> b.votedAt().isBefore(a.votedAt()) ? a : b);
        }
        List<Option> options = new ArrayList<>();
        for (String name : optionNames) {
            List<Jid> voters = newest.entrySet().stream().filter(e -> e.getValue().selectedOptions().contains(name))
                    .map(Map.Entry::getKey).toList();
            options.add(new Option(name, voters));
        }
        return new PollTally(options);
    }

    /** The count of {@code name}, 0 if the poll has no such option. */
    public int count(String name) {
        return options.stream().filter(o -> o.name().equals(name)).mapToInt(Option::count).sum();
    }
}
