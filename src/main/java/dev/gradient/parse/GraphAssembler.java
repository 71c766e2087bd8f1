package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import dev.gradient.graph.Graph;
import dev.gradient.graph.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns draft nodes into a {@link Graph}: resolves names, infers inputs where none are
 * declared (names used but defined by no node, in order of first use), rejects cycles, and
 * orders the nodes canonically: inputs first, then a depth-first post-order from the outputs,
 * so that the order nodes were written in does not matter. Nodes that no output depends on
 * are dropped. Iterative throughout: no graph depth can overflow the stack.
 */
final class GraphAssembler {

    private GraphAssembler() {
    }

    /**
     * The graph of {@code drafts}; {@code declared} is {@code null} where inputs are inferred.
     * {@code outputs} name the outputs, written at {@code outputOrigins}.
     */
    static Graph assemble(List<DraftNode> drafts, List<DeclaredInput> declared, List<String> outputs,
            List<Origin> outputOrigins) {
        return assemble(drafts, declared, outputs, outputs, outputOrigins);
    }

    /** As above, with the outputs reported under {@code outputNames} rather than their ids. */
    static Graph assemble(List<DraftNode> drafts, List<DeclaredInput> declared, List<String> outputs,
            List<String> outputNames, List<Origin> outputOrigins) {
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            DraftNode draft = drafts.get(i);
            if (byId.put(draft.id(), i) != null) {
                throw new GradientException(ErrorCode.DUPLICATE_ID, "two nodes have the id '" + draft.id() + "'", draft.origin());
            }
        }
        Map<String, DeclaredInput> inputs = resolveInputs(drafts, declared, byId);
        for (DeclaredInput input : inputs.values()) {
            if (byId.containsKey(input.name())) {
                DraftNode clash = drafts.get(byId.get(input.name()));
                throw new GradientException(ErrorCode.DUPLICATE_ID, "node id '" + clash.id() + "' is also the name of an input",
                        clash.origin());
            }
        }
        int[][] args = new int[drafts.size()][];
        for (int i = 0; i < drafts.size(); i++) {
            List<String> names = drafts.get(i).args();
            args[i] = new int[names.size()];
            for (int j = 0; j < names.size(); j++) {
                Integer target = byId.get(names.get(j));
                args[i][j] = target == null ? -1 : target;
            }
        }
        checkAcyclic(drafts, args);
        List<Node> nodes = new ArrayList<>();
        List<Origin> origins = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        List<Integer> inputPositions = new ArrayList<>();
        for (DeclaredInput input : inputs.values()) {
            positions.put(input.name(), nodes.size());
            inputPositions.add(nodes.size());
            nodes.add(new Node.Input(input.name(), input.shape()));
            origins.add(input.origin());
        }
        List<Integer> outputPositions = new ArrayList<>();
        for (int k = 0; k < outputs.size(); k++) {
            String name = outputs.get(k);
            if (outputs.subList(0, k).contains(name)) {
                throw new GradientException(ErrorCode.DUPLICATE_OUTPUT, "'" + name + "' is listed twice among the outputs",
                        outputOrigins.get(k));
            }
            Integer draft = byId.get(name);
            if (draft == null && !inputs.containsKey(name)) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "output '" + name + "' is neither a node id nor an input",
                        outputOrigins.get(k));
            }
            if (draft != null) {
                emitPostOrder(draft, drafts, args, positions, nodes, origins);
            }
            outputPositions.add(positions.get(name));
        }
        for (int k = 0; k < outputNames.size(); k++) {
            if (outputNames.subList(0, k).contains(outputNames.get(k))) {
                throw new GradientException(ErrorCode.DUPLICATE_OUTPUT, "'" + outputNames.get(k) + "' names two outputs",
                        outputOrigins.get(k));
            }
        }
        return new Graph(nodes, inputPositions, outputPositions, outputNames, origins);
    }

    private static Map<String, DeclaredInput> resolveInputs(List<DraftNode> drafts, List<DeclaredInput> declared,
            Map<String, Integer> byId) {
        Map<String, DeclaredInput> inputs = new LinkedHashMap<>();
        if (declared != null) {
            for (DeclaredInput input : declared) {
                if (inputs.put(input.name(), input) != null) {
                    throw new GradientException(ErrorCode.DUPLICATE_ID, "input '" + input.name() + "' is declared twice", input.origin());
                }
            }
        }
        for (Reference use : usesInWrittenOrder(drafts)) {
            if (byId.containsKey(use.name()) || inputs.containsKey(use.name())) {
                continue;
            }
            if (declared != null) {
                throw new GradientException(ErrorCode.UNKNOWN_NAME, "'" + use.name() + "' is neither a node id nor a declared input"
                        + (use.origin().position() >= 0 ? " (position " + use.origin().position() + ")" : ""),
                        use.origin());
            }
            inputs.put(use.name(), new DeclaredInput(use.name(), null, use.origin()));
        }
        return inputs;
    }

    /** A name used as an argument, and where it was written. */
    private record Reference(String name, Origin origin) {
    }

    /**
     * Every argument reference, in the order a reader meets them: nodes in the order written,
     * and within one expression by character position (its nodes are created operands first,
     * so {@code r * cos(t)} would otherwise list {@code t} before {@code r}).
     */
    private static List<Reference> usesInWrittenOrder(List<DraftNode> drafts) {
        List<Reference> uses = new ArrayList<>();
        int runStart = 0;
        for (int i = 0; i < drafts.size(); i++) {
            DraftNode draft = drafts.get(i);
            for (int j = 0; j < draft.args().size(); j++) {
                uses.add(new Reference(draft.args().get(j), draft.argOrigins().get(j)));
            }
            boolean runEnds = i + 1 == drafts.size()
                    || !drafts.get(i + 1).origin().pointer().equals(draft.origin().pointer());
            if (runEnds) {
                // a stable sort: references outside expressions (position -1) keep their order
                uses.subList(runStart, uses.size()).sort(java.util.Comparator.comparingInt(r -> r.origin().position()));
                runStart = uses.size();
            }
        }
        return uses;
    }

    /** A {@code CYCLE} error naming a node on the cycle, found by an iterative three-colour depth-first search. */
    private static void checkAcyclic(List<DraftNode> drafts, int[][] args) {
        byte[] state = new byte[drafts.size()];
        int[] cursor = new int[drafts.size()];
        Deque<Integer> stack = new ArrayDeque<>();
        for (int root = 0; root < drafts.size(); root++) {
            if (state[root] != 0) {
                continue;
            }
            stack.push(root);
            state[root] = 1;
            while (!stack.isEmpty()) {
                int node = stack.peek();
                if (cursor[node] < args[node].length) {
                    int child = args[node][cursor[node]++];
                    if (child < 0) {
                        continue;
                    }
                    if (state[child] == 1) {
                        DraftNode on = drafts.get(child);
                        throw new GradientException(ErrorCode.CYCLE, "node '" + on.id() + "' depends on itself (a cycle through '"
                                + drafts.get(node).id() + "')", on.origin());
                    }
                    if (state[child] == 0) {
                        state[child] = 1;
                        stack.push(child);
                    }
                } else {
                    state[node] = 2;
                    stack.pop();
                }
            }
        }
    }

    /** Appends {@code root} and everything it depends on, arguments first, skipping what is already there. */
    private static void emitPostOrder(int root, List<DraftNode> drafts, int[][] args, Map<String, Integer> positions,
            List<Node> nodes, List<Origin> origins) {
        if (positions.containsKey(drafts.get(root).id())) {
            return;
        }
        Deque<int[]> stack = new ArrayDeque<>();
        stack.push(new int[] {root, 0});
        while (!stack.isEmpty()) {
            int[] frame = stack.peek();
            DraftNode draft = drafts.get(frame[0]);
            if (frame[1] < args[frame[0]].length) {
                int child = args[frame[0]][frame[1]++];
                if (child >= 0 && !positions.containsKey(drafts.get(child).id())) {
                    stack.push(new int[] {child, 0});
                }
                continue;
            }
            stack.pop();
            if (positions.containsKey(draft.id())) {
                continue;
            }
            positions.put(draft.id(), nodes.size());
            origins.add(draft.origin());
            if (draft.op() == null) {
                nodes.add(new Node.Const(draft.id(), draft.value()));
            } else {
                List<Integer> argPositions = draft.args().stream().map(positions::get).toList();
                nodes.add(new Node.Apply(draft.id(), draft.op(), argPositions, draft.attrs()));
            }
        }
    }
}
