package de.gemeinwerk.lorawan.imports;

import de.gemeinwerk.lorawan.registry.DeviceTypes;
import de.gemeinwerk.platform.error.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceCsvTest {

    // built-in 1 "dragino-laq4", own 7 "pegel" and 8 "dragino-laq4" (preferred), others' shared 9 and 10 "schacht"
    private static final UsableTypeNames TYPES = new UsableTypeNames(List.of(
            new DeviceTypes.Usable(1, "dragino-laq4", false, true),
            new DeviceTypes.Usable(7, "pegel", true, false),
            new DeviceTypes.Usable(8, "dragino-laq4", true, false),
            new DeviceTypes.Usable(9, "schacht", false, false),
            new DeviceTypes.Usable(10, "schacht", false, false),
            new DeviceTypes.Usable(11, "boden", false, false)));

    @Test
    void readsDevicesFromAGermanExcelFile() {
        List<ImportedDevice> devices = read("""
                DevEUI;Name;Gerätetyp;Breite;Länge;Höhe
                A840415F31000001;"Luft; Rathaus";Dragino-LAQ4;51,298;9,494;170,5
                a840415f31000002;Pegel Fulda;7;51.3;9.5;
                """);

        assertThat(devices).containsExactly(
                new ImportedDevice(2, "a840415f31000001", "Luft; Rathaus", "", 8, new Position(51.298, 9.494, 170.5)),
                new ImportedDevice(3, "a840415f31000002", "Pegel Fulda", "", 7, new Position(51.3, 9.5, null)));
    }

    @Test
    void readsEnglishHeadersInAnyOrderWithADescriptionAndWithoutPosition() {
        List<ImportedDevice> devices = read("""
                name,description,deviceType,devEui,longitude,latitude
                Boden Park,"Im Beet, Nordseite",boden,a840415f31000003,,
                """);

        assertThat(devices).containsExactly(
                new ImportedDevice(2, "a840415f31000003", "Boden Park", "Im Beet, Nordseite", 11, null));
    }

    @Test
    void columnsWithoutTitleOrValuesAreIgnoredButAValueNeedsATitle() {
        List<ImportedDevice> devices = read("""
                sep=;
                DevEUI;Name;Gerätetyp;Breite;Länge;;
                a840415f31000002;Pegel Fulda;7;51.3;9.5;;
                """);

        assertThat(devices).containsExactly(
                new ImportedDevice(3, "a840415f31000002", "Pegel Fulda", "", 7, new Position(51.3, 9.5, null)));
        assertError("devEui;name;deviceType;latitude;longitude;\na840415f31000002;x;7;1;2;oops\n",
                "line 1, column 6", "Unknown column ''");
    }

    @Test
    void theHeaderMustNameTheRequiredColumnsOnce() {
        assertError("devEui,name,deviceType,latitude\n", "line 1", "longitude");
        assertError("devEui,name,deviceType,latitude,longitude,colour\n", "line 1, column 6", "colour");
        assertError("devEui,name,Typ,deviceType,latitude,longitude\n", "line 1, column 4", "twice");
        assertError("devEui,name,deviceType,latitude,longitude\n", "line 2", "no devices");
    }

    @Test
    void everyFieldIsCheckedWithLineAndColumn() {
        String header = "devEui;name;deviceType;latitude;longitude;altitude\n";
        assertError(header + "a840415f3100000;x;pegel;1;2;\n", "line 2, column 1 (devEui)", "16 hex");
        assertError(header + "a840415f31000001;;pegel;1;2;\n", "line 2, column 2 (name)", "name");
        assertError(header + "a840415f31000001;x;;1;2;\n", "line 2, column 3 (deviceType)", "device type");
        assertError(header + "a840415f31000001;x;milesight;1;2;\n", "line 2, column 3 (deviceType)",
                "no device type 'milesight'");
        assertError(header + "a840415f31000001;x;4;1;2;\n", "line 2, column 3 (deviceType)", "no device type 4");
        assertError(header + "a840415f31000001;x;schacht;1;2;\n", "line 2, column 3 (deviceType)", "its id");
        assertError(header + "a840415f31000001;x;pegel;91;2;\n", "line 2, column 4 (latitude)", "-90 and 90");
        assertError(header + "a840415f31000001;x;pegel;1;2e3;\n", "line 2, column 5 (longitude)", "2e3");
        assertError(header + "a840415f31000001;x;pegel;NaN;2;\n", "line 2, column 4 (latitude)", "NaN");
        assertError(header + "a840415f31000001;x;pegel;1;;\n", "line 2, column 5 (longitude)", "both");
        assertError(header + "a840415f31000001;x;pegel;;;12\n", "line 2, column 6 (altitude)", "latitude");
        // a shared type of several other tenants is named by its id
        assertThat(read(header + "a840415f31000001;x;10;1;2;\n").getFirst().deviceType()).isEqualTo(10);
    }

    @Test
    void aDevEuiTwiceInTheFileIsRefusedNamingBothLines() {
        assertError("""
                devEui,name,deviceType,latitude,longitude
                a840415f31000001,a,pegel,1,2
                a840415f31000002,b,pegel,1,2
                A840415F31000001,c,pegel,1,2
                """, "line 4, column 1 (devEui)", "line 2");
    }

    @Test
    void atMostTenThousandDevices() {
        StringBuilder csv = new StringBuilder("devEui,name,deviceType,latitude,longitude\n");
        for (int i = 0; i <= DeviceCsv.MAX_DEVICES; i++) {
            csv.append(String.format("%016x,d,pegel,1,2%n", i));
        }
        assertError(csv.toString(), "line " + (DeviceCsv.MAX_DEVICES + 2), "10000");
    }

    private static List<ImportedDevice> read(String csv) {
        return DeviceCsv.read(CsvTable.read(csv), TYPES);
    }

    private static void assertError(String csv, String where, String message) {
        assertThatThrownBy(() -> read(csv)).isInstanceOf(ApiException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((ApiException) e).where()).isEqualTo(where));
    }
}
