package dev.gradient.api;

/** Thrown when a request found no room among the work in flight in time: a 503 that invites a retry. */
class ServiceBusyException extends RuntimeException {

    ServiceBusyException(String message) {
        super(message, null, false, false);
    }
}
