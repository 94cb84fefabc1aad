package org.lcngeo.symbolic.fiber;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.distribution.Distribution;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.algebraic.RealFactorField;
import org.lcngeo.symbolic.algebraic.RealQuadraticFactors;
import org.lcngeo.symbolic.expr.Exprs;

/**
 * The 1-D fiber of a stride-1 network (every dilation 1, Sec. 2.3) with each point over its own
 * number field, for targets where the one field holding every real factor of pi_1(v) ({@link
 * RealDivisorChain}) is too large: z^5 - 4z + 2 over k = (3,4) needs degree 60 for all three real
 * roots, while each point's layers live in a field of degree 10.
 *
 * <p>Every Q-factor without a certificate of irreducibility over R is split into its real factors
 * (z - a for each real root, z^2 - s z + p for each pair of non-real roots), and every distribution
 * of the real factors to the layers ({@link Distribution}) is a point. Per point and per split
 * Q-factor f, a layer receives the product of some of f's real factors: a real factor g of f (with
 * multiplicities, the product of the nested sets of factors received at least c times). Each such
 * g but the largest is computed over the field its coefficients generate ({@link RealFactorField},
 * cached across points); the largest is f^e divided by the others, exactly. The point's field is the
 * compositum of those fields ({@link FieldExtensions#adjoin}), usually one field: for two layers
 * the second receives the cofactor. Equality of NTK entries across points then compares numbers of
 * different fields exactly by their minimal polynomials ({@link FieldElement#allValuesEqual}),
 * never in a compositum of all of them.
 *
 * <p>Cost: per distinct real factor, one {@link RealFactorField} (a factorisation over Q of degree
 * C(deg f, deg g)); per point, polynomial products in its own field; the number of points is the
 * number of distributions, as for {@link RealDivisorChain}.
 */
final class PerPointFields {
  /**
   * Bound on the degree of one point's field: 24 holds a real divisor of a sextic of degree 3
   * (C(6,3) = 20 for the Galois group S6); beyond it, composita of several such fields (their
   * NTKs over the rescaling's further extension) cost minutes, and the fiber is reported
   * incomplete instead.
   */
  static final int MAX_POINT_FIELD_DEGREE = 24;

  /** Receives each point: its field and its layer polynomials in z over it, and their factored forms. */
  interface Sink {
    void accept(NumberField k, List<List<FieldElement>> layers, List<LayerFactorization> display);
  }

  /** A real factor handed out: piece of a split Q-factor (source >= 0), a whole Q-factor, z, or x. */
  private record Atom(int source, int piece, int degree, List<BigFraction> polynomial,
      LayerFactor factor) {}

  private final Architecture architecture;
  private final List<Atom> atoms = new ArrayList<>();
  private final long[] available;
  /** The split Q-factors: coefficients, multiplicity, pieces (real roots, then pairs). */
  private final List<List<BigFraction>> split = new ArrayList<>();
  private final List<Long> splitMultiplicity = new ArrayList<>();
  private final List<RealFactorField> splitFields = new ArrayList<>();
  private final List<Integer> splitRoots = new ArrayList<>();
  private final List<Integer> splitPieces = new ArrayList<>();
  private final Map<String, RealFactorField.Factor> cache = new HashMap<>();

  /** Whether every layer has dilation 1 (D = 1). */
  static boolean applies(Architecture a) {
    if (a.dims() != 1) {
      return false;
    }
    for (int l = 0; l < a.depth(); l++) {
      if (a.dilation(l)[0] != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * @throws FieldExtensions.DegreeBoundExceeded when a Q-factor that may split over R has degree
   *     above {@link RealDivisorChain#MAX_SPLIT_DEGREE}
   */
  PerPointFields(Architecture a, List<FiberFactor> qFactors, RealFactors real) {
    this.architecture = a;
    List<Long> avail = new ArrayList<>();
    for (FiberFactor f : qFactors) {
      Deadline.checkCurrent();
      if (f.isAtInfinity()) {
        atoms.add(new Atom(-1, -1, 1, null, f.toLayerFactor()));
        avail.add(f.multiplicity());
        continue;
      }
      GenPolynomial<BigRational> p = f.polynomial();
      List<BigFraction> c = RealDivisorChain.coefficients(p);
      if (p.equals(p.ring.univariate(0))) {
        atoms.add(new Atom(-1, -1, 1, c, new LayerFactor.Variable(Exprs.symbol("z", 0))));
        avail.add(f.multiplicity());
        continue;
      }
      if (f.realCertificate().isPresent()) {
        atoms.add(new Atom(-1, -1, c.size() - 1, monic(c), f.toLayerFactor()));
        avail.add(f.multiplicity());
        continue;
      }
      if (c.size() - 1 > RealDivisorChain.MAX_SPLIT_DEGREE) {
        throw new FieldExtensions.DegreeBoundExceeded("the factor " + f.display()
            + " has degree above " + RealDivisorChain.MAX_SPLIT_DEGREE
            + ", the bound for splitting over R");
      }
      int j = split.size();
      RealFactors.Split overR = real.of(c);
      List<RealAlgebraicNumber> roots = overR.roots();
      List<RealQuadraticFactors.Quadratic> pairs = overR.pairs();
      split.add(c);
      splitMultiplicity.add(f.multiplicity());
      splitFields.add(new RealFactorField(c, roots, pairs));
      splitRoots.add(roots.size());
      splitPieces.add(roots.size() + pairs.size());
      RealAlgebraicNumber one = RealAlgebraicNumber.of(1);
      int piece = 0;
      for (RealAlgebraicNumber r : roots) {
        atoms.add(new Atom(j, piece++, 1, null, new LayerFactor.Univariate(List.of(r.negate(), one))));
        avail.add(f.multiplicity());
      }
      for (RealQuadraticFactors.Quadratic q : pairs) {
        atoms.add(new Atom(j, piece++, 2, null,
            new LayerFactor.Univariate(List.of(q.product(), q.sum().negate(), one))));
        avail.add(f.multiplicity());
      }
    }
    this.available = avail.stream().mapToLong(Long::longValue).toArray();
  }

  /** Hands every point to the sink. */
  void run(Sink sink) {
    int h = architecture.depth();
    int n = atoms.size();
    long[][] degree = new long[n][1];
    for (int i = 0; i < n; i++) {
      degree[i][0] = atoms.get(i).degree();
    }
    long[][] need = new long[h][1];
    for (int l = 0; l < h; l++) {
      need[l][0] = architecture.size(l)[0] - 1;
    }
    Distribution.ofIndices(degree, available).forEachAssignment(need, (l, c) -> true,
        counts -> point(counts, sink));
  }

  /** One entry of a point: layer l receives the real factor of split Q-factor j given by pieces. */
  private record Entry(int layer, int source, boolean[] pieces, int degree) {}

  private void point(int[][] counts, Sink sink) {
    Deadline.checkCurrent();
    int h = architecture.depth();
    List<List<BigFraction>> rational = new ArrayList<>();
    List<LayerFactorization> display = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    long[] full = new long[split.size()];
    for (int l = 0; l < h; l++) {
      List<BigFraction> q = List.of(BigFraction.ONE);
      List<LayerFactorization.Power> parts = new ArrayList<>();
      int[][] pieceCounts = new int[split.size()][];
      for (int j = 0; j < split.size(); j++) {
        pieceCounts[j] = new int[splitPieces.get(j)];
      }
      for (int i = 0; i < atoms.size(); i++) {
        int c = counts[l][i];
        if (c == 0) {
          continue;
        }
        Atom atom = atoms.get(i);
        parts.add(new LayerFactorization.Power(atom.factor(), c));
        if (atom.source() >= 0) {
          pieceCounts[atom.source()][atom.piece()] = c;
        } else if (atom.polynomial() != null) {
          for (int r = 0; r < c; r++) {
            q = multiply(q, atom.polynomial());
          }
        }
      }
      for (int j = 0; j < split.size(); j++) {
        int top = Arrays.stream(pieceCounts[j]).max().orElse(0);
        for (int c = 1; c <= top; c++) {
          boolean[] pieces = new boolean[pieceCounts[j].length];
          int deg = 0;
          for (int i = 0; i < pieces.length; i++) {
            pieces[i] = pieceCounts[j][i] >= c;
            deg += pieces[i] ? (i < splitRoots.get(j) ? 1 : 2) : 0;
          }
          if (deg == split.get(j).size() - 1) {
            q = multiply(q, monic(split.get(j)));
            full[j]++;
          } else {
            entries.add(new Entry(l, j, pieces, deg));
          }
        }
      }
      rational.add(q);
      display.add(new LayerFactorization(parts));
    }
    // per split Q-factor, the largest entry is derived from the others
    Entry[] derived = new Entry[split.size()];
    for (Entry e : entries) {
      Entry d = derived[e.source()];
      if (d == null || e.degree() > d.degree()) {
        derived[e.source()] = e;
      }
    }
    NumberField k = FieldExtensions.rationals();
    List<Entry> computed = new ArrayList<>();
    List<List<FieldElement>> values = new ArrayList<>();
    for (Entry e : entries) {
      if (e == derived[e.source()]) {
        continue;
      }
      RealFactorField.Factor g = factor(e);
      FieldExtensions.Extension x = k.degree() == 1
          ? new FieldExtensions.Extension(g.field(), g.field().element(BigFraction.ZERO),
              g.field().theta())
          : FieldExtensions.adjoin(k, g.field().generator(), MAX_POINT_FIELD_DEGREE);
      for (int i = 0; i < values.size(); i++) {
        values.set(i, values.get(i).stream().map(x::map).toList());
      }
      FieldElement image = x.adjoined();
      NumberField kk = x.field();
      values.add(g.coefficients().stream().map(c -> embed(c, image, kk)).toList());
      computed.add(e);
      k = kk;
    }
    NumberField field = k;
    List<List<FieldElement>> layers = new ArrayList<>();
    for (int l = 0; l < h; l++) {
      layers.add(rational.get(l).stream().map(field::element).toList());
    }
    for (int i = 0; i < computed.size(); i++) {
      int l = computed.get(i).layer();
      layers.set(l, FieldExtensions.multiply(layers.get(l), values.get(i)));
    }
    for (int j = 0; j < split.size(); j++) {
      Entry d = derived[j];
      if (d == null) {
        continue;
      }
      // f_j^e over the full copies and the computed entries, divided exactly
      List<FieldElement> rest = List.of(field.one());
      List<FieldElement> fj = monic(split.get(j)).stream().map(field::element).toList();
      for (long r = full[j]; r < splitMultiplicity.get(j); r++) {
        rest = FieldExtensions.multiply(rest, fj);
      }
      for (int i = 0; i < computed.size(); i++) {
        if (computed.get(i).source() == j) {
          rest = RealFactorField.quotient(rest, values.get(i));
          if (rest == null) {
            throw new IllegalStateException("the real factors of " + split.get(j)
                + " handed out do not divide it");
          }
        }
      }
      layers.set(d.layer(), FieldExtensions.multiply(layers.get(d.layer()), rest));
    }
    sink.accept(field, layers, display);
  }

  private RealFactorField.Factor factor(Entry e) {
    String key = e.source() + ":" + Arrays.toString(e.pieces());
    RealFactorField.Factor g = cache.get(key);
    if (g == null) {
      int roots = splitRoots.get(e.source());
      boolean[] tr = Arrays.copyOfRange(e.pieces(), 0, roots);
      boolean[] tp = Arrays.copyOfRange(e.pieces(), roots, e.pieces().length);
      g = splitFields.get(e.source()).factor(tr, tp, MAX_POINT_FIELD_DEGREE);
      cache.put(key, g);
    }
    return g;
  }

  /** The element of L = Q(gamma) given by c, in K where gamma has the given image. */
  private static FieldElement embed(FieldElement c, FieldElement image, NumberField k) {
    List<BigFraction> a = c.coefficients();
    FieldElement s = k.zero();
    for (int r = a.size() - 1; r >= 0; r--) {
      s = s.multiply(image).add(k.element(a.get(r)));
    }
    return s;
  }

  private static List<BigFraction> monic(List<BigFraction> c) {
    BigFraction lead = c.get(c.size() - 1);
    return c.stream().map(x -> x.divide(lead)).toList();
  }

  private static List<BigFraction> multiply(List<BigFraction> a, List<BigFraction> b) {
    BigFraction[] out = new BigFraction[a.size() + b.size() - 1];
    Arrays.fill(out, BigFraction.ZERO);
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        out[i + j] = out[i + j].add(a.get(i).multiply(b.get(j)));
      }
    }
    return List.of(out);
  }
}
