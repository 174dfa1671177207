package io.prescale.cli.demo;

import io.prescale.grafana.report.ChartImages;
import io.prescale.grafana.report.ProfileLibrary;
import io.prescale.grafana.report.ReportCharts;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A PNG of day profiles on one time-of-day axis, drawn by the report's JFreeChart renderer: real days as thin
 * grey lines, generated ones thick in blue, orange, bluish green, and the last (the edge case) dashed vermillion,
 * with a legend, hour-of-day and requests/s axes.
 */
final class ProfilePicture {
    private ProfilePicture() {}

    /**
     * Writes the picture and returns the library it shows. {@code generated} are named by {@code names}; the last
     * of them is the edge case. Steps of {@code step}.
     */
    static ProfileLibrary write(
            Path file, List<double[]> real, List<double[]> generated, List<String> names, Duration step)
            throws IOException {
        List<ProfileLibrary.Profile> profiles = new ArrayList<>();
        for (int i = 0; i < generated.size(); i++) {
            profiles.add(new ProfileLibrary.Profile(names.get(i), i == generated.size() - 1, generated.get(i)));
        }
        ProfileLibrary library = new ProfileLibrary(real, profiles, step, "requests/s");
        ChartImages.writePng(ReportCharts.profiles(library), file, 1200, 480);
        return library;
    }
}
