package io.prescale.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorTest {
    private static final Map<String, String> WEB_200 =
            Map.of("__name__", "http_requests_total", "job", "web", "code", "200");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http_requests_total                              | true",
                "http_requests_total{job=\"web\"}                 | true",
                "http_requests_total{job=\"api\"}                 | false",
                "{__name__=\"http_requests_total\", code=~\"2..\"} | true",
                "http_requests_total{code=~\"5..\"}               | false",
                "http_requests_total{code!=\"500\",job!~'a.*'}    | true",
                "http_requests_total{instance=\"\"}               | true",
                "http_requests_total{code=~\"2\"}                 | false",
                "other                                            | false",
                "http_requests_total { job = `web` , }            | true",
            })
    void matchesAsPrometheusDoes(String selector, boolean expected) {
        assertThat(Selector.parse(selector).matches(WEB_200)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http_requests_total{job=\"web\"        | expected ',' or '}'",
                "{}                                     | has no metric name and no matcher",
                "http_requests_total{job=web}           | expected a quoted value at position 25",
                "http_requests_total{job~\"web\"}       | expected =, !=, =~ or !~ after label job",
                "http_requests_total{code=~\"(\"}       | bad regular expression '(' for label code",
                "rate(x[5m])                            | expected the end of the selector",
                "                                       | expected a metric name or '{'",
            })
    void badSelectorsAreNamedWithWhatWasExpected(String selector, String message) {
        String text = selector == null ? "" : selector;
        assertThatThrownBy(() -> Selector.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
