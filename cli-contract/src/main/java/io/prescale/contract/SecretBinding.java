package io.prescale.contract;

import java.util.Objects;

/**
 * How one secret reaches the command: the secret text of a Jenkins "secret text" credential, written to a file
 * in a private temporary directory whose path is given with {@code fileOption} (e.g. {@code --token-file}), or
 * put in the environment variable {@code environmentVariable}. Never a command-line value.
 *
 * @param credentialsId the Jenkins credential holding the secret text
 * @param fileOption the option that takes the path of the secret file, or null
 * @param environmentVariable the environment variable that takes the secret, or null
 */
public record SecretBinding(String credentialsId, String fileOption, String environmentVariable) {
    public SecretBinding {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw new IllegalArgumentException("credentialsId must not be blank");
        }
        if ((fileOption == null) == (environmentVariable == null)) {
            throw new IllegalArgumentException("give exactly one of fileOption and environmentVariable");
        }
    }

    /** The secret goes to a file whose path follows {@code option}. */
    public static SecretBinding file(String credentialsId, String option) {
        return new SecretBinding(credentialsId, Objects.requireNonNull(option, "option"), null);
    }

    /** The secret goes to the environment variable {@code variable}. */
    public static SecretBinding environment(String credentialsId, String variable) {
        return new SecretBinding(credentialsId, null, Objects.requireNonNull(variable, "variable"));
    }
}
