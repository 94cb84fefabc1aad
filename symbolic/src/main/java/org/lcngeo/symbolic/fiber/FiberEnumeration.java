package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.distribution.Distribution;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.poly.LayerPolynomials;
import org.lcngeo.symbolic.poly.RationalFactorization;
import org.lcngeo.symbolic.poly.RealIrreducibility;
import org.lcngeo.symbolic.poly.RootOrbits;
import org.lcngeo.symbolic.poly.StructuredFactorization;

/**
 * The projective fiber mu_P^{-1}([v]) of an end-to-end filter: every filter tuple, up to the
 * scaling of each layer, whose layer polynomials multiply to pi_1(v) (eq. 8, Lemma 9). Layer l must
 * receive a polynomial in (x_m^{t_l^(m)}, y_m^{t_l^(m)}) of multidegree k_l - 1 in those variables;
 * since R[x, y] is a unique factorisation domain, it is a product of irreducible factors of pi_1(v),
 * so the fiber is the set of ways to hand out those factors (Sec. 2.3, Cor. 10, Obs. 11).
 *
 * <p><b>D = 1, complete over R.</b> The dilations t_1 | t_2 | ... | t_H form a chain, so the
 * layers are processed in groups of equal dilation T, largest first ({@link RealDivisorChain}).
 * The group's product must lie in R[z^T]; its candidates are the divisors of the largest divisor
 * of the remaining polynomial in R[z^T], read off the orbits of roots under the T-th roots of
 * unity ({@link RootOrbits}). When the group is a single layer and that divisor has exactly its
 * degree, the choice is forced and needs no splitting over R, whatever the factors are (Thm. 4's
 * generic case: W2's degree-8 factors); otherwise the Q-factors are handed out whole where they
 * are irreducible over R ({@link RealIrreducibility}), and those that split over R and must be
 * shared out are split into real linear factors and real irreducible quadratics with coefficients
 * in one real number field K (the listing restarts with them split). Points with irrational
 * entries are {@link #algebraicPoints()}, each checked exactly (mu over K equals v). When K would
 * exceed the bounds of {@link RealDivisorChain}, a stride-1 fiber is listed with each point over
 * its own field ({@link PerPointFields}); only beyond those bounds too are the rational points kept
 * and the result marked incomplete ({@link #complete()} false, {@link #reason()}). Cost: one Q-factorisation of
 * pi_1(v); per group, one minimal polynomial per Q-factor (linear algebra of size deg f); the
 * enumeration of {@link Distribution}, polynomial when the fiber is (strides > 1: one choice per
 * group) and exponential in the number of factors only where the fiber itself is (stride 1, many
 * real roots); for split factors, the construction of K and arithmetic in K (degree at most 16).
 *
 * <p><b>D >= 2.</b> The Q-factors of the dehomogenised polynomial (z_m = y_m / x_m) and the x_m
 * at infinity are handed out to all layers at once, layers with the largest dilations first, each
 * layer checked against its sparsity pattern as soon as it is full; layers with the same space
 * (Obs. 11) receive every permutation. A Q-factor without a certificate of real irreducibility is
 * split over R ({@link RealSplitting}: real linear and quadratic factors in one variable, or the
 * real absolutely irreducible components), all in one real number field, and the real factors are
 * handed out instead; only beyond its bounds are the points listed over Q with the reason naming
 * the factor. A complete enumeration that finds no point gives the certificate that v lies outside
 * the neuromanifold ({@link #outside()}).
 *
 * <p>Each rational point is given by its rational representative: layers 1..H-1 primitive integer
 * vectors with first non-zero entry positive, the last layer absorbing the scalar so that mu is
 * exactly v (checked with the compiled plan of mu); an irrational one by its representative over
 * K with first non-zero entry 1 in layers 1..H-1.
 */
public final class FiberEnumeration {
  /** At most this many points are listed; beyond it the result is marked incomplete. */
  public static final int MAX_POINTS = 10_000;

  /** One point: its rational representative and each layer's polynomial in factored form. */
  public record RationalPoint(
      FilterTuple<BigFraction> filters, List<LayerFactorization> layerFactorizations) {}

  /**
   * A point some of whose layer polynomials have irrational real coefficients: its representative
   * with entries in the real number field {@code field} (layers 1..H-1 with first non-zero entry
   * 1, the last one absorbing the scalar so that mu is exactly v) and each layer's polynomial in
   * factored form over R.
   */
  public record AlgebraicPoint(
      FilterTuple<FieldElement> filters, NumberField field,
      List<LayerFactorization> layerFactorizations) {}

  private final Architecture architecture;
  private final List<BigFraction> target;
  private final GenPolynomialRing<BigRational> ring;
  private final RationalFactorization factorization;
  private final List<FiberFactor> factors = new ArrayList<>();
  private final List<RationalPoint> points = new ArrayList<>();
  private final List<AlgebraicPoint> algebraicPoints = new ArrayList<>();
  private final MuPlan plan;
  private String reason;
  private String outside;
  private String existence;
  /** D >= 2: what {@link RealSplitting} found for each Q-factor without a certificate. */
  private final java.util.Map<String, String> overR = new java.util.HashMap<>();

  private FiberEnumeration(Architecture a, List<BigFraction> v) {
    this.architecture = a;
    this.target = List.copyOf(v);
    this.plan = MuPlan.compile(a);
    if (v.size() != a.endToEndEntries()) {
      throw new InvalidInputException(
          "the target has " + v.size() + " entries, the end-to-end filter of this architecture "
              + a.endToEndEntries());
    }
    if (v.stream().allMatch(x -> x.getNumerator().signum() == 0)) {
      throw new InvalidInputException(
          "the target is zero: its fiber is every tuple with a zero filter, not a finite set of"
              + " points");
    }
    this.ring = LayerPolynomials.ring(a.dims());
    GenPolynomial<BigRational> p = LayerPolynomials.endToEnd(ring, a, v);
    long[] dilations = new long[a.depth()];
    for (int l = 0; l < a.depth(); l++) {
      dilations[l] = a.dilation(l)[0];
    }
    this.factorization = a.dims() == 1
        ? StructuredFactorization.of(p, dilations)
        : RationalFactorization.of(p);
    int[] k = a.endToEndSize();
    for (RationalFactorization.Factor f : factorization.factors()) {
      factors.add(new FiberFactor(f.polynomial(), -1, f.multiplicity(),
          RealIrreducibility.certificate(f.polynomial())));
    }
    for (int m = 0; m < a.dims(); m++) {
      long deficit = k[m] - 1 - LayerPolynomials.degree(p, m);
      if (deficit > 0) {
        factors.add(FiberFactor.atInfinity(m, deficit));
      }
    }
    try {
      if (a.dims() == 1) {
        oneDimensional();
      } else {
        multiDimensional();
      }
    } catch (TooManyPoints e) {
      incomplete("the listing stopped after " + MAX_POINTS + " points");
    }
    if (points.isEmpty() && algebraicPoints.isEmpty()) {
      if (reason != null && PerPointFields.applies(a)) {
        decideByRealRoots();
      }
      if (reason == null) {
        outside = outsideCertificate();
      }
    }
  }

  /**
   * D = 1 with all strides 1, when the listing is incomplete and found no point: whether v is in
   * the image over R follows from counting alone. The real irreducible factors of pi_1(v) are its
   * r real roots (with multiplicity, those at infinity included) and its pairs of non-real roots;
   * a layer of odd degree needs a real root, and once each of the o odd layers has one, the degrees
   * left are even and so is r - o (both r and o have the parity of deg pi_1(v)), so the remaining
   * real roots pair up into real quadratics like the non-real pairs and fill the layers in any
   * order. So a point exists if and only if r >= o: the empty listing is complete when r < o
   * (the certificate of {@link #outsideCertificate}), and {@link #existence()} says so when r >= o.
   */
  private void decideByRealRoots() {
    long real = realRootCount(factors);
    int odd = oddDegreeLayers(architecture);
    if (real < odd) {
      reason = null;
    } else {
      existence = "points exist though none is listed: pi_1(v) has " + real + " real root"
          + (real == 1 ? "" : "s") + " (with multiplicity) for " + odd + " layer"
          + (odd == 1 ? "" : "s") + " of odd degree, which need one each; with stride 1 the other"
          + " real roots pair up into real quadratics, like the non-real roots, and fill the even"
          + " degrees left";
    }
  }

  /** r: the real roots of the product of the factors, with multiplicity, those at infinity too. */
  static long realRootCount(List<FiberFactor> factors) {
    long real = 0;
    for (FiberFactor f : factors) {
      real += f.multiplicity() * (f.isAtInfinity() ? 1 : realRoots(f));
    }
    return real;
  }

  /** o: the layers of odd degree of a 1-D architecture with strides 1. */
  static int oddDegreeLayers(Architecture a) {
    int odd = 0;
    for (int l = 0; l < a.depth(); l++) {
      odd += (a.size(l)[0] - 1) % 2;
    }
    return odd;
  }

  /** The number of real roots of a (finite, Q-irreducible, so squarefree) factor, exactly. */
  private static long realRoots(FiberFactor f) {
    return org.lcngeo.symbolic.algebraic.RealAlgebraicNumber.realRoots(
        RealDivisorChain.coefficients(f.polynomial())).size();
  }

  /**
   * Why v is not in the image of mu over R, for a complete enumeration that found no point: the
   * real factors of pi_1(v) (real roots and pairs of non-real roots of each Q-factor, counted
   * exactly) and the layers they cannot fill. For stride-1 layers (D = 1) the count is the whole
   * proof: real irreducible factors are linear (a real root) or quadratic (a pair of non-real
   * roots), and layers of degrees d_l hold at most sum floor(d_l / 2) quadratics.
   */
  private String outsideCertificate() {
    Architecture a = architecture;
    StringBuilder b = new StringBuilder("outside the neuromanifold: no distribution of the real"
        + " factors of pi_1(v) over the layers exists (enumerated exhaustively over R)");
    if (a.dims() != 1) {
      List<String> parts = new ArrayList<>();
      for (FiberFactor f : factors) {
        parts.add(f.toString() + (f.isAtInfinity() ? "" : " of degrees "
            + java.util.Arrays.toString(degrees(f.polynomial())) + ", "
            + f.realCertificate().map(c -> "irreducible over R: " + c)
                .orElse(overR.getOrDefault(f.display(), "not split"))));
      }
      List<String> layers = new ArrayList<>();
      for (int l = 0; l < a.depth(); l++) {
        long[] need = new long[a.dims()];
        for (int m = 0; m < a.dims(); m++) {
          need[m] = (long) (a.size(l)[m] - 1) * a.dilation(l)[m];
        }
        layers.add(java.util.Arrays.toString(need));
      }
      return b.append(": factors ").append(String.join(", ", parts))
          .append("; the layers need degrees ").append(String.join(", ", layers)).toString();
    }
    long pairs = 0;
    List<String> nonReal = new ArrayList<>();
    for (FiberFactor f : factors) {
      if (f.isAtInfinity()) {
        continue;
      }
      long degree = f.polynomial().degree(0);
      long real = realRoots(f);
      long p = (degree - real) / 2 * f.multiplicity();
      if (p > 0) {
        pairs += p;
        nonReal.add(f.display() + " (" + real + " real root" + (real == 1 ? "" : "s") + ", "
            + (degree - real) / 2 + " pair" + ((degree - real) / 2 == 1 ? "" : "s")
            + " of non-real roots" + (f.multiplicity() > 1 ? ", multiplicity "
            + f.multiplicity() : "") + ")");
      }
    }
    long room = 0;
    boolean strideOne = true;
    List<String> degrees = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      int d = a.size(l)[0] - 1;
      room += d / 2;
      strideOne &= a.dilation(l)[0] == 1;
      degrees.add(String.valueOf(d * a.dilation(l)[0]));
    }
    b.append(": the layers have degrees ").append(String.join(", ", degrees));
    if (!nonReal.isEmpty()) {
      b.append("; the factors with non-real roots: ").append(String.join(", ", nonReal));
    }
    if (strideOne && pairs > room) {
      b.append("; each pair of non-real roots needs a real quadratic factor in one layer, and the"
          + " layers hold at most ").append(room).append(" (").append(pairs).append(" needed)");
    }
    return b.toString();
  }

  private long[] degrees(GenPolynomial<BigRational> f) {
    long[] d = new long[architecture.dims()];
    for (int m = 0; m < d.length; m++) {
      d[m] = LayerPolynomials.degree(f, m);
    }
    return d;
  }

  /**
   * Enumerates the projective fiber of v.
   *
   * @throws InvalidInputException for a target of the wrong size, the zero target, or a
   *     polynomial beyond the factoring bounds of {@link RationalFactorization}
   */
  public static FiberEnumeration of(Architecture a, List<BigFraction> v) {
    return new FiberEnumeration(a, v);
  }

  public Architecture architecture() {
    return architecture;
  }

  public List<BigFraction> target() {
    return target;
  }

  /** The factorisation of the dehomogenised pi_1(v) over Q (verified). */
  public RationalFactorization factorization() {
    return factorization;
  }

  /** The Q-irreducible factors of pi_1(v), those at infinity last. */
  public List<FiberFactor> factors() {
    return List.copyOf(factors);
  }

  /** The points whose representatives are rational. */
  public List<RationalPoint> points() {
    return List.copyOf(points);
  }

  /** The points with irrational entries (D = 1, Q-factors split over R among the layers). */
  public List<AlgebraicPoint> algebraicPoints() {
    return List.copyOf(algebraicPoints);
  }

  /** Whether {@link #points()} is the whole real fiber. */
  public boolean complete() {
    return reason == null;
  }

  /** Why the fiber may be incomplete. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /**
   * For a complete enumeration that found no point: the certificate that v lies outside the
   * neuromanifold (the real factors of pi_1(v) and the layers they cannot fill).
   */
  public Optional<String> outside() {
    return Optional.ofNullable(outside);
  }

  /**
   * For an incomplete enumeration that listed no point but proved that one exists (D = 1, strides
   * 1: by counting real roots), the proof.
   */
  public Optional<String> existence() {
    return Optional.ofNullable(existence);
  }

  private void incomplete(String why) {
    if (reason == null) {
      reason = why;
    } else if (!reason.contains(why)) {
      reason = reason + "; " + why;
    }
  }

  private static final class TooManyPoints extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyPoints() {
      super(null, null, false, false);
    }
  }

  // ---------------------------------------------------------------- emitting points

  /** Normalises the layer polynomials (z-level) into the rational representative and records it. */
  private void emit(List<GenPolynomial<BigRational>> layers, List<LayerFactorization> display) {
    if (points.size() + algebraicPoints.size() >= MAX_POINTS) {
      throw new TooManyPoints();
    }
    int h = architecture.depth();
    List<List<BigFraction>> filters = new ArrayList<>();
    for (int l = 0; l < h; l++) {
      List<BigFraction> w = LayerPolynomials.filter(architecture, l, layers.get(l));
      filters.add(l < h - 1 ? primitive(w) : w);
    }
    FilterTuple<BigFraction> theta = FilterTuple.of(architecture, filters);
    List<BigFraction> mu = plan.mu(RationalRing.INSTANCE, theta);
    BigFraction scale = null;
    for (int i = 0; i < mu.size(); i++) {
      if (mu.get(i).getNumerator().signum() != 0) {
        scale = target.get(i).divide(mu.get(i));
        break;
      }
    }
    BigFraction s = scale;
    filters.set(h - 1, filters.get(h - 1).stream().map(x -> x.multiply(s)).toList());
    theta = FilterTuple.of(architecture, filters);
    if (!plan.mu(RationalRing.INSTANCE, theta).equals(target)) {
      throw new IllegalStateException("fiber point " + theta + " does not map to the target");
    }
    points.add(new RationalPoint(theta, List.copyOf(display)));
  }

  /**
   * Records a point given by its layer polynomials in z with coefficients in the real number field
   * k: as a rational point when every layer is rational up to scale, else with entries in k
   * (layers 1..H-1 with first non-zero entry 1, the last scaled so that mu is v, checked exactly
   * with the compiled plan of mu over k).
   */
  private void emit(NumberField k, List<List<FieldElement>> layers,
      List<LayerFactorization> display) {
    int h = architecture.depth();
    List<List<FieldElement>> filters = new ArrayList<>();
    for (int l = 0; l < h; l++) {
      List<FieldElement> z = layers.get(l);
      int t = architecture.dilation(l)[0];
      int size = architecture.size(l)[0];
      List<FieldElement> w = new ArrayList<>();
      for (int i = 0; i < z.size(); i++) {
        boolean entry = i % t == 0 && i / t < size;
        if (!entry && !z.get(i).isZero()) {
          throw new IllegalStateException("layer polynomial of the wrong shape for layer " + (l + 1));
        }
        if (entry) {
          w.add(z.get(i));
        }
      }
      while (w.size() < size) {
        w.add(k.zero());
      }
      filters.add(w);
    }
    emitFilters(k, filters, display);
  }

  /**
   * Records a point given by its layer filters (row-major) with entries in the real number field
   * k, each up to scale: as a rational point when every layer is rational up to scale, else with
   * entries in k (layers 1..H-1 with first non-zero entry 1, the last scaled so that mu is v,
   * checked exactly with the compiled plan of mu over k).
   */
  private void emitFilters(NumberField k, List<List<FieldElement>> layerFilters,
      List<LayerFactorization> display) {
    if (points.size() + algebraicPoints.size() >= MAX_POINTS) {
      throw new TooManyPoints();
    }
    int h = architecture.depth();
    List<List<FieldElement>> filters = new ArrayList<>();
    boolean rational = true;
    for (int l = 0; l < h; l++) {
      List<FieldElement> w = layerFilters.get(l);
      FieldElement first = w.stream().filter(x -> !x.isZero()).findFirst().orElseThrow();
      FieldElement inv = first.inverse();
      w = w.stream().map(x -> x.multiply(inv)).toList();
      rational &= w.stream().allMatch(FieldElement::isRational);
      filters.add(w);
    }
    if (rational) {
      List<GenPolynomial<BigRational>> q = new ArrayList<>();
      for (int l = 0; l < h; l++) {
        q.add(LayerPolynomials.layer(ring, architecture, l,
            filters.get(l).stream().map(FieldElement::toRational).toList()));
      }
      emit(q, display);
      return;
    }
    FilterTuple<FieldElement> theta = FilterTuple.of(architecture, filters);
    List<FieldElement> mu = plan.mu(k, theta);
    FieldElement scale = null;
    for (int i = 0; i < mu.size() && scale == null; i++) {
      if (!mu.get(i).isZero()) {
        scale = k.element(target.get(i)).divide(mu.get(i));
      }
    }
    FieldElement s = scale;
    filters.set(h - 1, filters.get(h - 1).stream().map(x -> x.multiply(s)).toList());
    theta = FilterTuple.of(architecture, filters);
    if (!plan.mu(k, theta).equals(target.stream().map(k::element).toList())) {
      throw new IllegalStateException("fiber point " + theta + " does not map to the target");
    }
    algebraicPoints.add(new AlgebraicPoint(theta, k, List.copyOf(display)));
  }

  /** The primitive integer vector with first non-zero entry positive on the same line. */
  static List<BigFraction> primitive(List<BigFraction> w) {
    BigInteger lcm = BigInteger.ONE;
    for (BigFraction x : w) {
      BigInteger d = x.getDenominator();
      lcm = lcm.divide(lcm.gcd(d)).multiply(d);
    }
    BigInteger gcd = BigInteger.ZERO;
    int sign = 0;
    for (BigFraction x : w) {
      BigInteger n = x.getNumerator().multiply(lcm.divide(x.getDenominator()));
      gcd = gcd.gcd(n);
      if (sign == 0) {
        sign = n.signum();
      }
    }
    BigFraction f = new BigFraction(lcm.multiply(BigInteger.valueOf(sign)), gcd);
    return w.stream().map(x -> x.multiply(f)).toList();
  }

  // ---------------------------------------------------------------- D = 1

  /**
   * D = 1 ({@link RealDivisorChain}): the listing starts over Q (no factor split); whenever a
   * Q-factor that splits over R has to be shared out, those factors are split and the listing
   * starts again. If the number field needed exceeds the bounds, a stride-1 fiber is listed with
   * each point over its own field ({@link PerPointFields}); otherwise, or beyond its bounds, the
   * listing over Q is given with the reason why it is incomplete.
   */
  private void oneDimensional() {
    java.util.Set<Integer> split = new java.util.HashSet<>();
    RealFactors real = new RealFactors();
    org.lcngeo.core.Deadline.checkCurrent();
    while (true) {
      points.clear();
      algebraicPoints.clear();
      RealDivisorChain chain;
      try {
        chain = new RealDivisorChain(architecture, factors, split, real);
      } catch (FieldExtensions.DegreeBoundExceeded e) {
        points.clear();
        algebraicPoints.clear();
        String bound = e.getMessage();
        if (PerPointFields.applies(architecture)) {
          try {
            new PerPointFields(architecture, factors, real)
                .run((k, layers, display) -> emit(k, layers, display));
            return;
          } catch (FieldExtensions.DegreeBoundExceeded perPoint) {
            points.clear();
            algebraicPoints.clear();
            if (!perPoint.getMessage().equals(bound)) {
              bound += "; with each point over its own field: " + perPoint.getMessage();
            }
          }
        }
        String notSplit = bound;
        RealDivisorChain overQ = new RealDivisorChain(architecture, factors, java.util.Set.of(),
            real);
        NumberField q = overQ.field();
        overQ.run((layers, display) -> emit(q, layers, display), false)
            .ifPresent(why -> incomplete(why + " (not split: " + notSplit + ")"));
        return;
      }
      NumberField k = chain.field();
      try {
        chain.run((layers, display) -> emit(k, layers, display), true);
        return;
      } catch (RealDivisorChain.NeedsSplit n) {
        split.addAll(n.factors);
      }
    }
  }

  // ---------------------------------------------------------------- D >= 2

  private void multiDimensional() {
    boolean uncertified = factors.stream()
        .anyMatch(f -> !f.isAtInfinity() && f.realCertificate().isEmpty());
    if (uncertified) {
      List<FiberFactor> finite = factors.stream().filter(f -> !f.isAtInfinity()).toList();
      RealSplitting split;
      try {
        split = new RealSplitting(finite, architecture);
      } catch (FieldExtensions.DegreeBoundExceeded e) {
        multiDimensionalOverQ(" (not split: " + e.getMessage() + ")");
        return;
      }
      multiDimensionalOverR(split);
      return;
    }
    multiDimensionalOverQ("");
  }

  /**
   * D >= 2 over the real number field K of {@link RealSplitting}: the real factors of every
   * Q-factor (whole where irreducible over R) and the factors at infinity handed out to the layers
   * as in {@link #multiDimensionalOverQ}, each layer's product over K checked against its sparsity
   * pattern.
   */
  private void multiDimensionalOverR(RealSplitting split) {
    Architecture a = architecture;
    int d = a.dims();
    int h = a.depth();
    NumberField k = split.field();
    for (String why : split.unresolved()) {
      incomplete(why);
    }
    overR.putAll(split.certificates());
    List<SparsePolynomial> polys = new ArrayList<>();
    List<LayerFactor> names = new ArrayList<>();
    List<Long> multiplicity = new ArrayList<>();
    List<Integer> infinity = new ArrayList<>();
    List<FiberFactor> finite = factors.stream().filter(f -> !f.isAtInfinity()).toList();
    for (RealSplitting.Atom atom : split.atoms()) {
      polys.add(atom.polynomial());
      names.add(atom.factor() != null ? atom.factor() : finite.get(atom.source()).toLayerFactor());
      multiplicity.add(atom.multiplicity());
      infinity.add(-1);
    }
    for (FiberFactor f : factors) {
      if (f.isAtInfinity()) {
        polys.add(null);
        names.add(f.toLayerFactor());
        multiplicity.add(f.multiplicity());
        infinity.add(f.infinityVariable());
      }
    }
    int n = polys.size();
    long[][] degree = new long[n][d];
    long[] available = new long[n];
    for (int i = 0; i < n; i++) {
      for (int m = 0; m < d; m++) {
        degree[i][m] = polys.get(i) == null ? (infinity.get(i) == m ? 1 : 0)
            : polys.get(i).degree(m);
      }
      available[i] = multiplicity.get(i);
    }
    Integer[] order = layerOrder();
    long[][] need = need(order);
    java.util.function.Function<int[], SparsePolynomial> product = counts -> {
      SparsePolynomial q = SparsePolynomial.one(k, d);
      for (int j = 0; j < counts.length; j++) {
        for (int c = 0; c < counts[j] && polys.get(j) != null; c++) {
          q = q.multiply(polys.get(j));
        }
      }
      return q;
    };
    Distribution.ofIndices(degree, available).forEachAssignment(need,
        (i, counts) -> product.apply(counts).fits(a.size(order[i]), a.dilation(order[i])),
        counts -> {
          org.lcngeo.core.Deadline.checkCurrent();
          List<List<FieldElement>> filters = new ArrayList<>();
          List<LayerFactorization> display = new ArrayList<>();
          for (int l = 0; l < h; l++) {
            filters.add(null);
            display.add(null);
          }
          for (int i = 0; i < h; i++) {
            int l = order[i];
            filters.set(l, product.apply(counts[i]).filter(a.size(l), a.dilation(l)));
            List<LayerFactorization.Power> parts = new ArrayList<>();
            for (int j = 0; j < n; j++) {
              if (counts[i][j] > 0) {
                parts.add(new LayerFactorization.Power(names.get(j), counts[i][j]));
              }
            }
            display.set(l, new LayerFactorization(parts));
          }
          emitFilters(k, filters, display);
        });
  }

  private Integer[] layerOrder() {
    int h = architecture.depth();
    Integer[] order = new Integer[h];
    for (int l = 0; l < h; l++) {
      order[l] = l;
    }
    java.util.Arrays.sort(order, (x, y) -> Long.compare(weight(y), weight(x)));
    return order;
  }

  private long[][] need(Integer[] order) {
    Architecture a = architecture;
    long[][] need = new long[order.length][a.dims()];
    for (int i = 0; i < order.length; i++) {
      int l = order[i];
      for (int m = 0; m < a.dims(); m++) {
        need[i][m] = (long) (a.size(l)[m] - 1) * a.dilation(l)[m];
      }
    }
    return need;
  }

  /**
   * D >= 2 over Q: the Q-factors whole; complete when each has a certificate of irreducibility over
   * R, else the reason (with {@code note}) names the factors that may split.
   */
  private void multiDimensionalOverQ(String note) {
    Architecture a = architecture;
    int d = a.dims();
    int h = a.depth();
    List<FiberFactor> atoms = factors;
    int n = atoms.size();
    long[][] degree = new long[n][d];
    long[] available = new long[n];
    for (int i = 0; i < n; i++) {
      FiberFactor f = atoms.get(i);
      for (int m = 0; m < d; m++) {
        degree[i][m] = f.isAtInfinity() ? (f.infinityVariable() == m ? 1 : 0)
            : LayerPolynomials.degree(f.polynomial(), m);
      }
      available[i] = f.multiplicity();
      if (!f.isAtInfinity() && f.realCertificate().isEmpty()) {
        incomplete("the factor " + f.display() + " has no certificate of irreducibility over R,"
            + " and layers receiving only some of its real factors are not listed" + note);
      }
    }
    // layers with the largest dilations (the most constrained) first
    Integer[] order = layerOrder();
    long[][] need = need(order);
    Distribution.ofIndices(degree, available).forEachAssignment(need,
        (i, counts) -> LayerPolynomials.fits(a.size(order[i]), a.dilation(order[i]),
            productOf(atoms, counts)),
        counts -> {
          List<GenPolynomial<BigRational>> layers = new ArrayList<>();
          List<LayerFactorization> display = new ArrayList<>();
          for (int l = 0; l < h; l++) {
            layers.add(null);
            display.add(null);
          }
          for (int i = 0; i < h; i++) {
            int l = order[i];
            layers.set(l, productOf(atoms, counts[i]));
            List<LayerFactorization.Power> parts = new ArrayList<>();
            for (int j = 0; j < n; j++) {
              if (counts[i][j] > 0) {
                parts.add(new LayerFactorization.Power(atoms.get(j).toLayerFactor(), counts[i][j]));
              }
            }
            display.set(l, new LayerFactorization(parts));
          }
          emit(layers, display);
        });
  }

  private long weight(int l) {
    long w = 0;
    for (int m = 0; m < architecture.dims(); m++) {
      if (architecture.size(l)[m] > 1) {
        w += architecture.dilation(l)[m];
      }
    }
    return w;
  }

  private GenPolynomial<BigRational> productOf(List<FiberFactor> atoms, int[] counts) {
    GenPolynomial<BigRational> q = ring.getONE();
    for (int j = 0; j < counts.length; j++) {
      if (counts[j] > 0 && !atoms.get(j).isAtInfinity()) {
        q = q.multiply(atoms.get(j).polynomial().power(counts[j]));
      }
    }
    return q;
  }
}
