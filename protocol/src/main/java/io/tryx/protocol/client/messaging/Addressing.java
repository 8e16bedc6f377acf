package io.tryx.protocol.client.messaging;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.store.AccountState;
import io.tryx.protocol.store.DeviceCredentials;

import java.util.Optional;

/**
 * Which Signal session a device's messages use. A device is reached by its phone-number JID or its LID; the
 * session is kept under the LID whenever the mapping is known (as WhatsApp clients do since LIDs), so both
 * addressings of a peer share one session. A session started under the phone-number address before the
 * LID was known is moved over on first use. Signal addresses are {@code user[_domain].device}, the domain
 * suffix keeping LIDs and phone numbers apart (Baileys' convention).
 */
final class Addressing {

    private Addressing() {
    }

    /** The Signal address of a device JID. */
    static SignalAddress signalAddress(Jid device) {
        int domain = device.domainType();
        String name = domain == 0 ? device.user() : device.user() + "_" + domain;
        return new SignalAddress(name, device.device());
    }

    /** The user's LID, if known: from the store, or our own from the credentials. */
    static Optional<Jid> lidOf(AccountState state, Jid phoneUser, DeviceCredentials own) {
        Jid user = phoneUser.toNonAd();
        if (own != null && own.deviceJid() != null && own.lid() != null && user.sameUser(own.deviceJid().toNonAd())) {
            return Optional.of(own.lid().toNonAd());
        }
        return state.lidForPhone(user);
    }

    /**
     * The JID whose session encrypts to or decrypts from {@code device}: its LID device when the mapping is
     * known (moving a session stored under the phone-number address to the LID address), else the device.
     */
    static Jid sessionJid(AccountState state, Jid device, DeviceCredentials own) {
        if (!device.isPhoneUser()) {
            return device;
        }
        Optional<Jid> lid = lidOf(state, device, own);
        if (lid.isEmpty()) {
            return device;
        }
        Jid lidDevice = lid.get().withDevice(device.device());
        SignalAddress lidAddress = signalAddress(lidDevice);
        SignalAddress phoneAddress = signalAddress(device);
        if (state.session(lidAddress).isEmpty()) {
            state.session(phoneAddress).ifPresent(record -> {
                state.storeSession(lidAddress, record);
                state.deleteSession(phoneAddress);
                state.identity(phoneAddress).ifPresent(identity -> state.saveIdentity(lidAddress, identity));
            });
        }
        return lidDevice;
    }

    /** Read-only: whether a session with {@code device} exists, under its LID or its phone-number address. */
    static boolean hasSession(AccountState state, Jid device, DeviceCredentials own) {
        if (state.session(signalAddress(device)).isPresent()) {
            return true;
        }
        return device.isPhoneUser() && lidOf(state, device, own)
                .map(lid -> state.session(signalAddress(lid.withDevice(device.device()))).isPresent()).orElse(false);
    }

    /** True when {@code jid} is a device or user of our own account (either domain). */
    static boolean isOwn(Jid jid, DeviceCredentials own) {
        return (own.deviceJid() != null && jid.sameUser(own.deviceJid().toNonAd()))
                || (own.lid() != null && jid.sameUser(own.lid().toNonAd()));
    }
}
