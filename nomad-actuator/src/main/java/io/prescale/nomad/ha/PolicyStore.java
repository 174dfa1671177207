package io.prescale.nomad.ha;

import io.prescale.core.scale.ScalingPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Published scaling policies by name: a directory of {@code NAME.json}, Nomad Variables, or memory. */
public interface PolicyStore {
    /** The policy called {@code name}, if published. */
    Optional<ScalingPolicy> get(String name);

    /** Publishes (replaces) a policy under its name. */
    void put(ScalingPolicy policy);

    /** Forgets cached policies, so the next {@link #get} reads again. */
    default void invalidate() {}

    static PolicyStore inMemory() {
        Map<String, ScalingPolicy> map = new ConcurrentHashMap<>();
        return new PolicyStore() {
            @Override
            public Optional<ScalingPolicy> get(String name) {
                return Optional.ofNullable(map.get(name));
            }

            @Override
            public void put(ScalingPolicy policy) {
                map.put(policy.name(), policy);
            }
        };
    }

    /**
     * Policies as {@code dir/NAME.json} files; writes go through a temporary file and an atomic move. A file that
     * does not parse is reported by {@link #get} as an {@link IllegalArgumentException} naming it.
     */
    static PolicyStore directory(Path dir) {
        return new PolicyStore() {
            @Override
            public Optional<ScalingPolicy> get(String name) {
                Path file = dir.resolve(name + ".json");
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(ScalingPolicy.fromJson(Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("policy file " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public void put(ScalingPolicy policy) {
                try {
                    Files.createDirectories(dir);
                    Path tmp = Files.createTempFile(dir, policy.name(), ".tmp");
                    Files.writeString(tmp, policy.toJson(), StandardCharsets.UTF_8);
                    Files.move(
                            tmp,
                            dir.resolve(policy.name() + ".json"),
                            StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** {@code primary} first, then {@code fallback}; writes go to {@code primary}. */
    static PolicyStore layered(PolicyStore primary, PolicyStore fallback) {
        return new PolicyStore() {
            @Override
            public Optional<ScalingPolicy> get(String name) {
                Optional<ScalingPolicy> p = primary.get(name);
                return p.isPresent() ? p : fallback.get(name);
            }

            @Override
            public void put(ScalingPolicy policy) {
                primary.put(policy);
            }

            @Override
            public void invalidate() {
                primary.invalidate();
                fallback.invalidate();
            }
        };
    }
}
