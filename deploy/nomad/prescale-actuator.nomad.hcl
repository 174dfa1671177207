# Prescale's actuator as a Nomad job: two replicas, one active. The active one holds the Nomad Variables lock
# prescale/leader (renewed every 0.7 × 15 s; Nomad lets it lapse 30 s after the last renew); the standby takes
# over then and resumes from the state kept in prescale/state/… without repeating the last action.
#
#   nomad var put nomad/jobs/prescale-actuator api_token=$(openssl rand -hex 24)
#   nomad job run -var prescale_jar=/opt/prescale/prescale.jar -var prometheus=http://prometheus.service:9090 \
#       prescale-actuator.nomad.hcl
#
# The Nomad token comes from the workload identity (NOMAD_TOKEN via the identity block) and needs: read-job,
# list-jobs, scale-job, submit-job (for restart-requiring configuration changes) and variables read/write on
# prescale/*. The API token guards PUT/GET /v1/policies/{name} and is read from a file rendered by the template.

variable "prescale_jar" {
  type    = string
  default = "/opt/prescale/prescale.jar"
}

variable "prometheus" {
  type    = string
  default = "http://127.0.0.1:9090"
}

job "prescale-actuator" {
  type        = "service"
  datacenters = ["*"]

  group "actuator" {
    count = 2

    network {
      port "api" {
        to = 9464
      }
    }

    service {
      name     = "prescale-actuator"
      port     = "api"
      provider = "nomad"
      tags     = ["metrics"]

      check {
        type     = "http"
        path     = "/health"
        interval = "15s"
        timeout  = "3s"
      }
    }

    # Never two replicas on one node: a node failure must leave the standby.
    constraint {
      operator = "distinct_hosts"
      value    = "true"
    }

    task "actuator" {
      driver = "raw_exec"

      identity {
        env = true   # NOMAD_TOKEN for the Nomad API
      }

      template {
        destination = "secrets/api-token"
        data        = "{{ with nomadVar \"nomad/jobs/prescale-actuator\" }}{{ .api_token }}{{ end }}"
        perms       = "0400"
      }

      config {
        command = "java"
        args = [
          "-Xmx1g", "-jar", var.prescale_jar, "actuator", "run",
          "--nomad", "http://${attr.unique.network.ip-address}:4646",
          "--prometheus", var.prometheus,
          "--interval", "1m",
          "--mode", "forecast-only",
          "--listen", "0.0.0.0:${NOMAD_PORT_api}",
          "--api-token-file", "${NOMAD_SECRETS_DIR}/api-token",
        ]
      }

      resources {
        cpu    = 1000
        memory = 1280
      }
    }
  }
}
