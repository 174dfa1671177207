package io.prescale.core.redact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    private static final String TOKEN = "s3cr3t/T0ken+with=odd\"chars";

    @ParameterizedTest
    @ValueSource(strings = {"raw", "url", "json"})
    void masksABearerTokenInEveryFormAServerMightEchoIt(String form) {
        String echoed = switch (form) {
            case "raw" -> TOKEN;
            case "url" -> URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
            default -> TOKEN.replace("\"", "\\\"").replace("/", "\\/");
        };
        Redactor redactor = Redactor.none().withBearerToken(TOKEN);

        assertThat(redactor.redact("header was '" + echoed + "'")).isEqualTo("header was '***'");
    }

    @Test
    void masksBasicAuthPasswordPairAndHeaderValueButNotTheUserAlone() {
        String header = Base64.getEncoder().encodeToString("bob:pw-456789".getBytes(StandardCharsets.UTF_8));
        Redactor redactor = Redactor.none().withBasicAuth("bob", "pw-456789");

        assertThat(redactor.redact("Authorization: Basic " + header + "; pair bob:pw-456789; pw pw-456789; user bob"))
                .doesNotContain("pw-456789")
                .doesNotContain(header)
                .contains("user bob");
    }

    @Test
    void masksGenericCredentialShapesWithoutKnowingTheSecret() {
        String text = "got Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc and X-Nomad-Token: 1a2b3c4d-5e6f "
                + "from https://alice:hunter22@proxy.example/api, basic auth; bearer token";

        assertThat(Redactor.none().redact(text))
                .isEqualTo("got Authorization: Bearer *** and X-Nomad-Token: *** from https://***@proxy.example/api,"
                        + " basic auth; bearer token");
    }

    @Test
    void masksTheUserInfoOfAKnownUrlWhereverItAppears() {
        Redactor redactor = Redactor.none().withUrl(URI.create("http://svc:pa55word@prom:9090"));

        assertThat(redactor.redact("login svc:pa55word failed; password pa55word"))
                .doesNotContain("pa55word");
    }

    @Test
    void excerptRedactsBeforeCuttingSoNoHalfSecretSurvives() {
        Redactor redactor = Redactor.none().withSecret("ABCDEFGHIJ");
        String text = "x".repeat(15) + "ABCDEFGHIJ" + "y".repeat(50);

        assertThat(redactor.excerpt(text, 20))
                .isEqualTo("x".repeat(15) + "***y…")
                .doesNotContain("ABC");
        assertThat(redactor.excerpt("a\nb\tc", 10)).isEqualTo("a b c");
        assertThatThrownBy(() -> redactor.excerpt("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void knowsNoSecretWhenGivenNone() {
        assertThat(Redactor.none()
                        .withSecret(null)
                        .withSecret("")
                        .withBasicAuth("u", null)
                        .redact("plain text"))
                .isEqualTo("plain text");
        assertThat(Redactor.none().withSecret(TOKEN).toString()).doesNotContain(TOKEN);
    }
}
