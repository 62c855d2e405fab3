package com.example.websockets.chapter;

import java.util.List;

/**
 * A fenced block of a page announced by a marker comment on the line before its fence, such as
 * {@code <!-- code: path#region -->} or {@code <!-- output: name -->}.
 *
 * @param page   the page it is on, e.g. {@code docs/rooms.md}
 * @param kind   {@code code}, {@code output} or {@code tree}
 * @param target what the block shows: {@code path#region} for code, a name for output, a
 *               folder for a tree
 * @param line   1-based line of the marker, for error messages
 * @param body   the lines between the fences
 */
record MarkedBlock(String page, String kind, String target, int line, List<String> body) {

    String describe() {
        return page + " line " + line + " (" + kind + ": " + target + ")";
    }
}
