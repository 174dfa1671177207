package io.prescale.grafana.dashboard;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prescale.grafana.dashboard.Panel.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardTest {
    private static Panel panel(int id) {
        return Panel.of(
                id,
                Type.TIMESERIES,
                "p" + id,
                "",
                new GridPos(0, 0, 12, 8),
                "short",
                List.of(Target.series("A", "up", "up")));
    }

    @Test
    void refusesDuplicatePanelIds() {
        assertThatThrownBy(() -> new Dashboard(
                        "u", "t", "", List.of(), "30s", "now-1h", List.of(), List.of(), List.of(panel(1), panel(1))))
                .hasMessageContaining("two panels with id 1");
    }

    @Test
    void refusesIllegalUidAndTooLowRefresh() {
        assertThatThrownBy(() -> new Dashboard(
                        "a b", "t", "", List.of(), "30s", "now-1h", List.of(), List.of(), List.of(panel(1))))
                .hasMessageContaining("uid");
        assertThatThrownBy(() ->
                        new Dashboard("u", "t", "", List.of(), "1s", "now-1h", List.of(), List.of(), List.of(panel(1))))
                .hasMessageContaining("at least 5s");
    }

    @Test
    void refusesPanelsOutsideTheGridOrWithoutTitle() {
        assertThatThrownBy(() -> new GridPos(20, 0, 8, 8)).hasMessageContaining("fit in 24");
        assertThatThrownBy(() -> Panel.of(
                        1,
                        Type.TIMESERIES,
                        " ",
                        "",
                        new GridPos(0, 0, 1, 1),
                        "s",
                        List.of(Target.series("A", "up", ""))))
                .hasMessageContaining("needs a title");
    }
}
