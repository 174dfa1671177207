package io.prescale.cli.base;

/**
 * Bad input from the user: exit code 2, with the option and the value at fault when known. The message is
 * one line that names the value and what was expected.
 */
public final class BadInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String option;
    private final String value;

    public BadInputException(String option, String value, String message) {
        super(message);
        this.option = option;
        this.value = value;
    }

    public BadInputException(String option, String value, String message, Throwable cause) {
        super(message, cause);
        this.option = option;
        this.value = value;
    }

    /** The long option name (e.g. {@code --horizon}), or null. */
    public String option() {
        return option;
    }

    /** The offending value as typed, or null. */
    public String value() {
        return value;
    }
}
