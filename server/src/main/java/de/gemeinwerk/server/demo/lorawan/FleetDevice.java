package de.gemeinwerk.server.demo.lorawan;

import java.time.Duration;
import java.util.List;

/**
 * A simulated LoRaWAN device of the demo town: its registration (EUI, name, built-in device type, place) and what it
 * measures. The places lie in the demo municipality's fictional town (around 9.50° E, 51.30° N).
 */
record FleetDevice(String devEui, String name, String description, String deviceType, double lon, double lat,
                   Simulation simulation) {

    static final String WASTE = "milesight-em500-udl";
    static final String WATER = "milesight-em500-swl";
    static final String AIR = "dragino-laq4";
    static final String PARKING = "nwave-nps405";

    /** A fresh fleet: each call gets its own simulation state (parking bays). */
    static List<FleetDevice> town() {
        return List.of(
                new FleetDevice("24E124713D000001", "Füllstand Unterflurbehälter Bahnhof",
                        "Ultraschall-Füllstandssensor im Unterflurbehälter am Bahnhofsvorplatz", WASTE, 9.4941, 51.2979,
                        Simulation.wasteContainer(1200, 0.85)),
                new FleetDevice("24E124713D000002", "Füllstand Altglas Marktplatz",
                        "Ultraschall-Füllstandssensor im Altglascontainer am Marktplatz", WASTE, 9.4982, 51.2994,
                        Simulation.wasteContainer(1500, 0.35)),
                new FleetDevice("24E124713D000003", "Füllstand Papierkorb Stadtpark",
                        "Ultraschall-Füllstandssensor im Papierkorb am Spielplatz im Stadtpark", WASTE, 9.5057, 51.3026,
                        Simulation.wasteContainer(600, 0.7)),
                new FleetDevice("24E124713D000011", "Pegel Mühlbach am Wehr", "Drucksonde im Mühlbach am alten Wehr",
                        WATER, 9.5088, 51.3041, Simulation.waterLevel(84, 6)),
                new FleetDevice("24E124713D000012", "Pegel Regenrückhaltebecken Nord",
                        "Drucksonde im Regenrückhaltebecken am Gewerbegebiet Nord", WATER, 9.4963, 51.3069,
                        Simulation.waterLevel(132, 10)),
                new FleetDevice("A84041000D000021", "Luftqualität Ratssaal", "Raumluftsensor im Ratssaal des Rathauses",
                        AIR, 9.4996, 51.3004, Simulation.roomAir(0.6)),
                new FleetDevice("A84041000D000022", "Luftqualität Grundschule Klasse 3a",
                        "Raumluftsensor im Klassenzimmer 3a der Grundschule am Lindenplatz", AIR, 9.5013, 51.2967,
                        Simulation.roomAir(1.0)),
                new FleetDevice("70B3D50D00000031", "Stellplatz Rathaus 1", "Bodensensor im Stellplatz 1 vor dem Rathaus",
                        PARKING, 9.49971, 51.30061, new ParkingBay(Duration.ofMinutes(25))),
                new FleetDevice("70B3D50D00000032", "Stellplatz Rathaus 2", "Bodensensor im Stellplatz 2 vor dem Rathaus",
                        PARKING, 9.49978, 51.30062, new ParkingBay(Duration.ofMinutes(40))),
                new FleetDevice("70B3D50D00000033", "Stellplatz Rathaus 3 (barrierefrei)",
                        "Bodensensor im barrierefreien Stellplatz vor dem Rathaus", PARKING, 9.49985, 51.30063,
                        new ParkingBay(Duration.ofMinutes(90))),
                new FleetDevice("70B3D50D00000034", "Ladeplatz Marktplatz", "Bodensensor im E-Ladeplatz am Marktplatz",
                        PARKING, 9.49802, 51.29921, new ParkingBay(Duration.ofMinutes(60))));
    }

    /**
     * A device nobody registered in Gemeinwerk (its network server knows it): its uplinks go to the quarantine,
     * where the administrator can adopt it.
     */
    static FleetDevice stranger() {
        return new FleetDevice("24E124713D0000FF", "em500-udl-unbekannt", "", WASTE, 9.5021, 51.2989,
                Simulation.wasteContainer(1000, 0.5));
    }
}
