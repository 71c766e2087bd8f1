package dev.gradient.parse;

import dev.gradient.error.Pointer;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a JSON graph from a token stream into the tree that {@link GraphParser} walks, except for
 * its nodes' {@code const} values: those are read by {@link ValueReader} straight into tensors
 * (kept in the tree as embedded {@link ReadValue}s), so that a large constant costs its doubles,
 * not a tree of number nodes. Alongside, it writes the graph's compact text, constants written
 * from their values, as the key under which the parsed graph is cached: the same graph text
 * gives the same key whatever its whitespace. Iterative; depth is bounded by the parser.
 */
public final class GraphReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory KEY_TEXT = new JsonFactory();

    /** Where an open container is in a graph: the graph itself, its node list, one node, or anywhere else. */
    private enum Role { GRAPH, NODE_LIST, NODE, OTHER }

    private record Open(JsonNode container, Role role, String pointer, int[] index) {
    }

    /** A graph as read: its tree for the parser, and the text it is cached under. */
    public record Source(JsonNode tree, String key) {
    }

    private GraphReader() {
    }

    /**
     * The graph whose {@code START_OBJECT} is {@code parser}'s current token, at {@code pointer};
     * its constants are read within {@code limits} (their faults are thrown when the graph
     * parser reaches them, in node order).
     */
    public static Source read(JsonParser parser, String pointer, ArrayLimits limits) {
        StringWriter key = new StringWriter();
        try (JsonGenerator text = KEY_TEXT.createGenerator(ObjectWriteContext.empty(), key)) {
            ObjectNode root = NODES.objectNode();
            text.writeStartObject();
            Deque<Open> open = new ArrayDeque<>();
            open.push(new Open(root, Role.GRAPH, pointer, new int[1]));
            String name = null;
            while (!open.isEmpty()) {
                JsonToken token = parser.nextToken();
                Open at = open.peek();
                if (token == JsonToken.PROPERTY_NAME) {
                    name = parser.currentName();
                    text.writeName(name);
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    open.pop();
                    if (token == JsonToken.END_OBJECT) {
                        text.writeEndObject();
                    } else {
                        text.writeEndArray();
                    }
                    continue;
                }
                String here = at.container.isArray() ? Pointer.child(at.pointer, at.index[0]++) : Pointer.child(at.pointer, name);
                if (at.role == Role.NODE && "const".equals(name)) {
                    ReadValue value = ValueReader.read(parser, here, limits);
                    add(at, name, NODES.pojoNode(value));
                    if (value.fault() == null) {
                        Values.write(value.tensor(), text);
                    } else {
                        text.writeNull(); // never cached: the graph parser throws the fault
                    }
                } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                    JsonNode child = token == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                    add(at, name, child);
                    open.push(new Open(child, role(at.role, name, token), here, new int[1]));
                    if (token == JsonToken.START_OBJECT) {
                        text.writeStartObject();
                    } else {
                        text.writeStartArray();
                    }
                } else {
                    add(at, name, scalar(parser, token, text));
                }
            }
            text.flush();
            return new Source(root, key.toString());
        }
    }

    private static Role role(Role parent, String name, JsonToken token) {
        if (parent == Role.GRAPH && "nodes".equals(name) && token == JsonToken.START_ARRAY) {
            return Role.NODE_LIST;
        }
        return parent == Role.NODE_LIST && token == JsonToken.START_OBJECT ? Role.NODE : Role.OTHER;
    }

    private static void add(Open at, String name, JsonNode child) {
        if (at.container instanceof ArrayNode array) {
            array.add(child);
        } else {
            ((ObjectNode) at.container).set(name, child);
        }
    }

    /** The scalar {@code token} as a tree node, also written to the key's text. */
    private static JsonNode scalar(JsonParser parser, JsonToken token, JsonGenerator text) {
        switch (token) {
            case VALUE_STRING -> {
                String value = parser.getString();
                text.writeString(value);
                return NODES.stringNode(value);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                JsonNode number = switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    case BIG_INTEGER -> NODES.numberNode(parser.getBigIntegerValue());
                    case BIG_DECIMAL -> NODES.numberNode(parser.getDecimalValue());
                    default -> NODES.numberNode(parser.getDoubleValue());
                };
                text.writeNumber(parser.getString());
                return number;
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                text.writeBoolean(token == JsonToken.VALUE_TRUE);
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_EMBEDDED_OBJECT -> {
                Object embedded = parser.getEmbeddedObject();
                if (embedded instanceof byte[] bytes) {
                    text.writeBinary(bytes);
                    return NODES.binaryNode(bytes);
                }
                text.writeString(String.valueOf(embedded));
                return NODES.pojoNode(embedded);
            }
            default -> {
                text.writeNull();
                return NODES.nullNode();
            }
        }
    }
}
