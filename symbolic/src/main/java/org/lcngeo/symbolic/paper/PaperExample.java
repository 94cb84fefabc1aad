package org.lcngeo.symbolic.paper;

import java.util.Map;

/**
 * One worked example of the paper, recomputed: its id, whether every computed statement holds,
 * a one-paragraph account, and the computed objects (JSON-ready: strings, numbers, booleans,
 * lists and maps; matrices as lists of rows of Symja-syntax strings).
 */
public record PaperExample(int id, String title, boolean ok, String account, Map<String, Object> objects) {}
