package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * The rescaling of Prop. 2 (1-D) and Prop. 12 (D-D), exactly: for non-zero filters (w_l) and
 * target invariants delta_1..delta_{H-1}, the unique positive (lambda_l) with prod lambda_l = 1 and
 * ||lambda_{i+1} w_{i+1}||^2 - ||lambda_i w_i||^2 = delta_i.
 *
 * <p>Following the proof (Sec. 7.1.1, eqs. 12-13): with c_1 = 0, c_l = delta_1 + ... +
 * delta_{l-1} and C = prod ||w_l||^2, beta_1 is the unique root of P(x) = prod_l (x + c_l) - C in
 * (max_l(-c_l), infinity); then beta_l = beta_1 + c_l and lambda_l^2 = beta_l / ||w_l||^2. P is
 * increasing there and P(max(-c_l)) = -C < 0 <= P(max(-c_l) + max(1, C)), which isolates the root.
 */
public final class Rescaling {
  private Rescaling() {}

  /**
   * Rescales theta to the invariants delta.
   *
   * @throws InvalidInputException if a filter is zero or delta does not have H - 1 values
   */
  public static RescaledTuple rescale(FilterTuple<BigFraction> theta, List<BigFraction> delta) {
    theta.requireRescalable(RationalRing.INSTANCE, delta.size());
    int h = theta.depth();
    List<BigFraction> norms = new ArrayList<>(h);
    List<BigFraction> offsets = new ArrayList<>(h);
    BigFraction c = BigFraction.ZERO;
    BigFraction product = BigFraction.ONE;
    BigFraction lowerBound = BigFraction.ZERO;
    for (int l = 0; l < h; l++) {
      if (l > 0) {
        c = c.add(delta.get(l - 1));
      }
      offsets.add(c);
      BigFraction n = theta.squaredNorm(RationalRing.INSTANCE, l);
      norms.add(n);
      product = product.multiply(n);
      if (c.negate().compareTo(lowerBound) > 0) {
        lowerBound = c.negate();
      }
    }
    // P(x) = prod_l (x + c_l) - C, lowest degree first.
    List<BigFraction> p = new ArrayList<>(List.of(BigFraction.ONE));
    for (BigFraction cl : offsets) {
      List<BigFraction> next = new ArrayList<>();
      for (int i = 0; i <= p.size(); i++) {
        BigFraction v = BigFraction.ZERO;
        if (i < p.size()) {
          v = v.add(p.get(i).multiply(cl));
        }
        if (i > 0) {
          v = v.add(p.get(i - 1));
        }
        next.add(v);
      }
      p = next;
    }
    p.set(0, p.get(0).subtract(product));
    BigFraction upper = lowerBound.add(product.compareTo(BigFraction.ONE) > 0 ? product : BigFraction.ONE);
    RealAlgebraicNumber beta1 = RealAlgebraicNumber.root(p, lowerBound, upper);
    return new RescaledTuple(
        theta, List.copyOf(delta), norms, offsets, product, p, lowerBound, beta1, NumberField.of(beta1));
  }
}
