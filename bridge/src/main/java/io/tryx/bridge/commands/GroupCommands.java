package io.tryx.bridge.commands;

import io.tryx.bridge.accounts.AccountException;
import io.tryx.bridge.accounts.AccountHost;
import io.tryx.bridge.accounts.HostedAccount;
import io.tryx.bridge.events.GroupMetadataMapper;
import io.tryx.commands.v1.Command;
import io.tryx.commands.v1.CommandSucceeded;
import io.tryx.commands.v1.GroupInviteLink;
import io.tryx.commands.v1.MembershipRequest;
import io.tryx.commands.v1.MembershipRequests;
import io.tryx.commands.v1.ParticipantResults;
import io.tryx.commands.v1.groups.ApproveMembershipRequests;
import io.tryx.commands.v1.groups.CreateGroup;
import io.tryx.commands.v1.groups.GetMembershipRequests;
import io.tryx.commands.v1.groups.RejectMembershipRequests;
import io.tryx.commands.v1.groups.GetGroupMetadata;
import io.tryx.commands.v1.groups.GetInviteLink;
import io.tryx.commands.v1.groups.JoinGroupByInvite;
import io.tryx.commands.v1.groups.LeaveGroup;
import io.tryx.commands.v1.groups.RevokeInviteLink;
import io.tryx.commands.v1.groups.SetGroupDescription;
import io.tryx.commands.v1.groups.SetGroupSetting;
import io.tryx.commands.v1.groups.SetGroupSubject;
import io.tryx.commands.v1.groups.UpdateParticipants;
import io.tryx.protocol.client.groups.GroupInfo;
import io.tryx.protocol.client.groups.GroupSetting;
import io.tryx.protocol.client.groups.Groups;
import io.tryx.protocol.client.groups.ParticipantAction;
import io.tryx.protocol.client.WhatsAppClient;
import io.tryx.protocol.client.groups.ParticipantResult;
import io.tryx.protocol.jid.Jid;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code groups} namespace, each action one round trip with the server through the account's {@link Groups}:
 * {@code CreateGroup}, {@code GetGroupMetadata} and {@code JoinGroupByInvite} answer with the group's
 * {@code GroupMetadata} (a join into a group whose admins approve joins only asks: then the metadata is the invite's
 * view of the group, without us), {@code UpdateParticipants} and the membership request decisions with per-member
 * {@code ParticipantResults}, {@code GetMembershipRequests} with {@code MembershipRequests}, {@code GetInviteLink}
 * and {@code RevokeInviteLink} with a {@code GroupInviteLink}; the others act only. The server's refusals become
 * {@code SERVER_ERROR} with its code (401 not an admin, 403 not a member, 404 no such group, ...). The
 * {@code ADMIN_ADD_ONLY} setting is {@code UNSUPPORTED} (the runtime cannot set it).
 */
final class GroupCommands implements NamespaceHandler {

    private final AccountHost host;

    GroupCommands(AccountHost host) {
        this.host = host;
    }

    @Override
    public Set<Class<?>> actions() {
        return Set.of(CreateGroup.class, LeaveGroup.class, UpdateParticipants.class, SetGroupSubject.class,
                SetGroupDescription.class, SetGroupSetting.class, GetInviteLink.class, RevokeInviteLink.class,
                JoinGroupByInvite.class, GetGroupMetadata.class, GetMembershipRequests.class,
                ApproveMembershipRequests.class, RejectMembershipRequests.class);
    }

    @Override
    public CompletableFuture<CommandSucceeded> handle(Command command) {
        Object action = command.getAction();
        Groups groups = groups(command.getAccount());
        return switch (action) {
            case CreateGroup create -> groups.create(create.getSubject(), users(create.getParticipants(), true))
                    .thenApply(GroupCommands::metadata);
            case GetGroupMetadata get -> groups.metadata(group(get.getGroup())).thenApply(GroupCommands::metadata);
            case JoinGroupByInvite join -> {
                if (join.getCode().isBlank()) {
                    throw CommandFailure.invalid("JoinGroupByInvite needs an invite code");
                }
                yield groups.join(join.getCode()).thenCompose(joined -> joined.pending()
                        ? groups.inviteInfo(join.getCode()) : groups.metadata(joined.group())).thenApply(GroupCommands::metadata);
            }
            case UpdateParticipants update -> {
                Jid group = group(update.getGroup());
                yield groups.updateParticipants(group, action(update.getAction()), users(update.getParticipants(), false))
                        .thenApply(GroupCommands::participantResults);
            }
            case SetGroupSubject subject -> {
                if (subject.getSubject().isBlank()) {
                    throw CommandFailure.invalid("SetGroupSubject needs a non-blank subject");
                }
                yield done(groups.setSubject(group(subject.getGroup()), subject.getSubject()));
            }
            case SetGroupDescription description ->
                    done(groups.setDescription(group(description.getGroup()), description.getDescription().orElse("")));
            case SetGroupSetting setting -> done(groups.setting(group(setting.getGroup()), setting(setting)));
            case GetInviteLink get -> {
                Jid group = group(get.getGroup());
                yield groups.inviteCode(group).thenApply(code -> inviteLink(group, code));
            }
            case RevokeInviteLink revoke -> {
                Jid group = group(revoke.getGroup());
                yield groups.revokeInvite(group).thenApply(code -> inviteLink(group, code));
            }
            case LeaveGroup leave -> done(groups.leave(group(leave.getGroup())));
            case GetMembershipRequests get -> groups.membershipRequests(group(get.getGroup()))
                    .thenApply(GroupCommands::membershipRequests);
            case ApproveMembershipRequests approve -> groups.approveMembershipRequests(group(approve.getGroup()),
                    users(approve.getParticipants(), false)).thenApply(GroupCommands::participantResults);
            case RejectMembershipRequests reject -> groups.rejectMembershipRequests(group(reject.getGroup()),
                    users(reject.getParticipants(), false)).thenApply(GroupCommands::participantResults);
            default -> throw new IllegalArgumentException("not a groups action: " + action);
        };
    }

    private Groups groups(String account) {
        return client(host, account).groups();
    }

    /** The account's connected client; fails with UNKNOWN_ACCOUNT or NOT_CONNECTED. */
    static WhatsAppClient client(AccountHost host, String account) {
        HostedAccount hosted = host.find(account).orElseThrow(() -> new AccountException(
                AccountException.Reason.UNKNOWN_ACCOUNT, "the bridge does not host account " + account));
        return hosted.connectedClient().orElseThrow(() -> new AccountException(AccountException.Reason.NOT_CONNECTED,
                "account " + account + " is not connected (" + hosted.state() + ")"));
    }

    static Jid group(String text) {
        Jid group = Jid.parse(text);
        if (!group.isGroup() || group.user().isEmpty()) {
            throw CommandFailure.invalid("not a group JID (<id>@g.us): " + text);
        }
        return group;
    }

    /** Phone-number or LID user JIDs (device parts dropped); at least one unless {@code mayBeEmpty}. */
    static List<Jid> users(List<String> texts, boolean mayBeEmpty) {
        if (texts.isEmpty() && !mayBeEmpty) {
            throw CommandFailure.invalid("at least one participant is needed");
        }
        return texts.stream().map(text -> {
            Jid jid = Jid.parse(text);
            if (!(jid.isPhoneUser() || jid.isLid()) || jid.user().isEmpty()) {
                throw CommandFailure.invalid("not a user JID: " + text);
            }
            return jid.toNonAd();
        }).distinct().toList();
    }

    private static ParticipantAction action(io.tryx.common.v1.ParticipantAction action) {
        return switch (action) {
            case ADD -> ParticipantAction.ADD;
            case REMOVE -> ParticipantAction.REMOVE;
            case PROMOTE -> ParticipantAction.PROMOTE;
            case DEMOTE -> ParticipantAction.DEMOTE;
            case LEAVE, JOIN_BY_LINK, UNKNOWN -> throw CommandFailure.invalid("UpdateParticipants takes ADD, REMOVE, "
                    + "PROMOTE or DEMOTE, not " + action + " (use LeaveGroup or JoinGroupByInvite)");
        };
    }

    private static GroupSetting setting(SetGroupSetting setting) {
        return switch (setting.getSetting()) {
            case ANNOUNCEMENT -> new GroupSetting.Announce(setting.getEnabled());
            case LOCKED -> new GroupSetting.Locked(setting.getEnabled());
            case JOIN_APPROVAL -> new GroupSetting.JoinApproval(setting.getEnabled());
            case ADMIN_ADD_ONLY -> throw CommandFailure.unsupported(setting.getSetting()
                    + " cannot be set yet: the protocol runtime sets only announcement, locked and join approval");
            case UNKNOWN -> throw CommandFailure.invalid("SetGroupSetting needs a setting");
        };
    }

    static CommandSucceeded metadata(GroupInfo info) {
        return CommandSucceeded.newBuilder().setPayload(GroupMetadataMapper.map(info)).build();
    }

    private static CommandSucceeded participantResults(List<ParticipantResult> results) {
        return CommandSucceeded.newBuilder().setPayload(ParticipantResults.newBuilder().setResults(results.stream()
                .map(r -> io.tryx.commands.v1.ParticipantResult.newBuilder().setJid(r.jid().toNonAd().toString())
                        .setOk(r.ok()).setCode(r.ok() ? 200 : r.error()).build())
                .toList()).build()).build();
    }

    private static CommandSucceeded inviteLink(Jid group, String code) {
        return CommandSucceeded.newBuilder().setPayload(GroupInviteLink.newBuilder().setGroup(group.toString())
                .setCode(code).setLink(Groups.INVITE_LINK_PREFIX + code).build()).build();
    }

    private static CommandSucceeded membershipRequests(List<io.tryx.protocol.client.groups.MembershipRequest> requests) {
        return CommandSucceeded.newBuilder().setPayload(MembershipRequests.newBuilder().setRequests(requests.stream()
                .map(r -> MembershipRequest.newBuilder().setJid(r.requester().toString())
                        .setRequestedAt(r.requestedAt().equals(java.time.Instant.EPOCH) ? null
                                : r.requestedAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).build())
                .toList()).build()).build();
    }

    static CompletableFuture<CommandSucceeded> done(CompletableFuture<Void> work) {
        return work.thenApply(ok -> CommandSucceeded.newBuilder().build());
    }
}
