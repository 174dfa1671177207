package io.prescale.cli.scale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.prescale.cli.base.Json;
import io.prescale.core.scale.ScalingBacktestResult;
import io.prescale.core.scale.ScalingController;
import io.prescale.core.scale.SimulationSettings;
import io.prescale.core.scale.StrategyResult;

/** The scaling backtest document: {@code params}, {@code strategies}, {@code reactiveFrontier}. */
public final class ScalingBacktestJson {
    private ScalingBacktestJson() {}

    /** The result fields after the header; {@code input} is echoed in params. */
    public static ObjectNode fields(ScalingBacktestResult result, String input) {
        ObjectNode fields = Json.object();
        fields.set("params", params(result, input));
        ArrayNode strategies = fields.putArray("strategies");
        for (StrategyResult s : result.strategies()) {
            strategies.add(strategy(s));
        }
        ArrayNode frontier = fields.putArray("reactiveFrontier");
        for (ScalingBacktestResult.FrontierPoint p : result.reactiveFrontier()) {
            ObjectNode node = frontier.addObject();
            node.put("targetUtilization", p.targetUtilization());
            Json.putNumber(node, "unservedShare", p.unservedShare(), "no demand in the scored range");
            node.put("instanceHours", p.instanceHours());
        }
        return fields;
    }

    /** One strategy's outcome: SLO violation, unserved share, instance-hours, actions, most instances. */
    public static ObjectNode strategy(StrategyResult s) {
        ObjectNode node = Json.object();
        node.put("name", s.name());
        node.put("sloViolationMinutes", s.sloViolationMinutes());
        node.put("violationSteps", s.violationSteps());
        Json.putNumber(node, "unservedShare", s.unservedShare(), "no demand in the scored range");
        node.put("instanceHours", s.instanceHours());
        node.put("actions", s.actions());
        node.put("maxInstances", s.maxInstances());
        return node;
    }

    private static ObjectNode params(ScalingBacktestResult result, String input) {
        SimulationSettings s = result.settings();
        ScalingController.Options c = result.controller();
        ObjectNode params = Json.object();
        params.put("input", input);
        params.put("steps", result.demand().size());
        params.put("start", result.demand().start().toString());
        params.put("step", s.step().toString());
        params.put("lead", s.lead().toString());
        params.put("startupDelay", s.step().multipliedBy(s.startupSteps()).toString());
        params.put("startupSteps", s.startupSteps());
        params.put("capacity", s.capacity());
        params.put("peakInstances", result.peakInstances());
        params.put("targetUtilization", s.targetUtilization());
        params.put("minInstances", s.bounds().min());
        params.put("maxInstances", s.bounds().max());
        params.put("warmUpSteps", s.warmUpSteps());
        params.put("scoredFrom", result.demand().timeAt(s.warmUpSteps()).toString());
        params.put("scoredSteps", result.demand().size() - s.warmUpSteps());
        params.put("reactiveCooldown", s.reactiveCooldown().toString());
        params.put("reactiveThreshold", s.reactiveThreshold());
        params.put("forecaster", result.forecaster());
        ObjectNode controller = params.putObject("controller");
        controller.put("lead", c.lead().toString());
        controller.put("quantile", c.quantile());
        controller.put("cooldown", c.cooldown().toString());
        controller.put("hysteresis", c.hysteresis());
        controller.put("staleAfter", c.staleAfter().toString());
        if (!result.chosenQuantiles().isEmpty()) {
            var chosen = controller.putArray("chosenQuantiles");
            result.chosenQuantiles().forEach(chosen::add);
        }
        ArrayNode us = params.putArray("frontierTargetUtilizations");
        result.reactiveFrontier().forEach(p -> us.add(p.targetUtilization()));
        return params;
    }

    /** The human table: one row per strategy. */
    public static String table(ScalingBacktestResult result) {
        StringBuilder out = new StringBuilder(String.format(
                "%-24s %10s %14s %14s %8s %6s%n",
                "strategy", "violMin", "unservedShare", "instanceHours", "actions", "max"));
        for (StrategyResult s : result.strategies()) {
            out.append(String.format(
                    "%-24s %10.0f %14.6f %14.1f %8d %6d%n",
                    s.name(),
                    s.sloViolationMinutes(),
                    s.unservedShare(),
                    s.instanceHours(),
                    s.actions(),
                    s.maxInstances()));
        }
        return out.toString().stripTrailing();
    }
}
