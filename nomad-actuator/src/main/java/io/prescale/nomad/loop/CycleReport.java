package io.prescale.nomad.loop;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluation cycle: the groups in order (namespace, job, group), the wall time, the faults counted in this
 * cycle by kind, and the discovery failure (null when Nomad was listed).
 */
public record CycleReport(Instant now, List<GroupResult> groups, double cycleSeconds, Map<String, Integer> errors,
                          String discoveryError, boolean leader) {
    public CycleReport {
        groups = List.copyOf(groups);
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }
}
