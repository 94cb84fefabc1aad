package org.lcngeo.cli;

import java.util.List;
import org.lcngeo.symbolic.formula.Notation;
import org.lcngeo.symbolic.formula.NtkFormula;
import org.lcngeo.symbolic.manifold.NeuromanifoldEquations;

/** The neuromanifold's equations as a Macaulay2 script ({@code lcn manifold --format macaulay2}). */
final class ManifoldScript {
  private ManifoldScript() {}

  /**
   * A Macaulay2 script that runs as it is: the ring R of the end-to-end entries, the ideal I, the
   * filter ring P and mu as the ring map R -> P, and a check that I is its kernel.
   */
  static String macaulay2(NeuromanifoldEquations m) {
    String gens = String.join(", ", m.write(Notation.MACAULAY2));
    StringBuilder b = new StringBuilder();
    if (!m.complete()) {
      b.append("-- not proven complete: ").append(m.reason()).append('\n');
    }
    b.append("R = QQ[").append(String.join(", ", m.variables())).append("];\n");
    b.append("I = ideal(").append(gens.isEmpty() ? "0_R" : gens).append(");\n");
    NtkFormula symbols = NtkFormula.of(m.architecture());
    b.append("P = QQ[").append(String.join(", ", symbols.parameters())).append("];\n");
    List<String> mu = symbols.mu().stream().map(Notation.MACAULAY2::polynomial).toList();
    b.append("mu = map(P, R, {").append(String.join(", ", mu)).append("});\n");
    b.append("assert(ker mu == I)\n");
    return b.toString();
  }
}
