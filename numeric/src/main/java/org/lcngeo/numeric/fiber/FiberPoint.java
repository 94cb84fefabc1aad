package org.lcngeo.numeric.fiber;

import org.lcngeo.core.model.FilterTuple;

/**
 * One point of a numerically recovered fiber mu^{-1}(v) at invariants delta (Prop. 2, Thm. 4,
 * Thm. 13): a filter tuple in canonical signs with how well it solves the equations.
 *
 * @param theta the filter tuple, first non-zero entry of layers 1..H-1 positive
 * @param residual ||mu(theta) - v||_2
 * @param invariantResidual max_l |delta_l(theta) - delta_l| (eq. 1)
 */
public record FiberPoint(FilterTuple<Double> theta, double residual, double invariantResidual) {}
