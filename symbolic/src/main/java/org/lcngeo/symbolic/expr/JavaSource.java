package org.lcngeo.symbolic.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Java source that evaluates K^(delta)(v) in double precision from its {@link NtkOfVTree}: a class
 * implementing {@code org.lcngeo.core.plan.NtkOfV}, its entries written by {@link Printer#JAVA}.
 * beta_1 is the closed form for H = 2 (its cancellation-free branch) and bisection for H > 2,
 * since Java has no real root objects.
 */
public final class JavaSource {
  private JavaSource() {}

  /** A compilation unit: class {@code className} implementing {@code org.lcngeo.core.plan.NtkOfV}. */
  public static String ntkOfVClass(NtkOfVTree tree, String className) {
    return "public final class " + className + " implements org.lcngeo.core.plan.NtkOfV {\n"
        + "  @Override\n  public double[][] ntk(double[] v, double[] delta) {\n"
        + ntkOfVMethodBody(tree).indent(4)
        + "  }\n}\n";
  }

  /**
   * The body of {@code NtkOfV.ntk(double[] v, double[] delta)}: theta(v) from the inverse map, K_l
   * as polynomials in theta, beta_1 in closed form (H = 2) or by bisection on [max(-c_l), max(-c_l)
   * + C^(1/H)], where P changes sign (H > 2). Symbolic invariants {@code delta} / {@code delta<i>}
   * are the locals {@code invariant} / {@code invariant<i>} (the parameter is {@code delta}), read
   * from {@code delta[0]} / {@code delta[i-1]}; numeric ones are constants.
   */
  public static String ntkOfVMethodBody(NtkOfVTree tree) {
    Printer p = Printer.JAVA;
    int h = tree.depth();
    List<Expr.Symbol> v = tree.endToEnd();
    int n = v.size();
    StringBuilder b = new StringBuilder();
    for (int m = 0; m < n; m++) {
      b.append("double ").append(p.print(v.get(m))).append(" = v[").append(m).append("];\n");
    }
    for (Expr.Symbol s : tree.invariants()) {
      b.append("double ").append(p.print(s)).append(" = delta[").append(NtkOfVTree.position(s)).append("];\n");
    }
    for (List<NtkOfVTree.Definition> layer : tree.filters()) {
      for (NtkOfVTree.Definition d : layer) {
        b.append("double ").append(p.print(d.symbol())).append(" = ").append(p.print(d.value())).append(";\n");
      }
    }
    b.append("double bigC = 1.0;\n");
    for (int l = 0; l < h; l++) {
      b.append("double norm").append(l + 1).append(" = ").append(p.print(tree.squaredNorms().get(l))).append(";\n");
      b.append("double offset").append(l + 1).append(" = ").append(p.print(tree.offsets().get(l))).append(";\n");
      b.append("bigC *= norm").append(l + 1).append(";\n");
    }
    beta1(b, h);
    for (int l = 0; l < h; l++) {
      b.append("double scale").append(l + 1).append(" = norm").append(l + 1).append("/(beta1 + offset")
          .append(l + 1).append(");\n");
    }
    b.append("double[][] k = new double[").append(n).append("][").append(n).append("];\n");
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        List<String> terms = new ArrayList<>();
        for (int l = 0; l < h; l++) {
          Expr e = tree.blocks().get(l).get(i).get(j);
          if (!Exprs.isZero(e)) {
            terms.add("scale" + (l + 1) + "*(" + p.print(e) + ")");
          }
        }
        if (!terms.isEmpty()) {
          b.append("k[").append(i).append("][").append(j).append("] = ")
              .append(String.join(" + ", terms)).append(";\n");
        }
      }
    }
    b.append("return k;\n");
    return b.toString();
  }

  /** {@code double beta1 = ...} from the locals bigC and offset1..offsetH (Prop. 2). */
  private static void beta1(StringBuilder b, int h) {
    if (h == 1) {
      b.append("double beta1 = bigC;\n");
    } else if (h == 2) {
      b.append("double root = Math.sqrt(offset2*offset2 + 4.0*bigC);\n");
      b.append("double beta1 = offset2 >= 0.0 ? 2.0*bigC/(offset2 + root) : (-offset2 + root)/2.0;\n");
    } else {
      b.append("double lo = -offset1;\n");
      for (int l = 1; l < h; l++) {
        b.append("lo = Math.max(lo, -offset").append(l + 1).append(");\n");
      }
      b.append("double hi = lo + Math.pow(bigC, 1.0/").append(h).append(".0);\n");
      b.append("for (int it = 0; it < 4000; it++) {\n");
      b.append("  double mid = 0.5*(lo + hi);\n");
      b.append("  if (mid <= lo || mid >= hi) break;\n");
      b.append("  double p = 1.0;\n");
      for (int l = 0; l < h; l++) {
        b.append("  p *= mid + offset").append(l + 1).append(";\n");
      }
      b.append("  if (p - bigC < 0.0) lo = mid; else hi = mid;\n");
      b.append("}\n");
      b.append("double beta1 = 0.5*(lo + hi);\n");
    }
  }
}
