package io.prescale.nomad.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Nomad's headers arrive in Go's canonical spelling or any other case: the client matches them case-insensitively. */
class HeaderCaseTest {
    @Test
    void readsQueryMetaWhateverTheHeaderCase() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.enqueue(new MockResponse.Builder()
                    .code(200)
                    .setHeader("Content-Type", "application/json")
                    .addHeader("x-nomad-index", "42")
                    .addHeader("X-NOMAD-KNOWNLEADER", "true")
                    .addHeader("X-Nomad-Lastcontact", "7")
                    .addHeader("x-nomad-nexttoken", "default.b")
                    .body("[{\"ID\":\"a\",\"Namespace\":\"default\",\"ModifyIndex\":3,\"JobModifyIndex\":2}]")
                    .build());
            server.start();
            NomadClient client = NomadClient.create(
                    NomadConfig.builder(URI.create(server.url("/").toString())).build());
            QueryResult<List<JobListStub>> r = client.listJobs(JobsQuery.defaults());
            assertThat(r.meta()).isEqualTo(new QueryMeta(42, 7, true, "default.b"));
            assertThat(r.value().get(0).modifyIndex()).isEqualTo(3);
            assertThat(server.takeRequest().getHeaders().get("X-Nomad-Token")).isNull();
        }
    }
}
