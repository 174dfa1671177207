package io.prescale.nomad.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prescale.nomad.client.Job;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jobs from a file instead of a cluster: one job as {@code nomad job run -output} prints it ({@code {"Job": …}}),
 * a bare job object, or an array of either. Always a dry run.
 */
public final class StaticJobs implements JobSource {
    private final List<Job> jobs;

    public StaticJobs(List<Job> jobs) {
        this.jobs = List.copyOf(jobs);
    }

    /**
     * Reads {@code file}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     */
    public static StaticJobs read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read jobs file " + file + ": " + e.getMessage(), e);
        }
        List<Job> jobs = new ArrayList<>();
        try {
            if (root != null && root.isArray()) {
                root.forEach(n -> jobs.add(Job.fromJson(n)));
            } else {
                jobs.add(Job.fromJson(root));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "jobs file " + file + ": " + e.getMessage() + " (expected the output of nomad job run -output)", e);
        }
        return new StaticJobs(jobs);
    }

    @Override
    public List<Job> jobs() {
        return jobs;
    }

    @Override
    public Optional<Job> reread(String namespace, String id) {
        return jobs.stream()
                .filter(j -> j.namespace().equals(namespace) && j.id().equals(id))
                .findFirst();
    }

    @Override
    public boolean live() {
        return false;
    }
}
