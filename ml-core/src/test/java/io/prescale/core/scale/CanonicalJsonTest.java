package io.prescale.core.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CanonicalJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void canonicalisesTheRfc8785Example() throws Exception {
        // RFC 8785 §3.2.2 input and its canonical form.
        String input = "{\"numbers\":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"
                + "\"string\":\"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\"literals\":[null,true,false]}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(CanonicalJson.write(MAPPER.readTree(input))).isEqualTo(expected);
    }

    @Test
    void sortsKeysByUtf16CodeUnits() throws Exception {
        // RFC 8785 §3.2.3 sorting example (subset): "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "דּ"
        String input =
                "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With Dagesh\","
                        + "\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\",\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        String canonical = CanonicalJson.write(MAPPER.readTree(input));
        assertThat(canonical)
                .startsWith("{\"\\r\":")
                .contains("\"1\":\"One\",\"\u0080\":\"Control\",\"ö\"")
                .contains("\"€\":\"Euro Sign\",\"😀\":")
                .endsWith("\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "0, 0",
        "-0.0, 0",
        "1, 1",
        "-1.5, -1.5",
        "1e21, 1e+21",
        "1e20, 100000000000000000000",
        "0.000001, 0.000001",
        "1e-7, 1e-7",
        "123456789012345680000, 123456789012345680000",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "0.1, 0.1",
        "100, 100",
        "9007199254740992, 9007199254740992",
        "295147905179352830000, 295147905179352830000"
    })
    void writesNumbersAsEcmaScriptDoes(double value, String expected) {
        assertThat(CanonicalJson.number(value)).isEqualTo(expected);
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> CanonicalJson.number(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
