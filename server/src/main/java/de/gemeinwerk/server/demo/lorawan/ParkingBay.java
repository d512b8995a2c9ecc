package de.gemeinwerk.server.demo.lorawan;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * A parking bay with an NPS405 in the ground: cars come and go, more often during opening hours; the sensor sends
 * its status only when the bay changes (and once when the simulation starts, so the bay is known at once).
 */
final class ParkingBay implements Simulation {

    private final Duration typicalStay;
    private boolean occupied;
    private Instant since;

    ParkingBay(Duration typicalStay) {
        this.typicalStay = typicalStay;
    }

    @Override
    public synchronized SensorPayload next(Instant now, Random random) {
        if (since == null) {
            occupied = random.nextBoolean();
            since = now;
            return Nps405ParkingStatus.after(occupied, Duration.ofMinutes(random.nextInt(120)));
        }
        double hour = Simulation.hourOfDay(now);
        boolean busy = hour >= 7 && hour < 20;
        // the chance of a change grows with the time the bay has been in its state: stays last about typicalStay
        double elapsed = Duration.between(since, now).toSeconds() / (double) typicalStay.toSeconds();
        double chance = (busy ? 0.5 : 0.05) * Math.min(1, elapsed);
        if (random.nextDouble() >= chance) {
            return null;
        }
        Duration previous = Duration.between(since, now);
        occupied = !occupied;
        since = now;
        return Nps405ParkingStatus.after(occupied, previous);
    }
}
