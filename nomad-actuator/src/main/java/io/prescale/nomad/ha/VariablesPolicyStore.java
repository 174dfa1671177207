package io.prescale.nomad.ha;

import io.prescale.core.scale.ScalingPolicy;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.Variable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Policies in Nomad Variables under {@code prescale/policies/<name>} (item {@code policy}: the JSON document, item
 * {@code digest}), cached until {@link #invalidate()}. Nomad limits a variable to 64 KiB; a larger policy is refused.
 */
public final class VariablesPolicyStore implements PolicyStore {
    /** Nomad's limit on the keys and values of one variable, in bytes. */
    public static final int MAX_BYTES = 64 * 1024;

    private final NomadClient client;
    private final String namespace;
    private final Map<String, Optional<ScalingPolicy>> cache = new ConcurrentHashMap<>();

    public VariablesPolicyStore(NomadClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    @Override
    public Optional<ScalingPolicy> get(String name) {
        return cache.computeIfAbsent(
                name,
                n -> client.readVariable(namespace, VariablePaths.policy(n))
                        .map(Variable::items)
                        .map(items -> ScalingPolicy.fromJson(items.getOrDefault("policy", "{}"))));
    }

    @Override
    public void put(ScalingPolicy policy) {
        String json = policy.toJson();
        int size = json.getBytes(StandardCharsets.UTF_8).length
                + policy.digest().length()
                + "policy".length()
                + "digest".length();
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(
                    "policy " + policy.name() + " is " + size + " bytes; Nomad Variables hold at most " + MAX_BYTES);
        }
        client.writeVariable(
                namespace,
                VariablePaths.policy(policy.name()),
                Map.of("policy", json, "digest", policy.digest()),
                null,
                null);
        cache.put(policy.name(), Optional.of(policy));
    }

    @Override
    public void invalidate() {
        cache.clear();
    }
}
