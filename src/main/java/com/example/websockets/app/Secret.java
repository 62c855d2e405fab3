package com.example.websockets.app;

/** A setting that must never reach a log: printed, it shows as hidden. Empty when not set. */
public record Secret(String value) {

    public boolean isSet() {
        return !value.isEmpty();
    }

    @Override
    public String toString() {
        return isSet() ? "(hidden)" : "(not set)";
    }
}
