package org.lcngeo.cli.reproduce;

import java.util.List;
import java.util.StringJoiner;
import org.lcngeo.symbolic.algebraic.Symja;
import org.matheclipse.core.eval.ExprEvaluator;

/**
 * LaTeX of the matrices that {@code lcn reproduce --latex} writes: each entry, a Symja-syntax
 * string our own code produced (never user input), goes through Symja's {@code TeXForm}. The
 * evaluator is created only when LaTeX is asked for (it costs about two seconds).
 */
final class Latex {
  private final ExprEvaluator evaluator = Symja.quietEvaluator();

  String expression(String symja) {
    return evaluator.eval("TeXForm(" + symja + ")").toString();
  }

  String matrix(List<List<String>> rows) {
    StringBuilder b = new StringBuilder("\\begin{pmatrix}\n");
    for (List<String> row : rows) {
      StringJoiner j = new StringJoiner(" & ", "  ", " \\\\\n");
      row.forEach(e -> j.add(expression(e)));
      b.append(j);
    }
    return b.append("\\end{pmatrix}").toString();
  }
}
