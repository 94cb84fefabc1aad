package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.poly.LayerPolynomials;
import org.lcngeo.symbolic.poly.RationalFactorization;

/**
 * The inverse map v -> theta(v) of a 2-D network with all strides 1 whose layers have pairwise
 * distinct sizes, by factoring: by Lemma 9 (eq. 8) the end-to-end polynomial v(x, y) = sum_m v_m
 * x^i y^j (m = (i, j) row-major) is the product of the layer polynomials a_l(x, y), of bidegree
 * (k_l - 1) each. Where every a_l is irreducible over Q, unique factorization in Q[x, y] makes
 * a_l, up to a constant, the one irreducible factor of v of bidegree k_l - 1 (the bidegrees are
 * distinct). Normalized as {@link DeterminantInverse} is ({@link #normalized}): the layers 1..H-1
 * have a_l(0, 0) = 1 (entry 0 is 1), and the last layer absorbs the scale, a_H(0, 0) = v_0.
 *
 * <p>This is a map on rational points, not a rational function: its rational inverse exists
 * (mu is generically one-to-one up to scaling) but has no printable size. Its domain: the v whose
 * factorization over Q has exactly one factor of each layer's bidegree and no other non-constant
 * factor, with non-zero constant terms. {@link #of} checks exactly, at a random integer theta_0,
 * that the layer polynomials are irreducible over Q there (factors multiplied back), so that they
 * are irreducible over Q(theta) as polynomials with generic coefficients; by Hilbert's
 * irreducibility theorem they stay irreducible at a dense set of rational theta, where {@link
 * #apply} returns theta normalized; it also checks theta(mu(theta_0)) = theta_0 normalized.
 */
public final class FactorInverse {
  /** Random points tried for one where every layer polynomial is irreducible (a generic one: the first). */
  private static final int MAX_POINTS = 8;

  private final Architecture a;

  private FactorInverse(Architecture a) {
    this.a = a;
  }

  /**
   * Whether the architecture is one this form covers: D = 2, every stride and dilation 1, H >= 2,
   * every layer with at least two entries, and the layer sizes pairwise distinct.
   */
  public static boolean applies(Architecture a) {
    if (a.dims() != 2 || a.depth() < 2) {
      return false;
    }
    Set<List<Integer>> sizes = new HashSet<>();
    for (int l = 0; l < a.depth(); l++) {
      if (Arrays.stream(a.stride(l)).anyMatch(s -> s != 1) || Arrays.stream(a.dilation(l)).anyMatch(t -> t != 1)
          || a.layerParameters(l) < 2 || !sizes.add(List.of(a.size(l)[0], a.size(l)[1]))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The factoring form of the inverse map, checked exactly at a random point (see the class
   * comment); empty when the architecture is not one it covers.
   *
   * @throws IllegalStateException when no random point of {@value #MAX_POINTS} has irreducible
   *     layer polynomials, or the check theta(mu(theta_0)) = theta_0 normalized fails
   */
  public static Optional<FactorInverse> of(Architecture a) {
    if (!applies(a)) {
      return Optional.empty();
    }
    FactorInverse inverse = new FactorInverse(a);
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(2);
    SplittableRandom random = new SplittableRandom(20_132);
    for (int tries = 0; tries < MAX_POINTS; tries++) {
      Deadline.checkCurrent();
      FilterTuple<BigFraction> theta0 = InverseCheck.randomPoint(a, random);
      boolean irreducible = true;
      for (int l = 0; l < a.depth() && irreducible; l++) {
        RationalFactorization f =
            RationalFactorization.of(LayerPolynomials.layer(ring, a, l, theta0.layer(l)));
        if (!f.product().equals(f.input())) {
          throw new IllegalStateException("the factorization of layer " + (l + 1) + " does not multiply back");
        }
        irreducible = f.factors().size() == 1 && f.factors().get(0).multiplicity() == 1;
      }
      if (!irreducible) {
        continue;
      }
      FilterTuple<BigFraction> back = inverse.apply(MuPlan.compile(a).mu(RationalRing.INSTANCE, theta0));
      InverseCheck.requireRoundTrip("factoring", a, theta0, back, normalized(theta0));
      return Optional.of(inverse);
    }
    throw new IllegalStateException("no point with irreducible layer polynomials found for " + a.summary());
  }

  /**
   * theta with entry 0 of layers 1..H-1 set to 1 and the scale moved to the last layer (the form
   * {@link #apply} returns; {@link DeterminantInverse#normalized} for H = 2).
   */
  public static FilterTuple<BigFraction> normalized(FilterTuple<BigFraction> theta) {
    int h = theta.architecture().depth();
    List<List<BigFraction>> layers = new ArrayList<>();
    BigFraction scale = BigFraction.ONE;
    for (int l = 0; l + 1 < h; l++) {
      BigFraction c = theta.layer(l).get(0);
      scale = scale.multiply(c);
      layers.add(theta.layer(l).stream().map(x -> x.divide(c)).toList());
    }
    BigFraction s = scale;
    layers.add(theta.layer(h - 1).stream().map(x -> x.multiply(s)).toList());
    return FilterTuple.of(theta.architecture(), layers);
  }

  public Architecture architecture() {
    return a;
  }

  /** Layer l's bidegree (k_l - 1 in x, in y): the degrees of the factor that is its polynomial. */
  public int[] bidegree(int l) {
    return new int[] {a.size(l)[0] - 1, a.size(l)[1] - 1};
  }

  /** v(x, y) = sum_m v_m x^i y^j, m = (i, j) row-major in the end-to-end shape. */
  public Expr endToEndPolynomial() {
    int[] shape = a.endToEndSize();
    List<Expr> terms = new ArrayList<>();
    for (int m = 0; m < a.endToEndEntries(); m++) {
      int[] ij = Architecture.unflatten(m, shape);
      terms.add(Exprs.product(Exprs.symbol("v", m),
          Exprs.power(Exprs.symbol("x"), ij[0]), Exprs.power(Exprs.symbol("y"), ij[1])));
    }
    return Exprs.sum(terms);
  }

  /**
   * theta(v) at a rational end-to-end filter, exactly: each layer's filter is the row-major
   * coefficient vector of the factor of its bidegree, divided by its constant term (times v_0 for
   * the last layer).
   *
   * @throws InvalidInputException when v is outside the map's domain (its factorization over Q
   *     does not consist of one irreducible factor of each layer's bidegree, or v_0 = 0)
   */
  public FilterTuple<BigFraction> apply(List<BigFraction> v) {
    if (v.size() != a.endToEndEntries()) {
      throw new InvalidInputException("the end-to-end filter needs " + a.endToEndEntries() + " entries");
    }
    if (v.get(0).signum() == 0) {
      throw new InvalidInputException("the end-to-end filter is outside the domain of the inverse"
          + " map (v0 = 0: a layer polynomial vanishes at (0, 0))");
    }
    GenPolynomialRing<BigRational> ring = LayerPolynomials.ring(2);
    RationalFactorization f = RationalFactorization.of(LayerPolynomials.endToEnd(ring, a, v));
    if (!f.product().equals(f.input())) {
      throw new IllegalStateException("the factorization of v does not multiply back: " + f);
    }
    List<RationalFactorization.Factor> factors = new ArrayList<>(f.factors());
    if (factors.size() != a.depth() || factors.stream().anyMatch(x -> x.multiplicity() != 1)) {
      throw outside(f);
    }
    List<List<BigFraction>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      int[] d = bidegree(l);
      GenPolynomial<BigRational> g = null;
      for (RationalFactorization.Factor x : factors) {
        GenPolynomial<BigRational> p = x.polynomial();
        if (LayerPolynomials.degree(p, 0) == d[0] && LayerPolynomials.degree(p, 1) == d[1]) {
          g = p;
        }
      }
      if (g == null) {
        throw outside(f);
      }
      List<BigFraction> w = LayerPolynomials.filter(a, l, g);
      BigFraction c = w.get(0);
      if (c.signum() == 0) {
        throw outside(f);
      }
      BigFraction scale = l + 1 < a.depth() ? c.reciprocal() : v.get(0).divide(c);
      layers.add(w.stream().map(x -> x.multiply(scale)).toList());
    }
    return FilterTuple.of(a, layers);
  }

  private static InvalidInputException outside(RationalFactorization f) {
    return new InvalidInputException("the end-to-end filter is outside the domain of the inverse"
        + " map: its factorization over Q, " + f + ", does not have one irreducible factor of each"
        + " layer's bidegree");
  }
}
