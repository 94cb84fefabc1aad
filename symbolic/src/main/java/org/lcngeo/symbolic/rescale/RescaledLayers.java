package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * What both rescaled tuples (rational {@link RescaledTuple}, algebraic {@link
 * AlgebraicRescaledTuple}) share: the factors lambda_l = sqrt(lambda_l^2) and the rescaled filters
 * lambda_l w_l of Prop. 2 / 12, computed on first use (square roots of algebraic numbers are
 * costly) and kept.
 *
 * @param <T> the type of the original entries
 */
abstract class RescaledLayers<T> implements RescaledFilters {
  private List<RealAlgebraicNumber> lambdas;
  private FilterTuple<RealAlgebraicNumber> filters;

  /** The tuple before rescaling. */
  public abstract FilterTuple<T> original();

  /** lambda_l^2 = beta_l / ||w_l||^2. */
  public abstract List<FieldElement> lambdaSquared();

  /** lambda_l w for an original entry w of layer l (lambda = lambda_l). */
  abstract RealAlgebraicNumber scale(int l, RealAlgebraicNumber lambda, T w);

  /** lambda_l = sqrt(lambda_l^2) > 0, with prod lambda_l = 1. */
  @Override
  public synchronized List<RealAlgebraicNumber> lambdas() {
    if (lambdas == null) {
      List<RealAlgebraicNumber> l = new ArrayList<>();
      for (FieldElement s : lambdaSquared()) {
        l.add(s.toRealAlgebraic().sqrt());
      }
      lambdas = Collections.unmodifiableList(l);
    }
    return lambdas;
  }

  /** The rescaled tuple (lambda_l w_l). */
  @Override
  public synchronized FilterTuple<RealAlgebraicNumber> filters() {
    if (filters == null) {
      List<RealAlgebraicNumber> lam = lambdas();
      FilterTuple<T> original = original();
      List<List<RealAlgebraicNumber>> layers = new ArrayList<>();
      for (int l = 0; l < original.depth(); l++) {
        List<RealAlgebraicNumber> w = new ArrayList<>();
        for (T x : original.layer(l)) {
          w.add(scale(l, lam.get(l), x));
        }
        layers.add(w);
      }
      filters = FilterTuple.of(original.architecture(), layers);
    }
    return filters;
  }
}
