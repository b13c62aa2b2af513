package io.keygate.audit.event.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keygate.audit.event.InvalidParameterException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExportTest {

    @Test
    void csvQuotesWhatNeedsItAndNeutralisesFormulas() {
        assertThat(Export.csvLine(Arrays.asList("a", null, 7, "b,c", "say \"hi\"", "=SUM(A1)", "-1", "two\nlines")))
                .isEqualTo("a,,7,\"b,c\",\"say \"\"hi\"\"\",'=SUM(A1),'-1,\"two\nlines\"\r\n");
        // Numbers are not text a spreadsheet would run.
        assertThat(Export.csvLine(Arrays.asList(-5L))).isEqualTo("-5\r\n");
    }

    @Test
    void formatIsJsonLinesByDefaultOrCsvAndNothingElse() {
        assertThat(Export.csv(null)).isFalse();
        assertThat(Export.csv("jsonl")).isFalse();
        assertThat(Export.csv("csv")).isTrue();
        assertThatThrownBy(() -> Export.csv("xml"))
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo("format"));
    }
}
