package io.tryx.simulator.messaging;

import io.tryx.protocol.binary.Node;
import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.message.ParticipantHash;
import io.tryx.simulator.account.Account;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The server's side of the participant list hash: the {@link ParticipantHash} of every device of the users a
 * message goes to (the recipient and the sender for a 1:1 message, every participant of a group), the sending
 * device included, written in the chat's addressing domain. When the sender's {@code phash} differs, the
 * server's ack carries its own {@code phash}, which tells the sender its device list or participant list is
 * stale (as whatsmeow reads it in {@code send.go}).
 */
public final class ServerPhash {

    private ServerPhash() {
    }

    /** The hash of the devices of {@code users} in the LID domain when {@code lid}, else the phone-number domain. */
    public static String of(Collection<Account> users, boolean lid) {
        List<Jid> devices = new ArrayList<>();
        for (Account user : users.stream().distinct().toList()) {
            Jid base = lid ? user.lid() : user.jid();
            Directory.deviceIds(user).forEach(id -> devices.add(base.withDevice(id)));
        }
        return ParticipantHash.of(devices);
    }

    /**
     * The {@code phash} the server's ack to {@code stanza} carries: the server's hash when the stanza carried a
     * different one, empty when it carried none or the same.
     */
    public static Optional<String> mismatch(Node stanza, Collection<Account> users, boolean lid) {
        Optional<String> theirs = stanza.attrs().optionalString("phash").filter(s -> !s.isEmpty());
        if (theirs.isEmpty()) {
            return Optional.empty();
        }
        String ours = of(users, lid);
        return theirs.get().equals(ours) ? Optional.empty() : Optional.of(ours);
    }
}
