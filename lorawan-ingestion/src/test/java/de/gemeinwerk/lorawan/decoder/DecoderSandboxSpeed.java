package de.gemeinwerk.lorawan.decoder;

import java.time.Instant;
import java.util.List;

/**
 * Run by hand, not a test (timings do not belong in the suite): decodes the codec examples with the built-in
 * decoders in a loop on one thread and prints the mean time per decode after warm-up.
 */
public final class DecoderSandboxSpeed {

    public static void main(String[] args) {
        DecoderSandbox sandbox = new DecoderSandbox();
        List<CodecExamples> examples = CodecExamples.all();
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Instant now = Instant.now();
        for (int pass = 0; pass < 3; pass++) {
            long started = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                CodecExamples example = examples.get(i % examples.size());
                sandbox.decode(BuiltInDecoders.all().get(example.deviceType()), example.fromHex(), example.fPort(), now);
            }
            double micros = (System.nanoTime() - started) / 1000.0 / rounds;
            System.out.printf("pass %d: %.1f µs per decode (%,.0f decodes/s on one thread)%n", pass, micros, 1e6 / micros);
        }
    }
}
