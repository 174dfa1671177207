# The Prescale reference service as a staging job: the service the tuner load-tests.
# Its capacity knobs live in the group's meta so that a tuning run (or `nomad job scale` for the count)
# changes them without editing the task; Nomad interpolates them into the arguments as ${NOMAD_META_<key>}.
# Run:   nomad job run -var prescale_jar=/opt/prescale/prescale.jar reference-service.nomad.hcl
# Load:  prescale loadtest --target http://<alloc1>/item,http://<alloc2>/item --profile p.json --json

variable "prescale_jar" {
  type        = string
  description = "Path of prescale.jar (with its lib/ beside it) on the clients."
  default     = "/opt/prescale/prescale.jar"
}

job "prescale-reference" {
  type        = "service"
  datacenters = ["*"]

  group "reference" {
    count = 2

    meta {
      cpus          = "2"
      threads       = "8"
      queue         = "64"
      cache_mb      = "16"
      cpu_mode      = "virtual"
      miss_cpu_ms   = "5"
      downstream_ms = "20"
    }

    network {
      port "http" {}
    }

    service {
      name     = "prescale-reference"
      port     = "http"
      provider = "nomad"

      check {
        type     = "http"
        path     = "/health"
        interval = "10s"
        timeout  = "2s"
      }
    }

    task "serve" {
      driver = "raw_exec"

      config {
        command = "java"
        args = [
          "-Xmx256m", "-jar", var.prescale_jar, "serve-reference",
          "--bind", "${NOMAD_IP_http}", "--port", "${NOMAD_PORT_http}",
          "--cpus", "${NOMAD_META_cpus}", "--threads", "${NOMAD_META_threads}",
          "--queue", "${NOMAD_META_queue}", "--cache-mb", "${NOMAD_META_cache_mb}",
          "--cpu-mode", "${NOMAD_META_cpu_mode}", "--miss-cpu-ms", "${NOMAD_META_miss_cpu_ms}",
          "--downstream-ms", "${NOMAD_META_downstream_ms}", "--json",
        ]
      }

      # Prometheus scrapes /metrics on the same port (text format 0.0.4).
      resources {
        cpu    = 500
        memory = 384
      }

      kill_timeout = "5s"
    }
  }
}
