package org.lcngeo.symbolic.paper;

import java.util.List;
import java.util.Map;
import org.lcngeo.symbolic.expr.Expr;

/**
 * One worked example of the paper, recomputed: its id, whether every computed statement holds,
 * a one-paragraph account, the computed objects (JSON-ready: strings, numbers, booleans, lists
 * and maps; matrices as lists of rows of Symja-syntax strings), and the same matrices as
 * expression trees for other formats ({@code matrices}: keyed by their LaTeX name, in order).
 */
public record PaperExample(int id, String title, boolean ok, String account, Map<String, Object> objects,
    Map<String, List<List<Expr>>> matrices) {}
