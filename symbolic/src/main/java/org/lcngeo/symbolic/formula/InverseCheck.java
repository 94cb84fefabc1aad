package org.lcngeo.symbolic.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * What {@link DeterminantInverse#of} and {@link FactorInverse#of} share: the random integer point
 * theta_0 they try, and the exact check theta(mu(theta_0)) = theta_0 normalized.
 */
final class InverseCheck {
  private InverseCheck() {}

  /** theta_0 with every entry a random non-zero integer in (-1000, 1000). */
  static FilterTuple<BigFraction> randomPoint(Architecture a, SplittableRandom random) {
    List<BigFraction> flat = new ArrayList<>();
    for (int i = 0; i < a.parameterCount(); i++) {
      int x = random.nextInt(1, 1000);
      flat.add(new BigFraction(random.nextBoolean() ? x : -x));
    }
    return FilterTuple.fromFlat(a, flat);
  }

  /**
   * Checks that the inverse map gave back theta_0 normalized.
   *
   * @param form the form's name in the message ("determinant", "factoring")
   * @param back theta(mu(theta_0)) as the form computed it
   * @param normalized theta_0 normalized as the form returns it
   * @throws IllegalStateException when {@code back} is not {@code normalized}
   */
  static void requireRoundTrip(String form, Architecture a, FilterTuple<BigFraction> theta0,
      FilterTuple<BigFraction> back, FilterTuple<BigFraction> normalized) {
    if (!back.equals(normalized)) {
      throw new IllegalStateException("the " + form + " form of the inverse map of " + a.summary()
          + " fails theta(mu(theta_0)) = theta_0 at " + theta0);
    }
  }
}
