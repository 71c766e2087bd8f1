package dev.gradient.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gradient.error.GradientException;
import dev.gradient.tensor.Tensor;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The streaming reader against the tree walk it replaced ({@link TreeWalkReference}), on seeded
 * random nested arrays, most of them rectangular and the rest broken in one or two places (a
 * row too long or too short, a string, object, boolean, null or array where a number belongs,
 * a number where a row belongs), under element limits small enough to be hit: every value
 * gives the same tensor bit for bit, or the same first fault, read from JSON text and from CBOR.
 */
class ValueReaderTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CBORMapper cbor = CBORMapper.builder().build();

    @Test
    void streamingAgreesWithTheTreeWalkOnValuesRightAndWrong() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int faults = 0;
        for (int trial = 0; trial < 3000; trial++) {
            JsonNode value = randomValue(random);
            if (value.isObject()) {
                continue; // a binary array, which the reference does not read
            }
            ArrayLimits limits = new ArrayLimits(1 + random.nextInt(random.nextBoolean() ? 40 : 400), 64);
            Outcome expected = Outcome.of(() -> TreeWalkReference.read(value, "/at/x", limits));
            String text = json.writeValueAsString(value);
            Outcome fromText = Outcome.of(() -> stream(json.createParser(text), limits));
            Outcome fromCbor = Outcome.of(() -> stream(cbor.createParser(cbor.writeValueAsBytes(value)), limits));
            assertThat(fromText).as("seed %d, trial %d: %s", seed, trial, text).isEqualTo(expected);
            assertThat(fromCbor).as("seed %d, trial %d (CBOR): %s", seed, trial, text).isEqualTo(expected);
            faults += expected.fault == null ? 0 : 1;
        }
        // both kinds of outcome were exercised
        assertThat(faults).as("seed %d", seed).isBetween(300, 2700);
    }

    @Test
    void theFastDoubleParserReadsEveryDoubleAsTheJdkDoes() {
        JsonMapper fast = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
                .enable(tools.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER).build()).build();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("[");
        java.util.List<String> literals = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            String literal = switch (i % 4) {
                case 0 -> Double.toString(d);
                case 1 -> new java.math.BigDecimal(random.nextGaussian()).toString(); // the exact expansion, ~50 digits
                case 2 -> random.nextInt(1_000_000) + "." + random.nextInt(1_000_000) + "e" + (random.nextInt(640) - 330);
                default -> Double.toString(random.nextGaussian());
            };
            if (literal.contains("N") || literal.contains("I")) {
                continue;
            }
            literals.add(literal);
            text.append(literals.size() == 1 ? "" : ",").append(literal);
        }
        text.append(']');
        double[] read = stream(fast.createParser(text.toString()), ArrayLimits.DATA_BOUND).get().values();
        for (int i = 0; i < literals.size(); i++) {
            assertThat(Double.doubleToRawLongBits(read[i])).as("seed %d: %s", seed, literals.get(i))
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(literals.get(i))));
        }
    }

    @Test
    void aValueKeepsNoMoreThanTheLimitOfElements() {
        String text = "[" + "1,".repeat(9_999) + "1]";
        ReadValue read = stream(json.createParser(text), new ArrayLimits(100, 64));
        assertThat(read.fault()).isNotNull();
        assertThat(read.fault().getMessage()).contains("has 10000 elements; the limit is 100");
    }

    private static ReadValue stream(JsonParser parser, ArrayLimits limits) {
        try (parser) {
            parser.nextToken();
            return ValueReader.read(parser, "/at/x", limits);
        }
    }

    private static JsonNode randomValue(Random random) {
        int rank = random.nextInt(4);
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = random.nextInt(5);
        }
        JsonNode value = build(random, dims, 0);
        int breaks = random.nextInt(3);
        for (int b = 0; b < breaks; b++) {
            value = breakOne(random, value);
        }
        return value;
    }

    private static JsonNode build(Random random, int[] dims, int depth) {
        if (depth == dims.length) {
            return switch (random.nextInt(8)) {
                case 0 -> NODES.stringNode(new String[] {"NaN", "Infinity", "-Infinity"}[random.nextInt(3)]);
                case 1 -> NODES.numberNode(random.nextInt(1000) - 500);
                case 2 -> NODES.numberNode(new java.math.BigInteger("1" + "0".repeat(random.nextInt(400))));
                default -> NODES.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            };
        }
        ArrayNode array = NODES.arrayNode();
        for (int i = 0; i < dims[depth]; i++) {
            array.add(build(random, dims, depth + 1));
        }
        return array;
    }

    /** {@code value} with one place changed into something wrong (or, sometimes, still right). */
    private static JsonNode breakOne(Random random, JsonNode value) {
        JsonNode wrong = switch (random.nextInt(6)) {
            case 0 -> NODES.stringNode("not a number, and long enough to be cut");
            case 1 -> NODES.objectNode().put("k", 1);
            case 2 -> NODES.booleanNode(true);
            case 3 -> NODES.nullNode();
            case 4 -> NODES.arrayNode().add(1).add(2);
            default -> NODES.numberNode(7);
        };
        if (!value.isArray() || value.isEmpty()) {
            return random.nextBoolean() ? wrong : value;
        }
        ArrayNode array = (ArrayNode) value;
        JsonNode at = array;
        while (at.isArray() && !at.isEmpty() && random.nextInt(3) > 0) {
            int i = random.nextInt(at.size());
            if (!at.get(i).isArray()) {
                break;
            }
            at = at.get(i);
        }
        ArrayNode row = (ArrayNode) at;
        switch (random.nextInt(3)) {
            case 0 -> row.add(row.isEmpty() ? wrong : row.get(0).deepCopy()); // one too many
            case 1 -> {
                if (!row.isEmpty()) {
                    row.remove(random.nextInt(row.size())); // one too few
                }
            }
            default -> {
                if (!row.isEmpty()) {
                    row.set(random.nextInt(row.size()), wrong);
                }
            }
        }
        return array;
    }

    /** A tensor, compared bit for bit, or a fault, compared by code, pointer and message. */
    private record Outcome(String shape, long[] bits, String fault) {

        static Outcome of(java.util.function.Supplier<Object> read) {
            try {
                Object result = read.get();
                Tensor tensor = result instanceof ReadValue value ? value.get() : (Tensor) result;
                long[] bits = new long[tensor.values().length];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = Double.doubleToRawLongBits(tensor.values()[i]);
                }
                return new Outcome(tensor.shape().toString(), bits, null);
            } catch (GradientException e) {
                return new Outcome(null, null, e.code() + " " + e.origin() + " " + e.getMessage());
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Outcome o && java.util.Objects.equals(shape, o.shape)
                    && java.util.Arrays.equals(bits, o.bits) && java.util.Objects.equals(fault, o.fault);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(shape, fault);
        }

        @Override
        public String toString() {
            return fault != null ? fault : shape + " " + java.util.Arrays.toString(bits);
        }
    }
}
