package io.prescale.nomad.loop;

import io.prescale.core.scale.Decision;
import io.prescale.nomad.annotations.GroupRef;
import io.prescale.nomad.annotations.Mode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One group's outcome in one cycle.
 *
 * @param mode the group's mode (null when its annotations are invalid)
 * @param status {@code ok}, {@code hold}, {@code invalid}, {@code disabled}, {@code error}, {@code deployment},
 *               {@code manual-change}, {@code conflict}
 * @param decision the controller's decision, or null when none was made
 * @param applied what Nomad answered to the action, or null when no call was made
 * @param numbers the numbers behind the decision (loads in requests/s, counts in instances), finite or NaN
 * @param forecastPeaks the forecast peak over {@code [now, now + lead]} per quantile level
 */
public record GroupResult(
        GroupRef ref,
        Mode mode,
        String status,
        String reason,
        int currentCount,
        Decision decision,
        Applied applied,
        Map<String, Double> numbers,
        Map<Double, Double> forecastPeaks,
        Instant evaluatedAt) {
    /** Nomad's answer to a changing call: HTTP status (0 when none arrived) and its error text (null on success). */
    public record Applied(int httpStatus, String error) {}

    public GroupResult {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        numbers = numbers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        forecastPeaks =
                forecastPeaks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(forecastPeaks));
    }

    GroupResult with(String newStatus, String newReason, Applied newApplied) {
        return new GroupResult(
                ref,
                mode,
                newStatus,
                newReason,
                currentCount,
                decision,
                newApplied,
                numbers,
                forecastPeaks,
                evaluatedAt);
    }
}
