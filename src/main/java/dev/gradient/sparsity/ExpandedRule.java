package dev.gradient.sparsity;

import dev.gradient.graph.Attrs;
import dev.gradient.op.Primitive;
import dev.gradient.tensor.Shape;

/**
 * Composite ops: the graph compiler expands them into primitives before anything runs, so their
 * pattern is the one their expansion's rules give, and no compiled graph holds one.
 */
final class ExpandedRule extends SparsityRule {

    ExpandedRule() {
        super(SparsityRules.Kind.COMPOSITE, "composite: expanded into primitives when compiled, so the pattern is its expansion's");
    }

    @Override
    long bound(Shape[] args, long[] argBounds, Shape out, Attrs attrs) {
        throw notCompiled();
    }

    @Override
    IndexSets propagate(Primitive op, Shape[] args, IndexSets[] argSets, Shape out, Attrs attrs, Unions unions) {
        throw notCompiled();
    }

    private static IllegalStateException notCompiled() {
        return new IllegalStateException("a composite op in a compiled graph: composites are expanded when compiled");
    }
}
