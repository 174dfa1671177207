package io.prescale.nomad.loop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The annotated example job of {@code deploy/nomad/example-service.json} (the JSON {@code nomad job run -output}
 * prints for {@code example-service.nomad.hcl}), shipped in this jar: group {@code web} of job
 * {@code example-web}, load {@code store:nyc_taxi}, lead 1 h, capacity 2,500 per instance, bounds 2–12.
 */
public final class ExampleJobs {
    private static final String RESOURCE = "/io/prescale/nomad/examples/example-service.json";

    private ExampleJobs() {}

    /** Writes the example job to {@code file} (through a temporary file in its directory) and returns it. */
    public static Path writeExampleService(Path file) {
        try (InputStream in = ExampleJobs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the example job " + RESOURCE + " is missing from the jar");
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".example-service", ".tmp");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
