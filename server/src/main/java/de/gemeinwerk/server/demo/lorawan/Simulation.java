package de.gemeinwerk.server.demo.lorawan;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Random;

/** What a simulated device measures at a moment; null when it has nothing to send then (a parking bay that did not change). */
@FunctionalInterface
interface Simulation {

    ZoneId TOWN = ZoneId.of("Europe/Berlin");

    SensorPayload next(Instant now, Random random);

    /** Local hour of day with fractions: daily cycles follow the town's clock. */
    static double hourOfDay(Instant now) {
        ZonedDateTime local = now.atZone(TOWN);
        return local.getHour() + local.getMinute() / 60.0 + local.getSecond() / 3600.0;
    }

    /**
     * An ultrasonic sensor under the lid of a waste container: the distance to the waste shrinks as the container
     * fills during the day, and jumps back when it is emptied at 6 o'clock.
     */
    static Simulation wasteContainer(int emptyDistanceMm, double dailyFill) {
        return (now, random) -> {
            double sinceEmptied = (hourOfDay(now) + 18) % 24;
            int distance = (int) Math.round(emptyDistanceMm * (1 - dailyFill * sinceEmptied / 24) + random.nextGaussian() * 8);
            return new Em500UdlPayload(96, Math.clamp(distance, 150, emptyDistanceMm));
        };
    }

    /** A submersible level probe in a brook or basin: a slow daily swing around its mean level, in cm. */
    static Simulation waterLevel(double meanCm, double swingCm) {
        return (now, random) -> {
            double level = meanCm + swingCm * Math.sin(hourOfDay(now) / 24 * 2 * Math.PI) + random.nextGaussian() * 1.5;
            return new Em500SwlPayload(88, (int) Math.max(0, Math.round(level)));
        };
    }

    /**
     * Indoor air of a room used in the morning and afternoon: CO₂ and TVOC rise while people are in it, temperature
     * and humidity follow; the sensor's alarm is set above 1,000 ppm CO₂.
     */
    static Simulation roomAir(double peopleFactor) {
        return (now, random) -> {
            double h = hourOfDay(now);
            double occupancy = Math.exp(-Math.pow(h - 10, 2) / 3) + 0.7 * Math.exp(-Math.pow(h - 15, 2) / 2);
            int co2 = (int) Math.round(420 + 700 * peopleFactor * occupancy + random.nextGaussian() * 15);
            int tvoc = (int) Math.max(0, Math.round(40 + 180 * peopleFactor * occupancy + random.nextGaussian() * 5));
            int temperature = (int) Math.round(10 * (20.0 + 1.8 * occupancy + random.nextGaussian() * 0.1));
            int humidity = (int) Math.round(10 * (42.0 + 8 * occupancy + random.nextGaussian() * 0.3));
            return new Laq4Payload(3310, co2 > 1000, tvoc, Math.max(400, co2), temperature, Math.clamp(humidity, 0, 1000));
        };
    }
}
