package dev.gradient.codegen;

/**
 * A failure that tests make the generator write into a class, to check that the service
 * falls back to the interpreter: none in the service.
 */
enum Fault {
    /** Correct code. */
    NONE,
    /** Source that does not compile. */
    UNCOMPILABLE,
    /** A class whose run throws, where the interpreter does not. */
    THROWS
}
