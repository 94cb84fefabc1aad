package org.lcngeo.symbolic.fiber;

import java.util.List;

/**
 * A layer's polynomial in factored form: factors with their exponents (none: the constant 1).
 * Written by {@link FactorSyntax}.
 */
public record LayerFactorization(List<Power> powers) {
  public LayerFactorization {
    powers = List.copyOf(powers);
  }

  /** factor^exponent, exponent >= 1. */
  public record Power(LayerFactor factor, long exponent) {}
}
