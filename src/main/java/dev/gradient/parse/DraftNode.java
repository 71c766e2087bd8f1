package dev.gradient.parse;

import dev.gradient.error.Origin;
import dev.gradient.graph.Attrs;
import dev.gradient.op.Op;
import dev.gradient.tensor.Tensor;
import java.util.List;

/**
 * A node as parsed, before names are resolved and nodes ordered: an op applied to arguments
 * named by string (node ids or input names), or a constant.
 *
 * @param id the node's id
 * @param op the op applied, or {@code null} for a constant
 * @param args the names of the arguments
 * @param argOrigins where each argument was written, for errors about it
 * @param attrs the op's attributes
 * @param value the constant's value, or {@code null} for an op
 * @param origin where the node was written
 */
record DraftNode(String id, Op op, List<String> args, List<Origin> argOrigins, Attrs attrs, Tensor value, Origin origin) {

    static DraftNode apply(String id, Op op, List<String> args, List<Origin> argOrigins, Attrs attrs, Origin origin) {
        return new DraftNode(id, op, List.copyOf(args), List.copyOf(argOrigins), attrs, null, origin);
    }

    static DraftNode constant(String id, Tensor value, Origin origin) {
        return new DraftNode(id, null, List.of(), List.of(), Attrs.NONE, value, origin);
    }

    DraftNode renamed(String newId) {
        return new DraftNode(newId, op, args, argOrigins, attrs, value, origin);
    }
}
