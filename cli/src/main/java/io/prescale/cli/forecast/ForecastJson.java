package io.prescale.cli.forecast;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.forecast.BacktestResult;
import java.util.List;

/** The JSON mapping of the forecast results, shared by the forecast commands and the demo. */
public final class ForecastJson {
    private ForecastJson() {}

    /**
     * One model of a rolling-origin backtest: its accuracy (MASE, WAPE, sMAPE, NRMSE, pinball loss, 80 % interval
     * coverage; {@code null} with a {@code …Reason} when undefined), fit and predict times, fallback and facts.
     */
    public static ObjectNode backtestModel(BacktestResult r) {
        ObjectNode node = Json.object();
        node.put("name", r.model());
        Json.putNumber(node, "mase", r.metrics().mase(), "no scored targets");
        Json.putNumber(node, "wape", r.metrics().wape(), "the targets sum to 0");
        Json.putNumber(node, "smape", r.metrics().smape(), "no scored targets");
        Json.putNumber(node, "nrmse", r.metrics().nrmse(), "the targets are constant");
        Json.putNumber(node, "pinball", r.metrics().pinball(), "no scored targets");
        Json.putNumber(node, "coverage80", r.metrics().coverage80(), "no scored targets");
        node.put("fitSeconds", r.fitSeconds());
        node.put("predictMicros", r.predictMicros());
        if (r.fallback() == null) {
            node.putNull("fallback");
        } else {
            node.put("fallback", r.fallback());
        }
        for (String key : List.of("chosen", "trainLoss", "valLoss", "epochs")) {
            Object value = r.facts().get(key);
            if (value != null) {
                node.set(key, Json.MAPPER.valueToTree(value));
            }
        }
        return node;
    }
}
