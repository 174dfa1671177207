package io.prescale.nomad.loop;

import io.prescale.nomad.client.Job;
import java.util.List;
import java.util.Optional;

/** Where the loop finds jobs: Nomad ({@link NomadDiscovery}) or a jobs file ({@link StaticJobs}). */
public interface JobSource {
    /**
     * The jobs to evaluate now.
     *
     * @throws io.prescale.nomad.client.NomadApiException when Nomad cannot be listed
     */
    List<Job> jobs();

    /** The job as it is right now (read again just before acting), empty when gone. */
    Optional<Job> reread(String namespace, String id);

    /** Whether actions reach a real Nomad (false for a jobs file: always a dry run). */
    boolean live();
}
