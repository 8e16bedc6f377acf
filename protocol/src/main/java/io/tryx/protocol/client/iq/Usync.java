package io.tryx.protocol.client.iq;

import io.tryx.protocol.ProtocolException;
import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * usync queries: {@code <iq xmlns="usync" type="get"><usync sid mode context index="0" last="true"><query>protocols
 * </query><list><user jid/>|<user><contact>+phone</contact></user>...</list></usync></iq>}; completes with the
 * answer's {@code <user>} nodes, each carrying one child per asked protocol.
 */
public final class Usync {

    /** One user to ask about: by JID, or by phone number ({@code contact}) when the JID is unknown. */
    public record User(Jid jid, String phone) {
        public User {
            if ((jid == null) == (phone == null)) {
                throw new IllegalArgumentException("a usync user has either a jid or a phone number");
            }
        }

        public static User of(Jid jid) {
            return new User(Objects.requireNonNull(jid, "jid").toNonAd(), null);
        }

        public static User byPhone(String phone) {
            return new User(null, phone);
        }

        Node node() {
            return jid != null ? Node.builder("user").attr("jid", jid).build()
                    : Node.builder("user").children(Node.builder("contact").text(phone).build()).build();
        }
    }

    private final IqCalls calls;
    private final AtomicLong sids = new AtomicLong();

    public Usync(IqCalls calls) {
        this.calls = calls;
    }

    /** Asks the {@code protocols} (e.g. {@code <status/>}, {@code <devices version="2"/>}) about {@code users}. */
    public CompletableFuture<List<Node>> query(String mode, String context, List<Node> protocols, List<User> users) {
        if (users.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Node usync = Node.builder("usync").attr("sid", "tryx-usync-" + sids.incrementAndGet()).attr("mode", mode)
                .attr("context", context).attr("index", "0").attr("last", "true").children(
                        Node.builder("query").children(protocols).build(),
                        Node.builder("list").children(users.stream().map(User::node).toList()).build()).build();
        return calls.query("usync", "get", usync).thenApply(answer -> answer.child("usync").flatMap(u -> u.child("list"))
                .orElseThrow(() -> new ProtocolException(ProtocolException.Reason.MISSING_FIELD, "usync answer without list"))
                .children("user"));
    }
}
