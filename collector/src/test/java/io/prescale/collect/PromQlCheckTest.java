package io.prescale.collect;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromQlCheckTest {
    @Test
    void balancedQueriesPass() {
        assertThatCode(() -> PromQlCheck.check("histogram_quantile(0.9, sum by (le) (rate(x_bucket{job=\"a)\"}[5m])))"))
                .doesNotThrowAnyException();
    }

    @Test
    void unclosedParenthesisIsNamedWithItsPosition() {
        assertThatThrownBy(() -> PromQlCheck.check("sum(rate(x[5m])"))
                .hasMessage("query 'sum(rate(x[5m])' does not parse: unclosed ( at position 16");
        assertThatThrownBy(() -> PromQlCheck.check("sum(x])")).hasMessageContaining("unexpected ]");
        assertThatThrownBy(() -> PromQlCheck.check("x{a=\"b}")).hasMessageContaining("unclosed \"");
        assertThatThrownBy(() -> PromQlCheck.check(" ")).hasMessageContaining("non-empty");
    }
}
