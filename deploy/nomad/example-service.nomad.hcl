# An example service annotated for Prescale's actuator. The group's meta asks for predictive scaling; its
# scaling block gives the bounds (Nomad itself refuses counts outside them).
#
#   nomad job run example-service.nomad.hcl
#   nomad job run -output example-service.nomad.hcl > example-service.json    # the JSON shipped beside this file
#   prescale actuator run --jobs-file example-service.json --store ~/.prescale/store --step 30m \
#       --now 2014-12-01T16:00:00Z --once --json                             # check the annotations in CI
#
# The load query here reads the NYC taxi trace from the embedded store (`prescale import --from nab:…`); against
# a real cluster use PromQL, e.g. prescale.query = "sum(rate(http_requests_total{job=\"web\"}[5m]))".

job "example-web" {
  type        = "service"
  datacenters = ["*"]

  group "web" {
    count = 4

    meta {
      "prescale.enabled"  = "true"
      "prescale.query"    = "store:nyc_taxi"
      "prescale.lead"     = "1h"
      "prescale.mode"     = "forecast-and-scale"
      "prescale.quantile" = "0.9"
      "prescale.cooldown" = "30m"
      "prescale.capacity" = "2500"   # load units per instance and step when no policy is published
      # "prescale.policy" = "web"    # or size with a published policy: prescale policy publish …
    }

    scaling {
      enabled = true
      min     = 2
      max     = 12
    }

    network {
      port "http" {}
    }

    update {
      max_parallel = 1
      min_healthy_time = "10s"
    }

    task "server" {
      driver = "docker"

      config {
        image = "hashicorp/http-echo:1.0"
        args  = ["-listen", ":${NOMAD_PORT_http}", "-text", "hello"]
        ports = ["http"]
      }

      resources {
        cpu    = 200
        memory = 128
      }
    }
  }
}
