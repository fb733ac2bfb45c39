package io.callstream.processor.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallLogCsvTest {

    @Test
    void shouldDefuseCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(CallLogCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CallLogCsv.field("+49 30 5557")).isEqualTo("'+49 30 5557");
        assertThat(CallLogCsv.field("-1+2")).isEqualTo("'-1+2");
        assertThat(CallLogCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CallLogCsv.field("\tcmd")).isEqualTo("'\tcmd");
    }

    @Test
    void shouldQuoteSeparatorsAndLeaveOrdinaryCellsAlone() {
        assertThat(CallLogCsv.field("Doe, Jane")).isEqualTo("\"Doe, Jane\"");
        assertThat(CallLogCsv.field("493055571600")).isEqualTo("493055571600");
        assertThat(CallLogCsv.field(null)).isEmpty();
        assertThat(CallLogCsv.field(42)).isEqualTo("42");
    }
}
