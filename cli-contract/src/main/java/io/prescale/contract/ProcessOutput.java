package io.prescale.contract;

/** What a finished {@code prescale} process left: its exit code and everything it wrote on stdout (UTF-8). */
public record ProcessOutput(int exitCode, String stdout) {
    public ProcessOutput {
        stdout = stdout == null ? "" : stdout;
    }
}
