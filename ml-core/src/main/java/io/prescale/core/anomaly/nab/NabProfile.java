package io.prescale.core.anomaly.nab;

/**
 * NAB's three application profiles ({@code config/profiles.json}): the weights of a true positive, a false
 * positive and a false negative.
 */
public enum NabProfile {
    STANDARD("standard", "standard", 1.0, 0.11, 1.0),
    LOW_FP("lowFp", "reward_low_FP_rate", 1.0, 0.22, 1.0),
    LOW_FN("lowFn", "reward_low_FN_rate", 1.0, 0.11, 2.0);

    private final String jsonName;
    private final String nabName;
    private final double tpWeight;
    private final double fpWeight;
    private final double fnWeight;

    NabProfile(String jsonName, String nabName, double tpWeight, double fpWeight, double fnWeight) {
        this.jsonName = jsonName;
        this.nabName = nabName;
        this.tpWeight = tpWeight;
        this.fpWeight = fpWeight;
        this.fnWeight = fnWeight;
    }

    /** The field name in Prescale's JSON ({@code standard}, {@code lowFp}, {@code lowFn}). */
    public String jsonName() {
        return jsonName;
    }

    /** NAB's own name ({@code standard}, {@code reward_low_FP_rate}, {@code reward_low_FN_rate}). */
    public String nabName() {
        return nabName;
    }

    public double tpWeight() {
        return tpWeight;
    }

    public double fpWeight() {
        return fpWeight;
    }

    public double fnWeight() {
        return fnWeight;
    }

    /** The profile with NAB name {@code name}, or IllegalArgumentException. */
    public static NabProfile ofNabName(String name) {
        for (NabProfile p : values()) {
            if (p.nabName.equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown NAB profile '" + name + "'");
    }
}
