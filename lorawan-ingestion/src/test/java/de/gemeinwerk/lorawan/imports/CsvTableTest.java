package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void readsRfc4180WithCommasCrlfAndQuotedFields() {
        CsvTable table = CsvTable.read("a,b,c\r\n1,\"zwei, drei\",\"sagt \"\"hallo\"\"\"\r\n\"\",,x\r\n");

        assertThat(table.separator()).isEqualTo(',');
        assertThat(table.header().fields()).containsExactly("a", "b", "c");
        assertThat(table.rows()).extracting(CsvTable.Row::fields).containsExactly(
                List.of("1", "zwei, drei", "sagt \"hallo\""), List.of("", "", "x"));
        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 3);
    }

    @Test
    void semicolonsAsGermanExcelWritesThemAreRecognisedFromTheHeader() {
        CsvTable table = CsvTable.read("devEui;latitude\n\"a;b\";51,3\n");

        assertThat(table.separator()).isEqualTo(';');
        assertThat(table.rows().getFirst().fields()).containsExactly("a;b", "51,3");
    }

    @Test
    void aQuotedLineBreakKeepsTheLineNumbersOfLaterRowsRight() {
        CsvTable table = CsvTable.read("a,b\n\"eins\nzwei\",x\n\n,,\n3,4");

        assertThat(table.rows()).extracting(CsvTable.Row::line).containsExactly(2, 6);
        assertThat(table.rows().getFirst().fields()).containsExactly("eins\nzwei", "x");
    }

    @Test
    void emptyRowsAreSkippedAndALastLineWithoutBreakCounts() {
        CsvTable table = CsvTable.read("a;b\r\n\r\n;\r\n1;2");

        assertThat(table.rows()).hasSize(1);
        assertThat(table.rows().getFirst().line()).isEqualTo(4);
    }

    @Test
    void malformedFilesNameLineAndColumn() {
        assertWhere("a,b\n1,\"open\n2,3\n", "line 2, column 2");
        assertWhere("a,b\n1,\"closed\"x\n", "line 2, column 2");
        assertWhere("a,b\n1,say \"hi\"\n", "line 2, column 2");
        assertWhere("a,b\n1,2\n1,2,3\n", "line 3");
        assertWhere("", "line 1");
        assertWhere("\n\n", "line 1");
    }

    @Test
    void utf8WithOrWithoutByteOrderMarkElseWindows1252() {
        byte[] utf8 = "\uFEFFName\nGerätetyp".getBytes(StandardCharsets.UTF_8);
        byte[] excel = "Name\nGerätetyp".getBytes(Charset.forName("windows-1252"));

        assertThat(CsvTable.decode(utf8, null)).isEqualTo("Name\nGerätetyp");
        assertThat(CsvTable.decode(excel, null)).isEqualTo("Name\nGerätetyp");
        assertThat(CsvTable.decode("Größe".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
                .isEqualTo("Größe");
    }

    private static void assertWhere(String csv, String where) {
        assertThatThrownBy(() -> CsvTable.read(csv)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).where()).isEqualTo(where));
    }
}
