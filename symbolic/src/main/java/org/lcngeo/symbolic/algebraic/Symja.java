package org.lcngeo.symbolic.algebraic;

/**
 * A quiet Symja evaluator, for the round-trip tests that evaluate our exported strings in Symja
 * (no command starts Symja; exact values print through {@link org.lcngeo.symbolic.expr.Printer}).
 */
public final class Symja {
  private Symja() {}

  /**
   * A new Symja evaluator in quiet mode: Symja's messages (such as "Power: Infinite expression
   * 1/0 encountered") would otherwise go to standard output, where our JSON goes. Creating one
   * costs about two seconds; keep one per thread, and hand it only strings our code wrote.
   */
  public static org.matheclipse.core.eval.ExprEvaluator quietEvaluator() {
    org.matheclipse.core.eval.ExprEvaluator ev = new org.matheclipse.core.eval.ExprEvaluator();
    ev.getEvalEngine().setQuietMode(true);
    ev.getEvalEngine().setOutPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    ev.getEvalEngine().setErrorPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    return ev;
  }
}
