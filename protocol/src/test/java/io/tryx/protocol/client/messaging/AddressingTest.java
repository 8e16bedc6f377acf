package io.tryx.protocol.client.messaging;

import io.tryx.protocol.jid.Jid;
import io.tryx.protocol.signal.SignalAddress;
import io.tryx.protocol.signal.TestParty;
import io.tryx.protocol.store.DeviceCredentials;
import io.tryx.protocol.store.InMemoryAccountStore;
import io.tryx.protocol.store.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Signal addresses of JIDs and the session kept under a peer's LID once it is known. */
class AddressingTest {

    private final SecureRandom random = new SecureRandom();
    private final InMemoryAccountStore store = new InMemoryAccountStore("test");
    private final DeviceCredentials own = DeviceCredentials.generate(random, 0)
            .paired(Fixture.OWN, Fixture.OWN_LID, Fixture.ACCOUNT);

    @Test
    void addressesCarryTheDomainOfNonPhoneUsers() {
        assertThat(Addressing.signalAddress(Jid.parse("15550002222:4@s.whatsapp.net"))).isEqualTo(new SignalAddress("15550002222", 4));
        assertThat(Addressing.signalAddress(Jid.parse("200000000000002:4@lid"))).isEqualTo(new SignalAddress("200000000000002_1", 4));
        assertThat(Addressing.signalAddress(Jid.parse("15550002222@s.whatsapp.net"))).isEqualTo(new SignalAddress("15550002222", 0));
    }

    @Test
    void aPhoneNumberSessionMovesToTheLidOnceTheMappingIsKnown() {
        store.save(own);
        Jid bobDevice = Jid.parse("15550002222:1@s.whatsapp.net");
        TestParty bob = new TestParty(new SignalAddress("bob", 1), io.tryx.protocol.signal.IdentityKeyPair.generate(random), random);
        new io.tryx.protocol.signal.session.SessionBuilder(random).processBundle(store, Addressing.signalAddress(bobDevice), bob.bundle());
        assertThat(Addressing.sessionJid(store, bobDevice, own)).as("no mapping yet").isEqualTo(bobDevice);

        store.storeLidMapping(Jid.parse("200000000000002@lid"), bobDevice.toNonAd());
        assertThat(Addressing.hasSession(store, bobDevice, own)).isTrue();
        UnitOfWork work = store.begin();
        Jid moved = Addressing.sessionJid(work, bobDevice, own);
        work.commit();
        assertThat(moved).isEqualTo(Jid.parse("200000000000002:1@lid"));
        assertThat(store.session(new SignalAddress("200000000000002_1", 1))).isPresent();
        assertThat(store.session(new SignalAddress("15550002222", 1))).isEmpty();
        assertThat(store.identity(new SignalAddress("200000000000002_1", 1))).isPresent();
    }

    @Test
    void ourOwnDevicesUseOurLidFromTheCredentials() {
        Jid ownPhone = Jid.parse("15550001111@s.whatsapp.net");
        assertThat(Addressing.sessionJid(store, ownPhone, own)).isEqualTo(Jid.parse("100000000000001@lid"));
        assertThat(Addressing.isOwn(Jid.parse("100000000000001:7@lid"), own)).isTrue();
        assertThat(Addressing.isOwn(Jid.parse("15550002222@s.whatsapp.net"), own)).isFalse();
    }
}
