package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountHost;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.NewsletterInfo;
import io.tryx.commands.v1.NewsletterList;
import io.tryx.commands.v1.NewsletterPostInfo;
import io.tryx.commands.v1.newsletter.CreateNewsletter;
import io.tryx.commands.v1.newsletter.FollowNewsletter;
import io.tryx.commands.v1.newsletter.GetNewsletterMetadata;
import io.tryx.commands.v1.newsletter.GetSubscribedNewsletters;
import io.tryx.commands.v1.newsletter.MuteNewsletter;
import io.tryx.commands.v1.newsletter.PostToNewsletter;
import io.tryx.commands.v1.newsletter.ReactToNewsletterPost;
import io.tryx.commands.v1.newsletter.UnfollowNewsletter;
import io.tryx.protocol.client.newsletter.NewsletterMetadata;
import io.tryx.protocol.client.newsletter.Newsletters;
import io.tryx.protocol.client.newsletter.PostResult;
import io.tryx.protocol.jid.Jid;

import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code newsletter} namespace (WhatsApp Channels), each action one round trip through the account's
 * {@link Newsletters}: create and metadata answer with {@code NewsletterInfo}, the subscribed list with
 * {@code NewsletterList}, a post or reaction with its message id, the server's time and {@code NewsletterPostInfo};
 * follow, unfollow and mute act only. An unknown newsletter is {@code NOT_FOUND}; other refusals (posting to a
 * newsletter we do not own: 403) are {@code SERVER_ERROR} with the server's code.
 */
final class NewsletterCommands implements NamespaceHandler {

    private final AccountHost host;

    NewsletterCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(CreateNewsletter.class, GetNewsletterMetadata.class, GetSubscribedNewsletters.class,
                FollowNewsletter.class, UnfollowNewsletter.class, MuteNewsletter.class, PostToNewsletter.class,
                ReactToNewsletterPost.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        Newsletters newsletters = AccountClients.connected(host, command.getAccount()).newsletter();
        Object action = command.getAction();
        return AccountClients.checked(() -> switch (action) {
            case CreateNewsletter create -> newsletters.create(create.getName(), create.getDescription().orElse(""))
                    .thenApply(NewsletterCommands::info);
            case GetNewsletterMetadata get -> metadata(newsletters, get).thenApply(NewsletterCommands::info);
            case GetSubscribedNewsletters list -> newsletters.subscribed().thenApply(all -> succeeded(NewsletterList
                    .newBuilder().setNewsletters(all.stream().map(NewsletterCommands::toInfo).toList()).build()));
            case FollowNewsletter follow -> done(newsletters.follow(newsletter(follow.getNewsletter())));
            case UnfollowNewsletter unfollow -> done(newsletters.unfollow(newsletter(unfollow.getNewsletter())));
            case MuteNewsletter mute -> done(mute.getMuted() ? newsletters.mute(newsletter(mute.getNewsletter()))
                    : newsletters.unmute(newsletter(mute.getNewsletter())));
            case PostToNewsletter post -> {
                Jid jid = newsletter(post.getNewsletter());
                yield newsletters.postText(jid, post.getText()).thenApply(result -> posted(jid, result));
            }
            case ReactToNewsletterPost react -> {
                Jid jid = newsletter(react.getNewsletter());
                if (react.getServerId() <= 0) {
                    throw CommandFailure.invalid("a post's server id is positive: " + react.getServerId());
                }
                yield newsletters.react(jid, react.getServerId(), react.getEmoji()).thenApply(result -> posted(jid, result));
            }
            default -> throw new IllegalArgumentException("not a newsletter action: " + action);
        });
    }

    private static CompletableFuture<NewsletterMetadata> metadata(Newsletters newsletters, GetNewsletterMetadata get) {
        if (get.getNewsletter().isPresent()) {
            return newsletters.metadata(newsletter(get.getNewsletter().get()));
        }
        String code = get.getInviteCode().orElseThrow(() ->
                CommandFailure.invalid("GetNewsletterMetadata needs a newsletter JID or an invite code"));
        return newsletters.metadataByInvite(code);
    }

    /** A newsletter JID ({@code <digits>@newsletter}). */
    static Jid newsletter(String text) {
        Jid jid;
        try {
            jid = Jid.parse(text);
        } catch (RuntimeException e) {
            throw CommandFailure.invalid("not a newsletter JID: " + text);
        }
        if (!jid.isNewsletter() || jid.user().isEmpty()) {
            throw CommandFailure.invalid("not a newsletter JID: " + text);
        }
        return jid;
    }

    private static CommandSucceeded info(NewsletterMetadata metadata) {
        return succeeded(toInfo(metadata));
    }

    static NewsletterInfo toInfo(NewsletterMetadata metadata) {
        return NewsletterInfo.newBuilder()
                .setJid(metadata.jid().toString())
                .setName(metadata.name())
                .setDescription(metadata.description().isEmpty() ? null : metadata.description())
                .setInviteCode(metadata.inviteCode() == null || metadata.inviteCode().isEmpty() ? null : metadata.inviteCode())
                .setSubscribers(metadata.subscribers())
                .setVerified(metadata.verified())
                .setRole(metadata.viewer() == null ? null : metadata.viewer().role().name())
                .setMuted(metadata.viewer() == null ? null : metadata.viewer().muted())
                .build();
    }

    private static CommandSucceeded posted(Jid newsletter, PostResult result) {
        return CommandSucceeded.newBuilder().setMessageId(result.id()).setServerTimestamp(result.at())
                .setPayload(NewsletterPostInfo.newBuilder().setNewsletter(newsletter.toString())
                        .setServerId(result.serverId()).build()).build();
    }

    private static CommandSucceeded succeeded(Object payload) {
        return CommandSucceeded.newBuilder().setPayload(payload).build();
    }

    private static CompletableFuture<CommandSucceeded> done(CompletableFuture<Void> work) {
        return work.thenApply(v -> CommandSucceeded.newBuilder().build());
    }
}
