package io.tryx.bridge.demo;

import io.tryx.simulator.Simulator;
import io.tryx.simulator.SimulatorConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The demo's admin client against a real in-process simulator. */
class SimulatorAdminTest {

    private Simulator simulator;
    private SimulatorAdmin admin;

    @BeforeEach
    void start() throws InterruptedException {
        simulator = Simulator.start(SimulatorConfig.defaults());
        admin = new SimulatorAdmin(simulator.adminUrl());
    }

    @AfterEach
    void stop() {
        admin.close();
        simulator.close();
    }

    @Test
    void accountsAreCreatedAndOneMockPhoneTextsTheOther() {
        assertThat(admin.createAccount("15550000001", "Demo")).isEqualTo("15550000001@s.whatsapp.net");
        admin.createAccount("15550000002", "Friend");

        String id = admin.sendText("15550000002", "15550000001@s.whatsapp.net", "hi from the friend");

        assertThat(id).isNotBlank();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.inbox("15550000001"))
                .anySatisfy(text -> {
                    assertThat(text.id()).isEqualTo(id);
                    assertThat(text.from()).startsWith("15550000002");
                    assertThat(text.text()).isEqualTo("hi from the friend");
                }));
    }

    @Test
    void refusalsAreTypedWithTheSimulatorsCode() {
        admin.createAccount("15550000003", "Demo");

        assertThatThrownBy(() -> admin.createAccount("15550000003", "Again"))
                .isInstanceOfSatisfying(SimulatorAdminException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.code()).isEqualTo("account-exists");
                });
        assertThatThrownBy(() -> admin.scanQr("15550000003", "not a qr"))
                .isInstanceOfSatisfying(SimulatorAdminException.class, e -> assertThat(e.code()).isEqualTo("malformed-qr"));
        assertThatThrownBy(() -> admin.sendText("15559999999", "15550000003@s.whatsapp.net", "x"))
                .isInstanceOfSatisfying(SimulatorAdminException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void aSimulatorThatIsGoneIsAnIoError() {
        SimulatorAdmin gone = new SimulatorAdmin("http://127.0.0.1:1");

        assertThatThrownBy(() -> gone.createAccount("15550000004", "x"))
                .isInstanceOfSatisfying(SimulatorAdminException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.code()).isEqualTo("io-error");
                });
        gone.close();
    }
}
