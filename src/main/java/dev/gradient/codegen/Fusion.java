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
 * with a step of 1 or 0, so the loop reads the same doubles. Nodes are taken in plan order with
 * one loop open at a time: a fusible node of the open loop's size joins it (its arguments are
 * either members or already computed, since everything before it is); any other node is
 * computed right away, before the open loop, unless it reads a member, which closes the loop
 * first. So no step reads a value that a later step computes, and each loop is a maximal run of
 * that order. A loop is also closed at {@link #MAX_MEMBERS}, which keeps its method far below
 * the size that HotSpot still compiles (8000 bytes of bytecode).
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
        int openSize = -1;
        for (int i = start; i < plan.size(); i++) {
            if (plan.op(i) == null) {
                continue;
            }
            if (fusible(graph, plan, i)) {
                int size = Math.toIntExact(graph.shape(i).size());
                if (open != null && (size != openSize || open.size() >= MAX_MEMBERS)) {
                    steps.add(new Loop(openSize, List.copyOf(open)));
                    open = null;
                }
                if (open == null) {
                    open = new ArrayList<>();
                    openMembers.clear();
                    openSize = size;
                }
                open.add(i);
                openMembers.add(i);
            } else {
                if (open != null && readsAny(plan.args(i), openMembers)) {
                    steps.add(new Loop(openSize, List.copyOf(open)));
                    open = null;
                    openMembers.clear();
                }
                steps.add(new Call(i));
            }
        }
        if (open != null) {
            steps.add(new Loop(openSize, List.copyOf(open)));
        }
        return steps;
    }

    /** Whether node {@code i} can be computed in a fused loop. */
    static boolean fusible(ShapedGraph graph, Plan plan, int i) {
        if (Scalars.id(plan.op(i)) < 0) {
            return false;
        }
        long size = graph.shape(i).size();
        for (int arg : plan.args(i)) {
            long argSize = graph.shape(arg).size();
            if (argSize != size && argSize != 1) {
                return false;
            }
        }
        return true;
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
