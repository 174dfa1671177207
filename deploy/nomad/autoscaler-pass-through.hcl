# A Nomad Autoscaler policy that follows Prescale's forecast beside a reactive check. Groups annotated
# prescale.mode = "autoscaler" get their desired count published as prescale_desired_count{namespace,job,group}
# on the actuator's /metrics; Prometheus scrapes it; the Autoscaler's pass-through strategy uses it as the count.
# With several checks the largest count wins (ScaleOut beats ScaleNone beats ScaleIn), so the reactive
# target-value check still catches load the forecast missed.
#
# Put this scaling block in the job's group (example-web/web) and run the Nomad Autoscaler with the
# Prometheus APM plugin.

scaling {
  enabled = true
  min     = 2
  max     = 12

  policy {
    cooldown            = "5m"
    evaluation_interval = "1m"

    check "prescale_forecast" {
      source = "prometheus"
      query  = "max(prescale_desired_count{namespace=\"default\",job=\"example-web\",group=\"web\"})"

      strategy "pass-through" {
        max_scale_up   = 4
        max_scale_down = 2
      }
    }

    check "reactive_rps" {
      source = "prometheus"
      query  = "sum(rate(http_requests_total{job=\"example-web\"}[2m]))"

      strategy "target-value" {
        target = 2500
      }
    }
  }
}
