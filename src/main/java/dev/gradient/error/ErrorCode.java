package dev.gradient.error;

import java.util.Locale;

/**
 * Every stable, machine-readable {@code code} a problem can carry, with what the code fixes:
 * the HTTP status, the problem {@code type} (a URN derived from the code) and the
 * {@code title}. The lists of codes in the OpenAPI document and the README are generated
 * from this enum (and tested against it), so adding a code here documents it there.
 *
 * <p>In order of status; the 422 codes that the contract names come first among the 422s.
 * A code's name, status, type and title are part of the wire contract: never change them.
 */
public enum ErrorCode {

    /** The body is not JSON, or not of the contract's form. */
    MALFORMED_REQUEST(400, "Malformed request", "the body is not JSON, or not of the contract's form"),
    /** API keys are configured and the request has none, or a wrong one. */
    UNAUTHORIZED(401, "Unauthorized", "API keys are configured and the request has no valid one"),
    /** A graph id that the registry does not know (or another tenant's). */
    UNKNOWN_GRAPH(404, "Unknown graph", "a graphId names no registered graph (or another tenant's)"),
    /** A path that the service does not serve. */
    NOT_FOUND(404, "Not Found", "no such path"),
    /** A method that the path does not take. */
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "the path does not take this method"),
    /** An {@code Accept} header that the service cannot answer. */
    NOT_ACCEPTABLE(406, "Not Acceptable", "the Accept header rules out every form of the answer"),
    /** A limit is passed; the problem names its property in {@code limit}. */
    LIMIT_EXCEEDED(413, "Limit exceeded", "a limit is passed: the problem's limit names its property"),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "the body is not application/json"),
    /** An expression that does not parse; the problem gives the character position. */
    SYNTAX(422, "Syntax error", "an expression does not parse; position says where"),
    /** An op that does not exist. */
    UNKNOWN_OP(422, "Unknown op", "no op has this name (GET /ops lists them)"),
    /** A name that is not an input, node or output of the function. */
    UNKNOWN_NAME(422, "Unknown name", "a name is not an input, node or output of the function"),
    /** A graph with a cycle. */
    CYCLE(422, "Cycle", "a node depends on itself"),
    /** Shapes that do not fit an op, a declared shape, or each other. */
    SHAPE_MISMATCH(422, "Shape mismatch", "shapes do not fit an op, a declared shape or each other"),
    /** A point without a value for an input. */
    MISSING_INPUT(422, "Missing input", "a point has no value for an input"),
    /** {@code /gradient} or {@code /hessian} of an output that is not a scalar. */
    NOT_SCALAR(422, "Not scalar", "/gradient and /hessian need a scalar output: use /jacobian"),
    /** An engine that does not exist. */
    UNKNOWN_ENGINE(422, "Unknown engine", "no engine has this name (GET /engines lists them)"),
    /** An op applied to the wrong number of arguments. */
    ARITY(422, "Arity", "an op is given the wrong number of arguments"),
    /** Attributes that an op does not take, lacks, or cannot use. */
    BAD_ATTRS(422, "Bad attrs", "an op's attributes are unknown, missing or of the wrong type or value"),
    /** Two nodes, or a node and an input, with one id. */
    DUPLICATE_ID(422, "Duplicate id", "two nodes, or a node and an input, have the same id"),
    /** A name given twice in {@code wrt}. */
    DUPLICATE_NAME(422, "Duplicate name", "a name appears twice in wrt"),
    /** An output listed or named twice. */
    DUPLICATE_OUTPUT(422, "Duplicate output", "an output is listed or named twice"),
    /** A function with several outputs and no {@code output} to say which one. */
    MISSING_OUTPUT(422, "Missing output", "the function has several outputs and the request names none"),
    /** A {@code /jvp} tangent without a value for a wrt input. */
    MISSING_TANGENT(422, "Missing tangent", "the tangent has no value for a wrt input"),
    /** A {@code /vjp} cotangent without a value for an output. */
    MISSING_COTANGENT(422, "Missing cotangent", "the cotangent has no value for an output"),
    /** The client's rate limit is used up for now; {@code Retry-After} says when to retry. */
    RATE_LIMITED(429, "Rate limited", "the client's rate limit is used up for now; Retry-After says when to retry"),
    /** A bug: logged with its stack trace; hostile input never reaches it. */
    INTERNAL_ERROR(500, "Internal error", "the service failed unexpectedly (a bug, logged)"),
    /** The shared graph registry cannot be reached now; {@code Retry-After} invites a retry. */
    REGISTRY_UNAVAILABLE(503, "Registry unavailable", "the shared graph registry cannot be reached now; retry"),
    /** Too much work in flight to start the request in time; {@code Retry-After} invites a retry. */
    BUSY(503, "Busy", "the work in flight left no room for the request in time; retry");

    /** What every problem {@code type} starts with. */
    public static final String TYPE_PREFIX = "urn:gradient:problem:";

    private final int status;
    private final String title;
    private final String description;

    ErrorCode(int status, String title, String description) {
        this.status = status;
        this.title = title;
        this.description = description;
    }

    /** The HTTP status a problem with this code is answered with. */
    public int status() {
        return status;
    }

    /** The problem {@code type}: {@code urn:gradient:problem:} and the code in lower case with dashes. */
    public String type() {
        return TYPE_PREFIX + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The problem {@code title}: the same for every problem with this code. */
    public String title() {
        return title;
    }

    /** When a problem carries this code, in a few words; the README's table of codes shows it. */
    public String description() {
        return description;
    }
}
