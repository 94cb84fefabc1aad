package org.lcngeo.symbolic.expr;

import java.util.List;

/**
 * K^(delta)(v) of Thm. 4 as neutral expression trees, the parts a program needs to evaluate it:
 * with w = theta(v) (the inverse map), N_l = ||w_l||^2, c_l the offsets and beta_1 the root of
 * P(x) = prod_l (x + c_l) - prod_l N_l above max_l(-c_l) (Prop. 2),
 *
 * <pre>K^(delta)(v) = sum_l K_l(w) N_l(w) / (beta_1 + c_l).</pre>
 *
 * Written by {@link JavaSource}; the tree says what is computed, never in which syntax.
 *
 * @param endToEnd the symbols v0, v1, ... of the end-to-end filter, in order
 * @param invariants the symbolic invariants used: {@code delta} (delta_1, two layers) or
 *     {@code delta<i>} (delta_i); numeric ones appear as constants in the offsets
 * @param filters per layer, each filter symbol defined by theta(v) (rational functions of v)
 * @param squaredNorms N_l = ||w_l||^2 in the filter symbols
 * @param offsets c_l in the invariants' symbols (c_1 = 0)
 * @param blocks K_l, the NTK's layer blocks, in the filter symbols
 */
public record NtkOfVTree(
    List<Expr.Symbol> endToEnd,
    List<Expr.Symbol> invariants,
    List<List<Definition>> filters,
    List<Expr> squaredNorms,
    List<Expr> offsets,
    List<List<List<Expr>>> blocks) {
  public NtkOfVTree {
    endToEnd = List.copyOf(endToEnd);
    invariants = List.copyOf(invariants);
    filters = filters.stream().map(List::copyOf).toList();
    squaredNorms = List.copyOf(squaredNorms);
    offsets = List.copyOf(offsets);
    blocks = blocks.stream().map(b -> b.stream().map(List::copyOf).toList()).toList();
  }

  /** symbol = value. */
  public record Definition(Expr.Symbol symbol, Expr value) {}

  /** The number of layers H. */
  public int depth() {
    return squaredNorms.size();
  }

  /** The position i - 1 of delta_i among delta_1, ..., delta_{H-1} for an invariant's symbol. */
  public static int position(Expr.Symbol invariant) {
    return invariant.index() < 0 ? 0 : invariant.index() - 1;
  }
}
