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

    @Test
    void excelsSepLineDeclaresTheSeparatorAndIsNoHeader() {
        CsvTable table = CsvTable.read("sep=,\r\ndevEui,name;x\r\n1,2;3\r\n");

        assertThat(table.separator()).isEqualTo(',');
        assertThat(table.header().fields()).containsExactly("devEui", "name;x");
        assertThat(table.rows().getFirst().fields()).containsExactly("1", "2;3");
        assertThat(table.rows().getFirst().line()).isEqualTo(3);
        assertWhere("sep=|\na|b\n", "line 1");
    }

    @Test
    void theSeparatorIsTakenFromTheFirstLineWithText() {
        CsvTable table = CsvTable.read("\r\n  \r\na;b\r\n1,5;2\r\n");

        assertThat(table.separator()).isEqualTo(';');
        assertThat(table.header().fields()).containsExactly("a", "b");
        assertThat(table.rows().getFirst().fields()).containsExactly("1,5", "2");
    }

    @Test
    void aDeclaredCharsetIsDecodedStrictly() {
        byte[] excel = "Name\nGerätetyp".getBytes(Charset.forName("windows-1252"));

        assertThatThrownBy(() -> CsvTable.decode(excel, StandardCharsets.UTF_8)).isInstanceOf(ApiException.class)
                .hasMessageContaining("not valid UTF-8").satisfies(e -> assertThat(((ApiException) e).where())
                        .isEqualTo("body"));
        assertThat(CsvTable.decode("Gerätetyp".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("Gerätetyp");
    }

    @Test
    void utf16IsRefusedWithAHint() {
        byte[] littleEndian = "\uFEFFName".getBytes(StandardCharsets.UTF_16LE);
        byte[] bigEndian = "\uFEFFName".getBytes(StandardCharsets.UTF_16BE);

        for (byte[] utf16 : List.of(littleEndian, bigEndian)) {
            assertThatThrownBy(() -> CsvTable.decode(utf16, null)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("UTF-8 or Windows-1252");
            assertThatThrownBy(() -> CsvTable.decode(utf16, Charset.forName("windows-1252")))
                    .isInstanceOf(ApiException.class).hasMessageContaining("UTF-8 or Windows-1252");
        }
        assertThat(CsvTable.decode(littleEndian, StandardCharsets.UTF_16)).isEqualTo("Name");
    }

    private static void assertWhere(String csv, String where) {
        assertThatThrownBy(() -> CsvTable.read(csv)).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).where()).isEqualTo(where));
    }
}
