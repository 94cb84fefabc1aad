package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.ufd.Quotient;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.algebra.PrimeField;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.linalg.ModularReconstruction;
import org.lcngeo.symbolic.linalg.PrimeFieldMatrices;

/**
 * The entries of the inverse map as rational functions r(v)/c(v), by interpolation modulo primes:
 * for a ratio A/B of monomials in the filter entries (theta_(l,i)/theta_(l,0), or theta_(H,i) prod_l
 * theta_(l,0)), the relations c(mu(theta)) A = r(mu(theta)) B with c of degree d and one position
 * weight ({@link WeightedMonomials}) form the kernel of a matrix of values at random points mod p.
 * The first row of its reduced echelon basis whose c does not vanish on the image is lifted by
 * Chinese remaindering and rational reconstruction, over the least degree d that has one. The
 * candidates are only candidates: {@link InverseMap} verifies the assembled map exactly.
 */
final class InverseInterpolation {
  /** Highest degree of c tried. */
  static final int MAX_DEGREE = 8;
  /** Most primes used to lift one ratio. */
  private static final int MAX_PRIMES = 10;
  /**
   * Largest number of unknowns of one linear system: the search stops at the first degree with a
   * larger one (its echelon form mod p costs the cube).
   */
  static final int MAX_UNKNOWNS = 400;
  /**
   * Most work of one derivation's interpolation (all its ratios and normalizations), in
   * multiply-adds mod p of the echelon forms, counted before each matrix is formed as rows times
   * unknowns squared: beyond it the interpolation stops ({@link WorkBoundReached}). It bounds work,
   * not time, so which form of the inverse map is printed does not depend on the machine's load.
   * Chosen from the formula survey of 28 architectures (bench/README.md, "formula"): the inverse
   * maps found took up to 5.2e8 ((5,4,3,2)/(2,2,2,1); 1.3e8 for (4,4,4,4)/(2,2,2,1), at most 6e6
   * for the others), while the derivations that cannot finish spend more than that on one
   * normalization before a linear system exceeds {@link #MAX_UNKNOWNS} unknowns: (5,5,5)/(2,2,1)
   * 2.5e9 on the first of 16, (8,8)/(2,1) 2.1e9 on 8 (about 5 ns each).
   */
  static final long MAX_WORK = 1_000_000_000L;

  /** The interpolation reached {@link #MAX_WORK}. */
  static final class WorkBoundReached extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WorkBoundReached() {
      super("the interpolation reached its work bound (" + MAX_WORK + " multiply-adds mod p)",
          null, false, false);
    }
  }

  private final Architecture a;
  private final MuPlan plan;
  private final int n;
  private final WeightedMonomials monomials;
  private final PolynomialRing vRing;
  private final long[] primes = PrimeFieldMatrices.primesBelow(1L << 31, 3 * MAX_PRIMES);
  private final Map<Long, List<long[][]>> points = new HashMap<>();
  /** Work done so far (see {@link #MAX_WORK}). */
  private long work;

  InverseInterpolation(Architecture a, PolynomialRing vRing) {
    this.a = a;
    this.plan = MuPlan.compile(a);
    this.n = a.endToEndEntries();
    this.monomials = new WeightedMonomials(a);
    this.vRing = vRing;
  }

  /** A factor of the ratio: a filter entry, {@code (layer, entry)}. */
  record Entry(int layer, int index) {}

  /**
   * r/c with c(mu) prod(numerator) = r(mu) prod(denominator), deg r = deg c + extra; empty when no
   * such c of degree at most {@link #MAX_DEGREE} was found, or the linear systems of a degree
   * exceed {@link #MAX_UNKNOWNS} unknowns before one was.
   *
   * @throws WorkBoundReached when this interpolation's work would exceed {@link #MAX_WORK}
   */
  Optional<Quotient<BigRational>> ratio(
      List<Entry> numerator, List<Entry> denominator, int extra, RationalFunctionRing ring) {
    int dims = a.dims();
    int[] shift = new int[dims];
    for (Entry e : numerator) {
      add(shift, WeightedMonomials.parameterWeight(a, e.layer(), e.index()), 1);
    }
    for (Entry e : denominator) {
      add(shift, WeightedMonomials.parameterWeight(a, e.layer(), e.index()), -1);
    }
    for (int d = 0; d <= MAX_DEGREE; d++) {
      for (Map.Entry<List<Integer>, List<int[]>> bucket : monomials.ofDegree(d).entrySet()) {
        Deadline.checkCurrent();
        List<Integer> rw = new ArrayList<>(bucket.getKey());
        boolean ok = true;
        for (int m = 0; m < dims; m++) {
          rw.set(m, rw.get(m) + shift[m]);
          ok &= rw.get(m) >= 0;
        }
        List<int[]> cs = bucket.getValue();
        List<int[]> rs = ok ? monomials.of(d + extra, rw) : List.of();
        if (cs.size() + rs.size() > MAX_UNKNOWNS) {
          return Optional.empty();
        }
        if (rs.isEmpty()) {
          continue;
        }
        Quotient<BigRational> q = lift(cs, rs, numerator, denominator, ring);
        if (q != null) {
          return Optional.of(q);
        }
      }
    }
    return Optional.empty();
  }

  /** The chosen kernel row mod p: its index in the echelon basis and its entries; null if none. */
  private record Image(int row, int[] pivots, long[] values) {}

  private Quotient<BigRational> lift(List<int[]> cs, List<int[]> rs, List<Entry> num,
      List<Entry> den, RationalFunctionRing ring) {
    int size = cs.size() + rs.size();
    Image base = null;
    BigInteger modulus = BigInteger.ONE;
    BigInteger[] residue = new BigInteger[size];
    Arrays.fill(residue, BigInteger.ZERO);
    int used = 0;
    for (long p : primes) {
      Deadline.checkCurrent();
      Image im = image(p, cs, rs, num, den);
      if (im == null) {
        if (base == null) {
          return null; // no relation with c off the image in this bucket
        }
        continue;
      }
      if (base == null) {
        base = im;
      } else if (im.row() != base.row() || !Arrays.equals(im.pivots(), base.pivots())) {
        continue;
      }
      BigInteger bp = BigInteger.valueOf(p);
      BigInteger inverse = modulus.mod(bp).modInverse(bp);
      for (int i = 0; i < size; i++) {
        BigInteger diff = BigInteger.valueOf(im.values()[i]).subtract(residue[i]).mod(bp);
        residue[i] = residue[i].add(modulus.multiply(diff.multiply(inverse).mod(bp)));
      }
      modulus = modulus.multiply(bp);
      used++;
      Quotient<BigRational> q = reconstruct(residue, modulus, cs, rs, ring);
      if (q != null && holdsModulo(primes[primes.length - 1 - used], q, num, den)) {
        return q;
      }
      if (used >= MAX_PRIMES) {
        return null;
      }
    }
    return null;
  }

  private Quotient<BigRational> reconstruct(BigInteger[] residue, BigInteger modulus, List<int[]> cs,
      List<int[]> rs, RationalFunctionRing ring) {
    GenPolynomial<BigRational> c = vRing.zero();
    GenPolynomial<BigRational> r = vRing.zero();
    for (int i = 0; i < residue.length; i++) {
      BigFraction x = ModularReconstruction.rational(residue[i], modulus);
      if (x == null) {
        return null;
      }
      if (x.getNumerator().signum() == 0) {
        continue;
      }
      BigRational q = PolynomialRing.toJas(x);
      if (i < cs.size()) {
        c = c.sum(q, exponent(cs.get(i)));
      } else {
        r = r.sum(q, exponent(rs.get(i - cs.size())));
      }
    }
    return c.isZERO() ? null : ring.of(r, c);
  }

  /** Whether c(mu) A = r(mu) B at random points mod a prime not used for the lifting. */
  private boolean holdsModulo(long p, Quotient<BigRational> q, List<Entry> num, List<Entry> den) {
    BigInteger bp = BigInteger.valueOf(p);
    for (long[][] pt : points(p, 3)) {
      Long c = evaluate(q.den, pt[1], bp);
      Long r = evaluate(q.num, pt[1], bp);
      if (c == null || r == null) {
        return false;
      }
      if (Math.floorMod(c * product(pt[0], num, p) - r * product(pt[0], den, p) % p, p) != 0) {
        return false;
      }
    }
    return true;
  }

  private Long evaluate(GenPolynomial<BigRational> f, long[] v, BigInteger bp) {
    long p = bp.longValueExact();
    long sum = 0;
    for (edu.jas.poly.Monomial<BigRational> t : f) {
      BigInteger den = t.coefficient().denominator().mod(bp);
      if (den.signum() == 0) {
        return null;
      }
      long coef = t.coefficient().numerator().mod(bp).multiply(den.modInverse(bp)).mod(bp).longValue();
      int[] e = new int[n];
      for (int i = 0; i < n; i++) {
        e[i] = (int) t.exponent().getVal(n - 1 - i);
      }
      sum = (sum + coef * WeightedMonomials.evaluate(e, v, p)) % p;
    }
    return sum;
  }

  private Image image(long p, List<int[]> cs, List<int[]> rs, List<Entry> num, List<Entry> den) {
    int size = cs.size() + rs.size();
    work += (long) (size + 2) * size * size;
    if (work > MAX_WORK) {
      throw new WorkBoundReached();
    }
    List<long[][]> pts = points(p, size + 3);
    long[][] m = new long[size + 2][size];
    for (int row = 0; row < size + 2; row++) {
      long[] theta = pts.get(row)[0];
      long[] v = pts.get(row)[1];
      long na = product(theta, num, p);
      long nb = product(theta, den, p);
      for (int i = 0; i < cs.size(); i++) {
        m[row][i] = WeightedMonomials.evaluate(cs.get(i), v, p) * na % p;
      }
      for (int i = 0; i < rs.size(); i++) {
        long x = WeightedMonomials.evaluate(rs.get(i), v, p) * nb % p;
        m[row][cs.size() + i] = x == 0 ? 0 : p - x;
      }
    }
    List<long[]> kernel = PrimeFieldMatrices.kernel(m, size, p);
    long[] test = pts.get(size + 2)[1];
    for (int k = 0; k < kernel.size(); k++) {
      long[] x = kernel.get(k);
      long c = 0;
      for (int i = 0; i < cs.size(); i++) {
        c = (c + x[i] * WeightedMonomials.evaluate(cs.get(i), test, p)) % p;
      }
      if (c != 0) {
        int[] pivots = kernel.stream().mapToInt(PrimeFieldMatrices::pivot).toArray();
        return new Image(k, pivots, x);
      }
    }
    return null;
  }

  private long product(long[] theta, List<Entry> entries, long p) {
    long x = 1;
    for (Entry e : entries) {
      x = x * theta[a.parameterStart(e.layer()) + e.index()] % p;
    }
    return x;
  }

  /** Random (theta, mu(theta)) mod p, seeded per prime and shared by all ratios. */
  private List<long[][]> points(long p, int count) {
    List<long[][]> pts = points.computeIfAbsent(p, q -> new ArrayList<>());
    PrimeField field = new PrimeField(p);
    SplittableRandom random = new SplittableRandom(p * 17 + pts.size());
    while (pts.size() < count) {
      List<Long> theta = new ArrayList<>();
      for (int i = 0; i < a.parameterCount(); i++) {
        theta.add(random.nextLong(1, p));
      }
      List<Long> v = plan.mu(field, FilterTuple.fromFlat(a, theta));
      pts.add(new long[][] {
        theta.stream().mapToLong(Long::longValue).toArray(),
        v.stream().mapToLong(Long::longValue).toArray()});
    }
    return pts;
  }

  private ExpVector exponent(int[] e) {
    long[] v = new long[n];
    for (int i = 0; i < n; i++) {
      v[n - 1 - i] = e[i];
    }
    return ExpVector.create(v);
  }

  private static void add(int[] acc, int[] w, int sign) {
    for (int i = 0; i < acc.length; i++) {
      acc[i] += sign * w[i];
    }
  }
}
