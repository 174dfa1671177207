package io.prescale.nomad.annotations;

import java.util.Objects;

/**
 * The outcome of reading one annotated group: a {@link GroupSpec}, or a status ({@code invalid} or
 * {@code disabled}) with the reason, plus the count Nomad runs and the job's spec index seen.
 */
public record Annotated(
        GroupRef ref, GroupSpec spec, String status, String reason, int currentCount, long jobModifyIndex) {
    public static final String OK = "ok";
    public static final String INVALID = "invalid";
    public static final String DISABLED = "disabled";

    public Annotated {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(status, "status");
        if (spec == null && OK.equals(status)) {
            throw new IllegalArgumentException("an ok group needs a spec");
        }
    }

    public boolean valid() {
        return spec != null;
    }
}
