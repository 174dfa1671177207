package io.prescale.cli.demo;

import java.util.List;

/** The stages of {@code prescale demo}, in order; a new stage is one line here. */
public final class DemoStages {
    public static final List<DemoStage> ALL = List.of(
            new TracesStage(),
            new ImportStage(),
            new AnomalyStage(),
            new GenerateStage(),
            new LoadTestStage(),
            new TuneStage(),
            new ForecastStage(),
            new ScaleStage(),
            new ActuatorStage(),
            new ReportStage());

    private DemoStages() {}
}
