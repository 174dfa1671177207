package io.prescale.cli.actuator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.Json;
import io.prescale.cli.base.LeafCommand;
import io.prescale.nomad.fake.FakeNomad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code prescale actuator fake-nomad}: the protocol-accurate fake Nomad on 127.0.0.1, holding the jobs of
 * {@code --jobs-file}, to try the actuator without a cluster. Prints the scale calls it accepted when it stops.
 */
@Command(
        name = "fake-nomad",
        description =
                "Serve a fake Nomad on 127.0.0.1 with the jobs of a file (to try the" + " actuator without a cluster).")
public final class FakeNomadCommand extends LeafCommand {
    @Option(
            names = "--jobs-file",
            required = true,
            paramLabel = "FILE",
            description = "Jobs as nomad job run -output prints them (one, or a JSON array).")
    Path jobsFile;

    @Option(
            names = "--port",
            defaultValue = "4646",
            paramLabel = "PORT",
            description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(
            names = "--duration",
            paramLabel = "DURATION",
            description = "Stop after this long (default: when stopped).")
    Duration duration;

    @Override
    protected Result execute() throws Exception {
        if (!Files.isRegularFile(jobsFile)) {
            throw new BadInputException(
                    "--jobs-file", jobsFile.toString(), "--jobs-file " + jobsFile + " does not exist");
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port", Integer.toString(port), "--port must be in [0, 65535], got " + port);
        }
        JsonNode root = Json.MAPPER.readTree(Files.readString(jobsFile));
        List<JsonNode> jobs = root.isArray() ? List.copyOf(iterable(root)) : List.of(root);
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown, "prescale-fake-nomad-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try (FakeNomad nomad = FakeNomad.start(Clock.systemUTC(), port)) {
            for (JsonNode job : jobs) {
                if (!(job.has("Job") ? job.get("Job") : job).hasNonNull("ID")) {
                    throw new BadInputException(
                            "--jobs-file",
                            jobsFile.toString(),
                            "a job in " + jobsFile + " has no ID (expected the output of nomad job run -output)");
                }
                nomad.putJob(job);
            }
            progress("fake Nomad on " + nomad.address() + " with " + jobs.size() + " job(s)");
            if (duration != null) {
                stop.await(duration.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                stop.await();
            }
            ObjectNode fields = Json.object();
            fields.put("address", nomad.address().toString());
            fields.put("jobs", nomad.jobCount());
            fields.put("requests", nomad.requests().size());
            ArrayNode scales = fields.putArray("acceptedScales");
            nomad.acceptedScales().forEach(scales::add);
            return Result.of(fields);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down
            }
        }
    }

    private static List<JsonNode> iterable(JsonNode array) {
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
