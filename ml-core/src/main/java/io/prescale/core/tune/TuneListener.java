package io.prescale.core.tune;

/** Hears a tuning run's progress; called on the tuning thread. */
public interface TuneListener {
    /** A line for people (trial k of N, ETA, phases). */
    void progress(String message);

    /** A load test finished (fresh or reused from a resumed run); persist it to allow a resume. */
    void measured(Measurement measurement);

    /** A listener that ignores everything. */
    static TuneListener silent() {
        return new TuneListener() {
            @Override
            public void progress(String message) {}

            @Override
            public void measured(Measurement measurement) {}
        };
    }
}
