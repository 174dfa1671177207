package io.prescale.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.contract.summary.Figure;
import io.prescale.contract.summary.Link;
import io.prescale.contract.summary.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void everyTextIsEscapedInTheHtml() {
        Summary summary = new Summary(
                "<script>t</script>",
                List.of(new Figure("a&b", "\"x\" 'y'")),
                null,
                List.of(new Link("p<1>", "artifact/a%20b.json?x=1&y=2")),
                List.of("note <i>"));
        assertThat(summary.toHtml())
                .contains(
                        "&lt;script&gt;t&lt;/script&gt;",
                        "a&amp;b",
                        "&quot;x&quot; &#39;y&#39;",
                        "p&lt;1&gt;",
                        "a%20b.json?x=1&amp;y=2",
                        "note &lt;i&gt;")
                .doesNotContain("<script>", "<i>");
    }

    @Test
    void onlyRelativePathsAndHttpUrlsAreLinks() {
        assertThat(Link.safe("artifact/prescale/policy.json")).isTrue();
        assertThat(Link.safe("https://grafana.example/d/x")).isTrue();
        assertThat(Link.safe("javascript:alert(1)")).isFalse();
        assertThat(Link.safe("data:text/html,x")).isFalse();
        assertThat(Link.safe("//evil.example/x")).isFalse();
        assertThat(Link.safe("artifact/../../x")).isFalse();
        assertThatThrownBy(() -> new Link("x", "javascript:1")).isInstanceOf(IllegalArgumentException.class);
    }
}
