package io.prescale.nomad.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.prescale.nomad.annotations.GroupRef;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.NomadConfig;
import io.prescale.nomad.client.RetryPolicy;
import io.prescale.nomad.fake.FakeNomad;
import io.prescale.nomad.fake.Fault;
import io.prescale.nomad.fake.ManualClock;
import io.prescale.nomad.ha.Leadership;
import io.prescale.nomad.ha.VariablePaths;
import io.prescale.nomad.ha.VariablesPolicyStore;
import io.prescale.nomad.ha.VariablesStateStore;
import io.prescale.nomad.metrics.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two actuators on one fake Nomad: one leads through the Variables lock; when it dies the other takes over. */
class FailoverTest {
    ManualClock clock = new ManualClock(Instant.parse("2026-11-20T10:30:00Z"));
    FakeNomad nomad = FakeNomad.start(clock);

    @AfterEach
    void stop() {
        nomad.close();
    }

    Actuator replica(String name) {
        NomadClient client = NomadClient.create(NomadConfig.builder(nomad.address())
                .readTimeout(Duration.ofMillis(500))
                .retry(RetryPolicy.none())
                .build());
        VariablesStateStore state = new VariablesStateStore(client, null);
        VariablesPolicyStore policies = new VariablesPolicyStore(client, null);
        Leadership lock = Leadership.lock(client, null, name, Duration.ofSeconds(15), clock, leader -> {
            state.invalidate();
            policies.invalidate();
        });
        return Actuator.builder()
                .jobs(new NomadDiscovery(client, "*", 0))
                .loads(new DailyLoad())
                .client(client)
                .clock(clock)
                .leadership(lock)
                .state(state)
                .policies(policies)
                .options(ActuatorOptions.defaults().withHistory(Duration.ofDays(4)))
                .log(DecisionLog.to(l -> {}))
                .build();
    }

    @Test
    void theStandbyTakesTheLockAfterTheLeaderDiesAndDoesNotRepeatItsAction() throws Exception {
        nomad.putJob(ActuatorLoopTest.job("web", "forecast-and-scale", 3, ""));
        Actuator a = replica("a");
        Actuator b = replica("b");
        CycleReport first = a.runCycle();
        assertThat(first.leader()).isTrue();
        assertThat(first.groups().get(0).status()).isEqualTo("ok");
        int target = first.groups().get(0).decision().targetCount();
        assertThat(b.runCycle().leader()).as("b is the standby").isFalse();
        assertThat(nomad.variable("default", VariablePaths.state(new GroupRef("default", "web", "api")))
                        .orElseThrow())
                .containsEntry("lastAction", "scale_out")
                .containsEntry("lastTarget", Integer.toString(target));

        // a dies: no renew, no release. The lock lapses 2 × TTL after the last renew, then blocks for LockDelay.
        clock.advance(Duration.ofSeconds(29));
        assertThat(b.runCycle().leader()).isFalse();
        clock.advance(Duration.ofSeconds(10));
        assertThat(b.runCycle().leader())
                .as("lapsed, but still within the lock delay")
                .isFalse();
        assertThat(nomad.lockHolder("default", VariablePaths.LEADER)).isPresent();
        clock.advance(Duration.ofSeconds(7));
        CycleReport taken = b.runCycle();
        assertThat(taken.leader()).isTrue();
        assertThat(nomad.acceptedScales()).as("no repeated action").containsExactly("default/web/api=" + target);
        assertThat(taken.groups().get(0).decision().targetCount()).isEqualTo(target);

        // a comes back: its renew fails, it steps down and acts no more
        CycleReport back = a.runCycle();
        assertThat(back.leader()).isFalse();
        assertThat(a.metrics().errors(ErrorKind.LOCK_LOST)).isZero();
        a.close();
        b.close();
    }

    @Test
    void anyRenewFailureStepsDown() throws Exception {
        nomad.putJob(ActuatorLoopTest.job("web", "forecast-only", 3, ""));
        Actuator a = replica("a");
        assertThat(a.runCycle().leader()).isTrue();
        nomad.inject(Fault.status("PUT", "/v1/var/prescale/leader", 500, "rpc error: leadership lost", 1));
        clock.advance(Duration.ofSeconds(11));
        assertThat(a.runCycle().leader()).isFalse();
        assertThat(a.leadership().lastError()).contains("renew failed");
        a.close();
    }
}
