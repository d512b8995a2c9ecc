package de.gemeinwerk.sensorthings.retention;

import de.gemeinwerk.platform.CommandOutput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionCommandsTest {

    @Test
    void reportsProgressEveryHundredThousandObservationsOfADatastreamOrMultiDatastream() {
        CommandOutput output = new CommandOutput();
        ObservationPurge.Progress progress = RetentionCommands.progress(output.errStream());

        for (int chunk = 0; chunk < 50; chunk++) {
            progress.chunkCommitted(ObservationParent.datastream(7), 5000);
            progress.chunkCommitted(ObservationParent.datastream(8), 1000);
            progress.chunkCommitted(ObservationParent.multiDatastream(7), 2500);
        }

        assertThat(output.err()).isEqualTo("Datastream 7: 100000 deleted so far\nDatastream 7: 200000 deleted so far\n"
                + "MultiDatastream 7: 100000 deleted so far\n");
    }
}
