package io.prescale.cli.actuator;

import io.prescale.cli.base.BadInputException;
import io.prescale.cli.base.BenchmarkReport;
import io.prescale.cli.base.LeafCommand;
import io.prescale.cli.base.SeedOption;
import io.prescale.nomad.bench.ActuatorBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code prescale bench actuator}: one full evaluation cycle over many annotated groups on the fake Nomad
 * ({@code cycleSeconds}, {@code heapMiB}) and a fault run ({@code faultCycles}, {@code actionsOutOfBounds},
 * {@code crashedLoops}, {@code duplicatedActionsAfterRestart}, {@code faultsUncounted}).
 */
@Command(name = "actuator", description = "Actuator cycle time and heap at 10,000 groups, and a long fault run.")
public final class ActuatorBenchCommand extends LeafCommand {
    @Option(
            names = "--groups",
            defaultValue = "10000",
            paramLabel = "N",
            description = "Annotated groups of the speed run (default ${DEFAULT-VALUE}).")
    int groups;

    @Option(
            names = "--cycles",
            defaultValue = "3",
            paramLabel = "N",
            description = "Steady cycles timed after the warm-up (default ${DEFAULT-VALUE}; the median is reported).")
    int cycles;

    @Option(
            names = "--fault-cycles",
            defaultValue = "1000",
            paramLabel = "N",
            description = "Cycles of the fault run (default ${DEFAULT-VALUE}).")
    int faultCycles;

    @Option(
            names = "--fault-groups",
            defaultValue = "20",
            paramLabel = "N",
            description = "Groups of the fault run (default ${DEFAULT-VALUE}).")
    int faultGroups;

    @Option(
            names = "--fault-rate",
            defaultValue = "0.05",
            paramLabel = "P",
            description = "Probability of each fault kind per cycle (default ${DEFAULT-VALUE}).")
    double faultRate;

    @Option(
            names = "--forecaster",
            defaultValue = "seasonal-quantile-light",
            paramLabel = "NAME",
            description = "Forecaster (default ${DEFAULT-VALUE}: seasonal-quantile with 1 day of validation and 24"
                    + " origins, cheap to fit 10,000 times in the warm-up; or any name of actuator run --forecaster).")
    String forecaster;

    @Mixin
    SeedOption seed;

    @Override
    protected Result execute() {
        if (groups < 1 || cycles < 1 || faultCycles < 0 || faultGroups < 1) {
            throw new BadInputException(
                    "--groups",
                    String.valueOf(groups),
                    "--groups, --cycles and --fault-groups"
                            + " must be ≥ 1 and --fault-cycles ≥ 0, got " + groups + ", " + cycles + ", " + faultGroups
                            + ", "
                            + faultCycles);
        }
        if (!(faultRate >= 0 && faultRate < 0.5)) {
            throw new BadInputException("--fault-rate", String.valueOf(faultRate), "--fault-rate must be in [0, 0.5)");
        }
        ActuatorBenchmark.Result r = ActuatorBenchmark.run(
                new ActuatorBenchmark.Options(groups, 5, cycles, faultCycles, faultGroups, 100, faultRate, seed.seed()),
                "seasonal-quantile-light".equals(forecaster)
                        ? ActuatorBenchmark.lightForecaster()
                        : ActuatorRunCommand.forecaster(forecaster));
        BenchmarkReport report = new BenchmarkReport("actuator");
        report.metric("cycleSeconds", r.cycleSeconds());
        report.metric("heapMiB", r.heapMiB());
        report.metric("faultCycles", r.faultCycles());
        report.metric("actionsOutOfBounds", r.actionsOutOfBounds());
        report.metric("crashedLoops", r.crashedLoops());
        report.metric("duplicatedActionsAfterRestart", r.duplicatedActionsAfterRestart());
        report.metric("faultsUncounted", r.faultsUncounted());
        report.details().put("groups", r.groups());
        report.details().put("forecaster", forecaster);
        report.details().put("warmupSeconds", r.warmupSeconds());
        report.details().put("actionsPerSteadyCycle", r.actionsPerCycle());
        report.details().put("faultsInjected", r.faultsInjected());
        report.details().put("faultsCounted", r.faultsCounted());
        report.details().put("restarts", r.restarts());
        report.details().put("faultRunActionsApplied", r.actionsApplied());
        report.goal("cycleSeconds", "<=", 10);
        report.goal("heapMiB", "<=", 1024);
        report.goal("faultCycles", ">=", 1000);
        report.goal("actionsOutOfBounds", "<=", 0);
        report.goal("crashedLoops", "<=", 0);
        report.goal("duplicatedActionsAfterRestart", "<=", 0);
        report.goal("faultsUncounted", "<=", 0);
        return Result.of(report.toFields());
    }
}
