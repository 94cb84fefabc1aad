package org.lcngeo.symbolic.expr;

import java.util.List;

/**
 * Macaulay2 syntax for elements of QQ[...] and its fraction field: {@code a0^2+2*a0*b1},
 * {@code 3/4*v0}, {@code matrix{{...}, {...}}}. Macaulay2 has no exact radicals, so only
 * rational functions are written (a radical is an error of the caller).
 */
final class Macaulay2Printer extends Printer {
  @Override
  protected Text function(String name, Expr argument) {
    throw new IllegalArgumentException("Macaulay2 has no exact " + name + ": write its defining polynomial");
  }

  @Override
  protected String pi() {
    throw new IllegalArgumentException("Macaulay2 has no exact pi");
  }

  @Override
  protected String realRoot(Expr.RealRoot r) {
    throw new IllegalArgumentException("Macaulay2 has no real root objects: write the minimal polynomial");
  }

  @Override
  protected String largestRoot(Expr.LargestRoot r) {
    throw new IllegalArgumentException("Macaulay2 has no real root objects: write the polynomial");
  }

  @Override
  protected String ifNegative(Expr.IfNegative c) {
    throw new IllegalArgumentException("Macaulay2 has no real branches: write the defining polynomial");
  }

  /**
   * {@code det(matrix{{...}, {...}}, Strategy => Cofactor)}, on one line (entries in the ring in
   * use): Laplace expansion, since the default (Bareiss) took 0.7 s per 7 x 7 determinant of
   * variables over a ring of 22 variables, the expansion 2 ms.
   */
  @Override
  protected String determinant(Expr.Det d) {
    return "det(" + rows(d.rows(), "matrix{", ", ", ", ", "}", "{", "}") + ", Strategy => Cofactor)";
  }

  @Override
  public String matrix(List<List<Expr>> rows) {
    return rows(rows, "matrix{", ", ", ",\n  ", "}", "{", "}");
  }
}
