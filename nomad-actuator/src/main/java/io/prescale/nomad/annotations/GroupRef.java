package io.prescale.nomad.annotations;

import java.util.Objects;

/** A task group's address: namespace, job ID, group name. */
public record GroupRef(String namespace, String job, String group) implements Comparable<GroupRef> {
    public GroupRef {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(group, "group");
    }

    @Override
    public int compareTo(GroupRef o) {
        int c = namespace.compareTo(o.namespace);
        if (c == 0) {
            c = job.compareTo(o.job);
        }
        return c != 0 ? c : group.compareTo(o.group);
    }

    @Override
    public String toString() {
        return namespace + "/" + job + "/" + group;
    }
}
