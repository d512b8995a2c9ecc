package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.CommandOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionCommandsTest {

    @Test
    void reportsProgressEveryHundredThousandObservationsOfADatastream() {
        CommandOutput output = new CommandOutput();
        ObservationPurge.Progress progress = RetentionCommands.progress(output.errStream());

        for (int chunk = 0; chunk < 50; chunk++) {
            progress.chunkCommitted(7, 5000);
            progress.chunkCommitted(8, 1000);
        }

        assertThat(output.err()).isEqualTo("Datastream 7: 100000 deleted so far\nDatastream 7: 200000 deleted so far\n");
    }
}
