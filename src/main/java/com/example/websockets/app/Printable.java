package com.example.websockets.app;

/**
 * A client's text made safe for one log line: control characters (a newline could forge a line
 * of its own) are shown as a backslash, u and four hex digits, and anything past 100 characters
 * is cut.
 */
public final class Printable {

    static final int MAX = 100;

    private Printable() {
    }

    public static String of(String text) {
        if (text == null) {
            return "(none)";
        }
        StringBuilder safe = new StringBuilder();
        text.codePoints().limit(MAX).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                safe.append(String.format("\\u%04x", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return text.codePointCount(0, text.length()) > MAX ? safe + "..." : safe.toString();
    }
}
