package dev.gradient.codegen;

import dev.gradient.graph.ShapedGraph;
import dev.gradient.program.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order in which a compiled program computes its nodes, with its elementwise nodes grouped
 * into fused loops: the plan's nodes from {@code start} on, as steps that are either one node
 * called through its op ({@link Call}) or a {@link Loop} that computes several elementwise
 * nodes of one size element by element.
 *
 * <p>A node is fusible when its op has a scalar function ({@link Scalars}) and every argument
 * has the node's size or is a single element: exactly the operands that an op's kernel reads
 * with a step of 1 or 0, so the loop reads the same doubles. A {@code broadcast_to} of a single
 * element is fusible too (a copy of that double per element): it is how the pullback of a sum
 * hands its cotangent to the elementwise pullbacks after it. Nodes are taken in plan order with
 * one loop open at a time: a fusible node of the open loop's size joins it (its arguments are
 * either members or already computed, since everything before it is); any other node is
 * computed right away, before the open loop, unless it reads a member (or a node so put off),
 * in which case it is put off until the loop closes. A fusible node that reads a node put off
 * closes the loop, and so do a node of another size and {@link #MAX_MEMBERS}; a closed loop is
 * followed by the nodes put off, in plan order. So no step reads a value that a later step
 * computes, and an adjoint graph's chain of elementwise contributions is one loop even where a
 * slice's pullback reads a member half-way. The bound on members keeps a loop's method far
 * below the size that HotSpot still compiles (8000 bytes of bytecode).
 */
final class Fusion {

    /** The most nodes in one loop: about 60 bytes of bytecode each. */
    static final int MAX_MEMBERS = 40;

    /** One step of the schedule. */
    sealed interface Step permits Call, Loop {
    }

    /** Node {@code node}, computed by its op's {@code apply}. */
    record Call(int node) implements Step {
    }

    /** The nodes {@code members} (in plan order), each of {@code size} elements, in one loop. */
    record Loop(int size, List<Integer> members) implements Step {
    }

    private Fusion() {
    }

    /** The steps that compute the nodes of {@code plan} from {@code start} on. */
    static List<Step> schedule(ShapedGraph graph, Plan plan, int start) {
        List<Step> steps = new ArrayList<>();
        List<Integer> open = null;
        Set<Integer> openMembers = new HashSet<>();
        // calls that read the open loop's members, computed once it closes
        List<Integer> deferred = new ArrayList<>();
        Set<Integer> deferredNodes = new HashSet<>();
        int openSize = -1;
        for (int i = start; i < plan.size(); i++) {
            if (plan.op(i) == null) {
                continue;
            }
            if (fusible(graph, plan, i)) {
                int size = Math.toIntExact(graph.shape(i).size());
                if (open != null && (size != openSize || open.size() >= MAX_MEMBERS || readsAny(plan.args(i), deferredNodes))) {
                    close(steps, openSize, open, deferred);
                    open = null;
                    deferredNodes.clear();
                }
                if (open == null) {
                    open = new ArrayList<>();
                    openMembers.clear();
                    openSize = size;
                }
                open.add(i);
                openMembers.add(i);
            } else if (open != null && (readsAny(plan.args(i), openMembers) || readsAny(plan.args(i), deferredNodes))) {
                deferred.add(i);
                deferredNodes.add(i);
            } else {
                steps.add(new Call(i));
            }
        }
        if (open != null) {
            close(steps, openSize, open, deferred);
        }
        return steps;
    }

    /** Adds the loop of {@code members} and then the calls {@code deferred} that read them, and clears the latter. */
    private static void close(List<Step> steps, int size, List<Integer> members, List<Integer> deferred) {
        steps.add(new Loop(size, List.copyOf(members)));
        for (int node : deferred) {
            steps.add(new Call(node));
        }
        deferred.clear();
    }

    /** Whether node {@code i} can be computed in a fused loop. */
    static boolean fusible(ShapedGraph graph, Plan plan, int i) {
        long size = graph.shape(i).size();
        if (broadcastsOneElement(graph, plan, i)) {
            return true;
        }
        if (Scalars.id(plan.op(i)) < 0) {
            return false;
        }
        for (int arg : plan.args(i)) {
            long argSize = graph.shape(arg).size();
            if (argSize != size && argSize != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether node {@code i} broadcasts a single element to more: a copy of one double per
     * element, which a loop reads as that double (the pullback of a sum is one).
     */
    static boolean broadcastsOneElement(ShapedGraph graph, Plan plan, int i) {
        return plan.op(i).name().equals("broadcast_to") && graph.shape(plan.args(i)[0]).size() == 1
                && graph.shape(i).size() > 1;
    }

    private static boolean readsAny(int[] args, Set<Integer> members) {
        for (int arg : args) {
            if (members.contains(arg)) {
                return true;
            }
        }
        return false;
    }
}
