package io.prescale.loadtest.reference;

import java.util.Locale;

/** How a request spends its CPU time. */
public enum CpuMode {
    /** Holds a virtual core and parks: capacity follows the knobs, not the build machine's cores. */
    VIRTUAL,
    /** Holds a virtual core and spins on a real one, for profiling. */
    REAL;

    public static CpuMode parse(String text) {
        for (CpuMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("cpu mode '" + text + "' is not known; expected virtual or real");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
