package io.prescale.nomad.ha;

import io.prescale.nomad.annotations.GroupRef;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each group's {@link GroupState}: in memory, or in Nomad Variables ({@link VariablesStateStore}). */
public interface StateStore {
    /** The group's state, {@link GroupState#NONE} when unknown. */
    GroupState get(GroupRef ref);

    /** Records the group's state (write-through). */
    void put(GroupRef ref, GroupState state);

    /** Forgets cached state so the next {@link #get} reads the durable copy (after a leadership change). */
    default void invalidate() {}

    /** A store in this process only (dry runs, tests). */
    static StateStore inMemory() {
        Map<GroupRef, GroupState> map = new ConcurrentHashMap<>();
        return new StateStore() {
            @Override
            public GroupState get(GroupRef ref) {
                return map.getOrDefault(ref, GroupState.NONE);
            }

            @Override
            public void put(GroupRef ref, GroupState state) {
                map.put(ref, state);
            }
        };
    }
}
