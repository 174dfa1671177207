package io.prescale.cli.demo;

import java.util.List;

/** The stages of {@code prescale demo}, in order. Each issue adds its stage with one line here. */
public final class DemoStages {
    public static final List<DemoStage> ALL = List.of(
            new TracesStage(),
            new ImportStage(),
            new io.prescale.cli.demo.AnomalyStage(),
            new GenerateStage(),
            new LoadTestStage(),
            new ForecastStage(),
            new ScaleStage(),
            new ReportStage());

    private DemoStages() {
    }
}
