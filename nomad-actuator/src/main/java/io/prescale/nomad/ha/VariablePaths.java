package io.prescale.nomad.ha;

import io.prescale.nomad.annotations.GroupRef;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Variable paths for Prescale's records. Nomad allows {@code [a-zA-Z0-9-_~/]{1,128}}; other characters of a job or
 * group name are written {@code ~XX} (UTF-8 bytes in hex), and a path longer than 128 is replaced by a SHA-256 one.
 */
public final class VariablePaths {
    public static final String LEADER = "prescale/leader";
    public static final String STATE = "prescale/state/";
    public static final String POLICIES = "prescale/policies/";

    private VariablePaths() {}

    public static String state(GroupRef ref) {
        return bounded(STATE + encode(ref.namespace()) + "/" + encode(ref.job()) + "/" + encode(ref.group()), STATE);
    }

    public static String policy(String name) {
        return bounded(POLICIES + encode(name), POLICIES);
    }

    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                b.append(c);
            } else {
                b.append('~').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }

    private static String bounded(String path, String prefix) {
        if (path.length() <= 128) {
            return path;
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return prefix + "h/" + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
