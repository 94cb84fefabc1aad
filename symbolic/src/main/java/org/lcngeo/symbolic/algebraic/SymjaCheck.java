package org.lcngeo.symbolic.algebraic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.matheclipse.core.eval.ExprEvaluator;
import org.matheclipse.core.interfaces.IExpr;

/**
 * Whether Symja itself evaluates a string we wrote to a given real algebraic number: {@code
 * N(s, 60)} in an in-process evaluator must lie, real, within 10^-45 (relative) of the number's
 * certified isolating interval. Every radical form is checked this way before it is printed, since
 * Symja 3.0.0's numerics are wrong for some of its own forms (its quartic {@code Root}s).
 *
 * <p>The evaluator lives on one daemon thread (created once, about two seconds); a check that
 * takes longer than {@link #CHECK_SECONDS} counts as a failure and the thread is abandoned, so a
 * slow Symja evaluation (apfloat) never holds a command.
 */
final class SymjaCheck {
  /** Digits Symja evaluates with. */
  static final int DIGITS = 60;
  /** Digits that must agree. */
  static final int AGREE = 45;
  /** The longest one evaluation may take. */
  static final long CHECK_SECONDS = 20;

  private static ExecutorService worker;
  private static final ThreadLocal<ExprEvaluator> evaluator = ThreadLocal.withInitial(Symja::quietEvaluator);

  private SymjaCheck() {}

  private static synchronized ExecutorService worker() {
    if (worker == null) {
      worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "symja-check");
        t.setDaemon(true);
        return t;
      });
    }
    return worker;
  }

  private static synchronized void abandon(ExecutorService stuck) {
    if (worker == stuck) {
      stuck.shutdownNow();
      worker = null;
    }
  }

  /** Whether Symja evaluates {@code symja} to x (see the class comment). */
  static boolean evaluatesTo(String symja, RealAlgebraicNumber x) {
    x.refineTo((int) (AGREE * 3.33) + 16);
    RationalInterval iv = x.isolatingInterval();
    BigFraction slack = new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(AGREE))
        .multiply(iv.hi().abs().add(iv.lo().abs()).add(BigFraction.ONE));
    ExecutorService w = worker();
    Future<BigFraction[]> f = w.submit(() -> value(symja));
    BigFraction[] v;
    try {
      v = f.get(CHECK_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      abandon(w);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return false;
    } catch (ExecutionException e) {
      return false;
    }
    return v != null
        && v[1].abs().compareTo(slack) <= 0
        && v[0].compareTo(iv.lo().subtract(slack)) >= 0
        && v[0].compareTo(iv.hi().add(slack)) <= 0;
  }

  /** Symja's N(s, DIGITS) as {re, im}, or null when it is not a number. */
  private static BigFraction[] value(String symja) {
    IExpr v = evaluator.get().eval("N(" + symja + "," + DIGITS + ")");
    if (!v.isNumber()) {
      return null;
    }
    BigFraction re = parse(v.re().toString());
    BigFraction im = parse(v.im().toString());
    return re == null || im == null ? null : new BigFraction[] {re, im};
  }

  /** Symja's decimal output ("1.25", "-3.1*10^-5", "0"), or null if it is something else. */
  private static BigFraction parse(String s) {
    try {
      String t = s.replace(" ", "");
      int e = t.indexOf("*10^");
      if (e >= 0) {
        return Rationals.fromDecimal(
            new BigDecimal(t.substring(0, e)).scaleByPowerOfTen(Integer.parseInt(t.substring(e + 4))));
      }
      return Rationals.fromDecimal(new BigDecimal(t));
    } catch (NumberFormatException ex) {
      return null;
    }
  }
}
