package io.tryx.protocol.login;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The web version WhatsApp publishes in its service worker script. */
class ClientVersionTest {

    @Test
    void theRevisionInsideEscapedJsonBecomesTheVersion() {
        String script = "self.__swData=JSON.parse(/*BTDS*/\"{\\\"dynamic_data\\\":{\\\"SiteData\\\":{\\\"server_revision\\\":"
                + "1023915183,\\\"client_revision\\\":1023915184,\\\"hsi\\\":\\\"x\\\"}}}\");";
        assertThat(ClientVersion.fromServiceWorker(script)).contains(new ClientVersion(2, 3000, 1023915184L));
    }

    @Test
    void aPlainJsonRevisionIsReadToo() {
        assertThat(ClientVersion.fromServiceWorker("{\"client_revision\": 1027934701}"))
                .contains(ClientVersion.parse("2.3000.1027934701"));
    }

    @Test
    void aScriptWithoutOrWithAnImpossibleRevisionHasNoVersion() {
        assertThat(ClientVersion.fromServiceWorker("importScripts('/sw-main.js');")).isEmpty();
        assertThat(ClientVersion.fromServiceWorker("\"client_revision\":99999999999")).isEmpty();
        assertThat(ClientVersion.fromServiceWorker("\"client_revision\":\"abc\"")).isEmpty();
    }
}
