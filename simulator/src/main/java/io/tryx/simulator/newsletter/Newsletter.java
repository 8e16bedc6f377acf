package io.tryx.simulator.newsletter;

import io.tryx.protocol.jid.Jid;
import io.tryx.simulator.account.Account;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One newsletter: its owner, name, description, invite code, followers (phone -> muted) and its last
 * {@value #POST_LIMIT} posts (older ones dropped), each with the reactions of who reacted. Thread-safe (synchronized).
 */
public final class Newsletter {

    static final int POST_LIMIT = 500;

    private final Jid jid;
    private final String invite;
    private final long created;
    private final Account owner;
    private final String name;
    private final String description;
    private final Map<String, Boolean> followers = new LinkedHashMap<>();
    private final Deque<Post> posts = new ArrayDeque<>();
    private long nextServerId = 100;

    /** A post: its server id, the author's message id, type, time, protobuf bytes, and reactions (phone -> emoji). */
    public record Post(long serverId, String id, String type, long t, byte[] plaintext, Map<String, String> reactions) {

        /** How many reacted with each emoji. */
        public Map<String, Integer> counts() {
            Map<String, Integer> counts = new TreeMap<>();
            reactions.values().forEach(code -> counts.merge(code, 1, Integer::sum));
            return counts;
        }
    }

    Newsletter(Jid jid, String invite, long created, Account owner, String name, String description) {
        this.jid = jid;
        this.invite = invite;
        this.created = created;
        this.owner = owner;
        this.name = name;
        this.description = description;
    }

    public Jid jid() {
        return jid;
    }

    public String invite() {
        return invite;
    }

    public long created() {
        return created;
    }

    public Account owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public synchronized boolean follows(Account account) {
        return followers.containsKey(account.phone());
    }

    /** Adds a follower (the owner is not one); false when it already followed. */
    synchronized boolean follow(Account account) {
        return account != owner && followers.putIfAbsent(account.phone(), false) == null;
    }

    synchronized boolean unfollow(Account account) {
        return followers.remove(account.phone()) != null;
    }

    /** Sets a follower's mute state; false when it does not follow. */
    synchronized boolean mute(Account account, boolean muted) {
        return followers.computeIfPresent(account.phone(), (k, v) -> muted) != null;
    }

    public synchronized boolean muted(Account account) {
        return Boolean.TRUE.equals(followers.get(account.phone()));
    }

    /** The followers' phones and mute states, in order of following. */
    public synchronized Map<String, Boolean> followers() {
        return Map.copyOf(followers);
    }

    public synchronized List<String> followerPhones() {
        return List.copyOf(followers.keySet());
    }

    /** Adds a post (or returns the one with the same id); the oldest goes beyond {@value #POST_LIMIT}. */
    synchronized Post post(String id, String type, long t, byte[] plaintext) {
        for (Post existing : posts) {
            if (existing.id().equals(id)) {
                return existing;
            }
        }
        Post post = new Post(nextServerId++, id, type, t, plaintext.clone(), new LinkedHashMap<>());
        posts.addLast(post);
        if (posts.size() > POST_LIMIT) {
            posts.removeFirst();
        }
        return post;
    }

    /** True when {@code id} is the id of a post already made. */
    synchronized Optional<Post> postWithId(String id) {
        return posts.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Records (or, with an empty code, withdraws) {@code account}'s reaction to a post; empty when there is no such post. */
    synchronized Optional<Post> react(long serverId, Account account, String code) {
        Optional<Post> post = posts.stream().filter(p -> p.serverId() == serverId).findFirst();
        post.ifPresent(p -> {
            if (code.isEmpty()) {
                p.reactions().remove(account.phone());
            } else {
                p.reactions().put(account.phone(), code);
            }
        });
        return post.map(Newsletter::copy);
    }

    /** Up to {@code count} latest posts with a server id below {@code before} (0: no bound), oldest first. */
    public synchronized List<Post> posts(int count, long before) {
        List<Post> matching = new ArrayList<>();
        for (Post post : posts) {
            if (before <= 0 || post.serverId() < before) {
                matching.add(copy(post));
            }
        }
        return List.copyOf(matching.subList(Math.max(0, matching.size() - count), matching.size()));
    }

    private static Post copy(Post post) {
        return new Post(post.serverId(), post.id(), post.type(), post.t(), post.plaintext(), Map.copyOf(post.reactions()));
    }
}
