package com.example.websockets.chapter;

import java.util.List;

/**
 * A fenced block of CHAPTER.md announced by a marker comment on the line before its fence,
 * such as {@code <!-- code: path#region -->} or {@code <!-- output: name -->}.
 *
 * @param kind   {@code code} or {@code output}
 * @param target what the block shows: {@code path#region} for code, a name for output
 * @param line   1-based line of the marker, for error messages
 * @param body   the lines between the fences
 */
record MarkedBlock(String kind, String target, int line, List<String> body) {

    String describe() {
        return "CHAPTER.md line " + line + " (" + kind + ": " + target + ")";
    }
}
