package org.rongtong.messaging;

/**
 * The record depends on another that travels on another topic and has not been seen yet (a proposal before its demand).
 * Such a record waits, retried with backoff, instead of being parked: the other record is on its way.
 */
public class NotYetException extends RuntimeException {

    public NotYetException(String message) {
        super(message);
    }
}
