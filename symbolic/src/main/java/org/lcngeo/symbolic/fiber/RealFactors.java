package org.lcngeo.symbolic.fiber;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.algebraic.RealQuadraticFactors;

/**
 * The factorisation over R of Q-factors of pi_1(v) (real roots, and quadratics z^2 - s z + p for
 * the pairs of non-real roots), each computed once per enumeration: the listing over one field
 * ({@link RealDivisorChain}) and, when that field is too large, the listing with each point over
 * its own field ({@link PerPointFields}) share them.
 */
final class RealFactors {
  /** The real roots in increasing order and the quadratics, as {@link RealQuadraticFactors} lists them. */
  record Split(List<RealAlgebraicNumber> roots, List<RealQuadraticFactors.Quadratic> pairs) {}

  private final Map<List<BigFraction>, Split> cache = new HashMap<>();

  /** The split of f (rational coefficients, lowest degree first). */
  Split of(List<BigFraction> f) {
    return cache.computeIfAbsent(List.copyOf(f),
        g -> new Split(RealAlgebraicNumber.realRoots(g), RealQuadraticFactors.of(g)));
  }
}
