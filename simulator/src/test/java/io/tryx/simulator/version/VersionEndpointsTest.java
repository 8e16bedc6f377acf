package io.tryx.simulator.version;

import io.tryx.protocol.login.ClientVersion;
import io.tryx.simulator.admin.AdminResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /sw.js} and {@code GET|POST /admin/config}: the published version and the minimum, typed errors. */
class VersionEndpointsTest {

    private final WebVersions versions = new WebVersions();
    private final VersionEndpoints endpoints = new VersionEndpoints(versions);

    @Test
    void theServiceWorkerPublishesTheCurrentRevisionAsWhatsAppWebDoes() {
        assertThat(ClientVersion.fromServiceWorker(script())).contains(ClientVersion.DEFAULT);
        post("{\"webVersion\":\"2.3000.1999999999\"}");
        assertThat(ClientVersion.fromServiceWorker(script())).contains(ClientVersion.parse("2.3000.1999999999"));
    }

    @Test
    void aMinimumAboveTheWebVersionRaisesItAndBadValuesChangeNothing() {
        AdminResponse raised = post("{\"minVersion\":\"2.3000.2000000000\"}");
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.body()).isEqualTo(new VersionEndpoints.Config("2.3000.2000000000", "2.3000.2000000000"));
        assertError(post("{\"minVersion\":\"2.3000\"}"), 400, "invalid-version");
        assertError(post("{\"webVersion\":\"2.3000.1\"}"), 400, "invalid-version");
        assertError(post("[1]"), 400, "invalid-json");
        assertError(endpoints.handle("DELETE", "/admin/config", new byte[0]).orElseThrow(), 405, "method-not-allowed");
        assertThat(versions.minimum()).isEqualTo(ClientVersion.parse("2.3000.2000000000"));
        assertThat(endpoints.handle("GET", "/admin/stats", new byte[0])).isEmpty();
    }

    private String script() {
        AdminResponse answer = endpoints.handle("GET", "/sw.js", new byte[0]).orElseThrow();
        assertThat(answer.status()).isEqualTo(200);
        AdminResponse.Raw raw = (AdminResponse.Raw) answer.body();
        assertThat(raw.contentType()).startsWith("application/javascript");
        return new String(raw.bytes(), StandardCharsets.UTF_8);
    }

    private AdminResponse post(String json) {
        return endpoints.handle("POST", "/admin/config", json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private static void assertError(AdminResponse answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(status);
        assertThat(((AdminResponse.ErrorBody) answer.body()).error()).isEqualTo(code);
    }
}
