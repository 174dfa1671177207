package io.prescale.grafana.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the offline report shows. Every panel is optional: the report shows what the run produced and
 * says which panels it left out. {@code window} is the width of the time figures (the most interesting part of
 * each series is chosen, see {@link InterestingWindow}). {@code actuator} holds the decisions of an actuator
 * cycle (one per group, with the group named in the reason), shown as a table.
 */
public record Report(
        String title,
        Instant generatedAt,
        List<Fact> facts,
        List<String> notes,
        Optional<LoadForecast> loadForecast,
        Optional<Counts> counts,
        List<SloCurve> slo,
        Optional<ProfileLibrary> profiles,
        Optional<AnomalyTrack> anomalies,
        List<TuningCurve> tuning,
        List<PolicyRow> policy,
        List<CapacityTimeline> backtests,
        Duration window,
        List<Decision> actuator) {
    /** One key figure shown at the top: a label and its value, already formatted with its unit. */
    public record Fact(String label, String value) {
        public Fact {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("fact label must not be blank");
            }
            value = value == null ? "–" : value;
        }
    }

    public Report {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("report title must not be blank");
        }
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        facts = List.copyOf(facts);
        notes = List.copyOf(notes);
        slo = List.copyOf(slo);
        tuning = List.copyOf(tuning);
        policy = List.copyOf(policy);
        backtests = List.copyOf(backtests);
        actuator = actuator == null ? List.of() : List.copyOf(actuator);
        loadForecast = Objects.requireNonNull(loadForecast, "loadForecast");
        counts = Objects.requireNonNull(counts, "counts");
        profiles = Objects.requireNonNull(profiles, "profiles");
        anomalies = Objects.requireNonNull(anomalies, "anomalies");
    }

    /** A builder with a 3-day window and no panels. */
    public static Builder builder(String title, Instant generatedAt) {
        return new Builder(title, generatedAt);
    }

    /** Collects the optional parts of a {@link Report}. Not thread-safe. */
    public static final class Builder {
        private final String title;
        private final Instant generatedAt;
        private final List<Fact> facts = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private LoadForecast loadForecast;
        private Counts counts;
        private final List<SloCurve> slo = new ArrayList<>();
        private ProfileLibrary profiles;
        private AnomalyTrack anomalies;
        private final List<TuningCurve> tuning = new ArrayList<>();
        private final List<PolicyRow> policy = new ArrayList<>();
        private final List<CapacityTimeline> backtests = new ArrayList<>();
        private Duration window = Duration.ofDays(3);
        private final List<Decision> actuator = new ArrayList<>();

        private Builder(String title, Instant generatedAt) {
            this.title = title;
            this.generatedAt = generatedAt;
        }

        public Builder fact(String label, String value) {
            facts.add(new Fact(label, value));
            return this;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Builder loadForecast(LoadForecast value) {
            loadForecast = value;
            return this;
        }

        public Builder counts(Counts value) {
            counts = value;
            return this;
        }

        public Builder slo(SloCurve value) {
            slo.add(value);
            return this;
        }

        public Builder profiles(ProfileLibrary value) {
            profiles = value;
            return this;
        }

        public Builder anomalies(AnomalyTrack value) {
            anomalies = value;
            return this;
        }

        public Builder tuning(TuningCurve value) {
            tuning.add(value);
            return this;
        }

        public Builder policy(List<PolicyRow> rows) {
            policy.addAll(rows);
            return this;
        }

        public Builder backtest(CapacityTimeline value) {
            backtests.add(value);
            return this;
        }

        /** One decision of an actuator cycle. */
        public Builder actuatorDecision(Decision value) {
            actuator.add(value);
            return this;
        }

        public Builder window(Duration value) {
            window = value;
            return this;
        }

        public Report build() {
            return new Report(
                    title,
                    generatedAt,
                    facts,
                    notes,
                    Optional.ofNullable(loadForecast),
                    Optional.ofNullable(counts),
                    slo,
                    Optional.ofNullable(profiles),
                    Optional.ofNullable(anomalies),
                    tuning,
                    policy,
                    backtests,
                    window,
                    actuator);
        }
    }
}
