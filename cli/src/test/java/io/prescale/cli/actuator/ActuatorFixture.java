package io.prescale.cli.actuator;

import io.prescale.core.scale.ScalingPolicy;
import io.prescale.nomad.api.ActuatorApi;
import io.prescale.nomad.api.ApiToken;
import io.prescale.nomad.loop.Actuator;
import io.prescale.nomad.loop.StaticJobs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A running actuator API for the policy commands' tests (created once per JVM, on a free port of 127.0.0.1): its
 * token file, a policy file, and a policy {@code published} already held.
 */
public final class ActuatorFixture {
    private static ActuatorFixture instance;
    public final String url;
    public final Path tokenFile;
    public final Path policyFile;

    private ActuatorFixture(String url, Path tokenFile, Path policyFile) {
        this.url = url;
        this.tokenFile = tokenFile;
        this.policyFile = policyFile;
    }

    public static synchronized ActuatorFixture get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("prescale-actuator-fixture");
                Path token = Files.writeString(dir.resolve("token"), "fixture-token-0123456789");
                Actuator actuator = Actuator.builder()
                        .jobs(new StaticJobs(List.of()))
                        .loads((q, s, e, st) -> {
                            throw new IllegalArgumentException("no loads");
                        })
                        .build();
                actuator.policies().put(ScalingPolicy.capacityOnly("published", 50, "requests/s", null));
                ActuatorApi api = ActuatorApi.start(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        actuator,
                        ApiToken.fromFile(token),
                        Clock.systemUTC(),
                        Duration.ofMinutes(3));
                Path policy = Files.writeString(
                        dir.resolve("web.json"),
                        ScalingPolicy.capacityOnly("web", 40, "requests/s", null)
                                .toJson());
                instance = new ActuatorFixture("http://127.0.0.1:" + api.port(), token, policy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }
}
