# prescale collect as a Nomad service: keeps the embedded store current from Prometheus (remote-write
# receiver and/or incremental pull), rolls samples up to 5 minutes and applies retention.
# One instance per store: the store is a directory on one client, locked by the running process, so the job
# is pinned to the client that holds the host volume and never runs two allocations at once.
#
# Run:   nomad job run -var prescale_jar=/opt/prescale/prescale.jar prescale-collect.nomad.hcl
# Then point Prometheus at it (prometheus.yml):
#   remote_write:
#     - url: http://<this client>:9091/api/v1/write
# The rules (selectors, queries, retention) come from the `collect` section of the config below; see
# docs/collect.md and deploy/collect.example.yaml.

variable "prescale_jar" {
  type        = string
  description = "Path of prescale.jar (with its lib/ beside it) on the clients."
  default     = "/opt/prescale/prescale.jar"
}

variable "prometheus_url" {
  type        = string
  description = "Prometheus to pull from (pull rules only)."
  default     = "http://127.0.0.1:9090"
}

job "prescale-collect" {
  type        = "service"
  datacenters = ["*"]

  group "collect" {
    count = 1

    # The store: a host volume declared in the client's config (host_volume "prescale-store" { path = … }).
    volume "store" {
      type   = "host"
      source = "prescale-store"
    }

    network {
      port "http" {
        static = 9091
      }
    }

    service {
      name     = "prescale-collect"
      port     = "http"
      provider = "nomad"

      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    # A second allocation would fail on the store's lock: stop the old one before starting the new one.
    update {
      max_parallel = 1
      canary       = 0
    }

    task "collect" {
      driver = "raw_exec"

      volume_mount {
        volume      = "store"
        destination = "/var/lib/prescale"
      }

      config {
        command = "java"
        args = [
          "-Xmx512m", "-jar", var.prescale_jar, "collect",
          "--store", "/var/lib/prescale/store",
          "--config", "${NOMAD_TASK_DIR}/prescale.yaml",
          "--remote-write-listen", "${NOMAD_IP_http}:${NOMAD_PORT_http}",
          "--json",
        ]
      }

      # The collect section of prescale's config file. Tokens for Prometheus come from the environment
      # (PRESCALE_PROMETHEUS_TOKEN, e.g. from Nomad Variables), never from this file or a flag.
      template {
        destination = "${NOMAD_TASK_DIR}/prescale.yaml"
        data        = <<-YAML
          collect:
            remoteWrite:
              - {name: web_request_rate, selector: 'prescale:web_request_rate:rate1m', step: 15s, unit: rate}
              - {name: web_latency_p99, selector: 'prescale:web_latency_seconds:p99', step: 15s, unit: count}
            pull:
              prometheus: ${var.prometheus_url}
              every: 1m
              backfill: 7d
              queries:
                - {name: web_cpu_seconds, query: 'sum(rate(process_cpu_seconds_total{job="web"}[5m]))', step: 1m, unit: rate}
            retention: {raw: 35d, rollups: 730d, outOfOrderWindow: 1h, maintenanceEvery: 1m}
          YAML
      }

      # SIGTERM stops collecting; the JSON report of what was stored goes to the task's stdout.
      kill_signal  = "SIGTERM"
      kill_timeout = "20s"

      resources {
        cpu    = 500
        memory = 768
      }
    }
  }
}
