package dev.gradient.symbolic;

import java.util.HashSet;
import java.util.Set;

/** Names for the nodes of a written-out formula, {@code t1}, {@code t2}, ... (and {@code c1}, ... for constants), none equal to a name already taken. */
final class FreshNames {

    private final Set<String> taken;
    private int count;

    FreshNames(Set<String> taken) {
        this.taken = new HashSet<>(taken);
    }

    /** A new name starting with {@code prefix}. */
    String next(String prefix) {
        String name;
        do {
            name = prefix + (++count);
        } while (!taken.add(name));
        return name;
    }
}
