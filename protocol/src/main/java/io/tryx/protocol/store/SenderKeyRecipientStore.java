package io.tryx.protocol.store;

import io.tryx.protocol.jid.Jid;

import java.util.Set;

/**
 * Which devices hold our current sender key of a group, so a group send distributes the key only to the devices
 * that lack it. Forgetting a group's recipients goes with rotating our sender key (a participant left).
 */
public interface SenderKeyRecipientStore {

    /** The device JIDs that received our current sender key of {@code group}; empty when none did. */
    Set<Jid> senderKeyRecipients(Jid group);

    /** Records that {@code devices} received our current sender key of {@code group} (added to those before). */
    void addSenderKeyRecipients(Jid group, Set<Jid> devices);

    /** Forgets every recipient of {@code group}: the next send distributes the (new) key to everyone. */
    void forgetSenderKeyRecipients(Jid group);
}
