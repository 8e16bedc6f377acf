package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountException;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.accounts.HostedAccount;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.status.PostStatus;
import io.tryx.commands.v1.status.RevokeStatus;
import io.tryx.commands.v1.status.TextStatus;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.messaging.SendResult;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.proto.E2EProto;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code status} namespace: {@code PostStatus} posts a text, image or video status to its audience (media are
 * fetched and uploaded by the {@link MediaSender}; the result carries the status' message id) and
 * {@code RevokeStatus} deletes one for the same audience. An empty audience, a JID that is no user, or a font
 * WhatsApp does not have is {@code INVALID}.
 */
final class StatusCommands implements NamespaceHandler {

    /** The background of a text status that names none. */
    private static final int DEFAULT_BACKGROUND = 0xFF000000;

    private final AccountHost host;
    private final MediaSender media;

    StatusCommands(AccountHost host, MediaSender media) {
        this.host = host;
        this.media = media;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(PostStatus.class, RevokeStatus.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        WhatsAppClient client = client(command.getAccount());
        return switch (command.getAction()) {
            case PostStatus post -> {
                List<Jid> audience = audience(post.getAudience());
                yield switch (post.getContent()) {
                    case TextStatus text -> client.status().postText(requireText(text.getText()),
                            text.getBackgroundArgb().orElse(DEFAULT_BACKGROUND), font(text.getFont()), audience)
                            .thenApply(StatusCommands::sent);
                    case Object content when MediaSender.isMedia(content) -> media.prepare(client, content, Optional.empty(), false)
                            .thenCompose(message -> client.messaging().sendStatus(audience, message))
                            .thenApply(StatusCommands::sent);
                    default -> throw CommandFailure.invalid("a status is a text, an image or a video");
                };
            }
            case RevokeStatus revoke -> {
                if (revoke.getMessageId().isBlank()) {
                    throw CommandFailure.invalid("the status' message id is missing");
                }
                yield client.status().revoke(revoke.getMessageId(), audience(revoke.getAudience()))
                        .thenApply(StatusCommands::sent);
            }
            default -> throw new IllegalArgumentException("not a status action: " + command.getAction());
        };
    }

    private WhatsAppClient client(String account) {
        HostedAccount hosted = host.find(account).orElseThrow(() -> new AccountException(
                AccountException.Reason.UNKNOWN_ACCOUNT, "the bridge does not host account " + account));
        return hosted.connectedClient().orElseThrow(() -> new AccountException(AccountException.Reason.NOT_CONNECTED,
                "account " + account + " is not connected (" + hosted.state() + ")"));
    }

    private static String requireText(String text) {
        if (text.isBlank()) {
            throw CommandFailure.invalid("a text status needs a text");
        }
        return text;
    }

    private static E2EProto.Message.ExtendedTextMessage.FontType font(Optional<Integer> font) {
        if (font.isEmpty()) {
            return E2EProto.Message.ExtendedTextMessage.FontType.SYSTEM;
        }
        E2EProto.Message.ExtendedTextMessage.FontType type = E2EProto.Message.ExtendedTextMessage.FontType.forNumber(font.get());
        if (type == null) {
            throw CommandFailure.invalid("no status font " + font.get());
        }
        return type;
    }

    /** Phone-number or LID user JIDs (device parts dropped), at least one. */
    private static List<Jid> audience(List<String> texts) {
        if (texts.isEmpty()) {
            throw CommandFailure.invalid("a status needs an audience");
        }
        return texts.stream().map(text -> {
            Jid jid;
            try {
                jid = Jid.parse(text);
            } catch (RuntimeException e) {
                throw CommandFailure.invalid("not a user JID: " + text);
            }
            if (!(jid.isPhoneUser() || jid.isLid()) || jid.user().isEmpty()) {
                throw CommandFailure.invalid("not a user JID: " + text);
            }
            return jid.toNonAd();
        }).distinct().toList();
    }

    private static CommandSucceeded sent(SendResult result) {
        return CommandSucceeded.newBuilder().setMessageId(result.id()).setServerTimestamp(result.serverTimestamp()).build();
    }
}
