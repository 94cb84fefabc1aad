package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.expr.Expr;

/**
 * The rescaled filters lambda_l w_l of Prop. 2 / 12, whatever field the original filters live in:
 * rational ({@link RescaledTuple}) or a real number field ({@link AlgebraicRescaledTuple}, fiber
 * points whose layer polynomials have irrational coefficients).
 */
public interface RescaledFilters {
  /** lambda_l > 0, with prod lambda_l = 1. */
  List<RealAlgebraicNumber> lambdas();

  /** The rescaled tuple (lambda_l w_l). */
  FilterTuple<RealAlgebraicNumber> filters();

  /** lambda_l as an expression tree. */
  Expr lambdaExpr(int l);

  /** The rescaled filters as expression trees, per layer row-major. */
  List<List<Expr>> filtersExpr();

  /** The rescaled filters as decimals correct to the given significant digits, per layer. */
  default List<List<String>> filtersDecimal(int digits) {
    List<List<String>> out = new ArrayList<>();
    for (List<RealAlgebraicNumber> w : filters().layers()) {
      List<String> d = new ArrayList<>();
      for (RealAlgebraicNumber x : w) {
        d.add(x.toDecimalString(digits));
      }
      out.add(d);
    }
    return out;
  }
}
