package io.prescale.nomad.ha;

import io.prescale.nomad.annotations.GroupRef;
import io.prescale.nomad.client.NomadApiException;
import io.prescale.nomad.client.NomadClient;
import io.prescale.nomad.client.Variable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Group state in Nomad Variables under {@code prescale/state/<namespace>/<job>/<group>}, cached in memory: read once
 * per group after start or a leadership change, written through with check-and-set on every change. A conflict
 * (another writer) re-reads and writes again. Thread-safe.
 */
public final class VariablesStateStore implements StateStore {
    private record Entry(GroupState state, long modifyIndex) {}

    private final NomadClient client;
    private final String namespace;
    private final Map<GroupRef, Entry> cache = new ConcurrentHashMap<>();

    /** @param namespace where the variables live (null: the client's) */
    public VariablesStateStore(NomadClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    @Override
    public GroupState get(GroupRef ref) {
        return cache.computeIfAbsent(ref, this::load).state();
    }

    private Entry load(GroupRef ref) {
        Optional<Variable> v = client.readVariable(namespace, VariablePaths.state(ref));
        try {
            return v.map(x -> new Entry(GroupState.fromItems(x.items()), x.modifyIndex()))
                    .orElse(new Entry(GroupState.NONE, 0));
        } catch (RuntimeException e) {
            return new Entry(GroupState.NONE, v.get().modifyIndex());
        }
    }

    /**
     * @throws NomadApiException when Nomad refuses twice or cannot be reached
     */
    @Override
    public void put(GroupRef ref, GroupState state) {
        Entry known = cache.get(ref);
        long cas = known == null ? 0 : known.modifyIndex();
        String path = VariablePaths.state(ref);
        Variable written;
        try {
            written = client.writeVariable(namespace, path, state.toItems(), cas, null);
        } catch (NomadApiException e) {
            if (e.status() != 409) {
                throw e;
            }
            long current = client.readVariable(namespace, path)
                    .map(Variable::modifyIndex)
                    .orElse(0L);
            written = client.writeVariable(namespace, path, state.toItems(), current, null);
        }
        cache.put(ref, new Entry(state, written.modifyIndex()));
    }

    @Override
    public void invalidate() {
        cache.clear();
    }
}
