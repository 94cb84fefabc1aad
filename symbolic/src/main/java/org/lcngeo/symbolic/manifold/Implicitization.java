package org.lcngeo.symbolic.manifold;

import cc.redberry.rings.poly.multivar.MonomialZp64;
import cc.redberry.rings.poly.multivar.MultivariatePolynomialZp64;
import edu.jas.arith.ModLong;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.algebra.PrimeField;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.formula.WeightedMonomials;
import org.lcngeo.symbolic.linalg.ModularReconstruction;
import org.lcngeo.symbolic.linalg.PrimeFieldMatrices;
import org.lcngeo.symbolic.formula.JasRing;

/**
 * The ideal I of the Zariski closure of the neuromanifold M = im(mu) in Q[v0..v<n-1>], by
 * interpolation modulo primes, with a proof that the generators found generate I.
 *
 * <p><b>Candidates.</b> I is homogeneous (M is a cone) and graded by position weight: rescaling the
 * entry j of layer l by lambda^(t_l j) rescales v_m by lambda^m (Lemma 9), so I is spanned by
 * polynomials of one degree d and one weight w. For each (d, w), the kernel of the matrix of the
 * monomials of degree d and weight w evaluated at random points mu(theta) mod p contains I_(d,w) mod
 * p; its rank is a lower bound of dim (S/I)_(d,w) (an evaluation can only lose rank). New
 * generators are the rows of the reduced echelon basis of the kernel whose pivots are not pivots of
 * the multiples of the generators of lower degree; they are lifted to Q by Chinese remaindering and
 * rational reconstruction, and each lifted generator f is verified exactly: f(mu(theta)) = 0 in
 * Z[theta]. So the ideal J they generate lies in I.
 *
 * <p><b>Completeness.</b> Let k = dim M (certified, core {@link org.lcngeo.core.plan.Neuromanifold}:
 * k = m + 1, m = sum_l (|k_l| - 1)). The projectivized mu : P^(|k_1|-1) x ... x P^(|k_H|-1) ->
 * P^(n-1) is a morphism given by multilinear forms (a product of non-zero polynomials is non-zero)
 * with finite fibers, so deg(mu) deg(M) = m! / prod (|k_l| - 1)! (the top power of the pulled-back
 * hyperplane class). deg(mu) is at most the length L of any finite fiber (upper semicontinuity of
 * fiber length of a finite map), and the length over Q of the fiber at an integer point, in the
 * chart theta_(l,0) = 1 (which contains the whole fiber since v0 = prod theta_(l,0) is a unit),
 * is at most its length mod p (a finite module over Z_(p)), computed from a Groebner basis mod p.
 * Hence deg(M) >= m!/(prod (|k_l|-1)! L). On the other side, the Hilbert function of J mod p bounds
 * that of J over Q from above, which bounds that of I (J in I). So if J mod p has dimension k and
 * degree e with e L <= m!/prod(|k_l|-1)!, then J and I have the same dimension and degree: I, a
 * prime, is the only top-dimensional associated prime of J, of multiplicity one. Finally, if
 * S/(J + (l_1..l_k)) mod p has length e for k linear forms l_i with integer coefficients, then over
 * Q the same holds (length over Q <= length mod p, and >= e for a system of parameters, with
 * equality iff S/J is Cohen-Macaulay): S/J is Cohen-Macaulay, hence unmixed, so J = I. When S/J is
 * not Cohen-Macaulay, J = I is proven by the kernel of mu mod p instead ({@link ModularKernel}: if
 * the kernel P_p of mu mod p, computed by elimination, lies in J mod p, then J = I, since
 * HF(S/P_p) <= HF(S/I) <= HF(S/J) <= HF(S/J_p)); then deg(mu) = m!/(prod (|k_l|-1)! deg M). The
 * kernel is computed on a second thread from the start, beside the interpolation, and waited for
 * unless its elimination has done several times the work of any row of bench/manifold ({@link
 * #PATIENCE}; it is the cheaper proof on all those rows); then only the containment is tested, by
 * linear algebra in the buckets of the kernel's elements. If the kernel takes longer, dimension,
 * degree and the Cohen-Macaulay test, and the kernel is stopped when they succeed. When neither
 * proof applies the result says so ({@code complete} false). The Groebner bases mod p are Rings'
 * (F4 for the graded reverse lexicographic order).
 */
public final class Implicitization {
  /** Most end-to-end entries (variables of the ideal). */
  public static final int MAX_VARIABLES = 40;
  /** Highest degree of generators searched. */
  public static final int MAX_DEGREE = 16;
  /** Most primes used to lift one bucket of generators. */
  private static final int MAX_PRIMES = 12;
  /**
   * The work (monomial comparisons of its elimination) after which the kernel of mu mod p is no
   * longer waited for and the Cohen-Macaulay test runs beside it: about 4 times the most any row of
   * bench/manifold needs (2x2,2x2 with strides 1: 4.7 million; 3x2,2x2 with strides 2x2,1x1:
   * 147,000), since on each of them the kernel alone was the cheaper proof (2x2,2x2 with strides 1:
   * 1.46 s of CPU time against 1.74 s with the test started after a million). A count, not a time,
   * so that a loaded machine does not start the test where the kernel is the cheaper proof.
   */
  static final long PATIENCE = 20_000_000L;
  /**
   * Most monomials of one degree for which the search goes on to the degree below the kernel's
   * elements instead of a Groebner basis of the candidate ({@link #run}).
   */
  private static final BigInteger FEW_MONOMIALS = BigInteger.valueOf(200_000);
  /** Largest monomial bucket (a square evaluation matrix of this side mod p). */
  private static final int MAX_BUCKET = 6000;

  /**
   * The outcome.
   *
   * @param dimension dim M
   * @param generators minimal generators found, integer coefficients, content 1, as coefficient
   *     maps from exponent vectors over v0..v<n-1>
   * @param degree deg M when proven, else null
   * @param parametrizationDegree deg(mu) (generic number of points of a fiber up to scaling, over
   *     C) when proven, else null; fiberLength bounds it from above
   * @param fiberLength the length of the fiber at a random point (an upper bound of deg(mu)); 0 if
   *     not computed
   * @param complete whether the generators are proven to generate I
   * @param reason why not complete (null when complete)
   * @param imageHilbert lower bounds of dim (S/I)_d for d = 0..searched degree, by evaluation
   * @param stopped whether the time bound stopped the search
   */
  public record Result(
      int dimension,
      List<Map<List<Integer>, BigInteger>> generators,
      BigInteger degree,
      BigInteger parametrizationDegree,
      long fiberLength,
      boolean complete,
      String reason,
      List<BigInteger> imageHilbert,
      boolean stopped) {}

  private record Gen(int degree, List<Integer> weight, List<int[]> monomials, BigInteger[] coeffs) {}

  private record Image(int rank, long[][] rows, int[] pivots) {}

  private final Architecture a;
  private final MuPlan plan;
  private final int n;
  private final int k;
  private final BigInteger multidegree;
  private final List<Gen> gens = new ArrayList<>();
  private final WeightedMonomials monomials;
  private final Map<Long, List<long[]>> points = new HashMap<>();
  /** mu over Z, for the exact checks; made at the first check (JAS' start-up, beside the kernel). */
  private ExactComposition composition;
  /** The primes used so far, the largest below 2^31 in decreasing order (found when needed). */
  private final List<Long> primes = new ArrayList<>();
  /** The kernel of mu mod p, when it is being computed beside the search (see {@link #run}). */
  private ModularKernel.Pending pending;

  private Implicitization(Architecture a) {
    this.a = a;
    this.plan = MuPlan.compile(a);
    this.n = a.endToEndEntries();
    int m = 0;
    BigInteger denominator = BigInteger.ONE;
    for (int l = 0; l < a.depth(); l++) {
      m += a.layerParameters(l) - 1;
      denominator = denominator.multiply(factorial(a.layerParameters(l) - 1));
    }
    this.k = m + 1;
    this.multidegree = factorial(m).divide(denominator);
    this.monomials = new WeightedMonomials(a);
  }

  /** m! / prod_l (|k_l| - 1)!: deg(mu) deg(M), the multidegree of the parametrization. */
  public static BigInteger multidegree(Architecture a) {
    return new Implicitization(a).multidegree;
  }

  /** Computes the ideal, within the running command's time bound ({@link Deadline}). */
  public static Result compute(Architecture a) {
    return compute(a, true);
  }

  /**
   * {@link #compute(Architecture)}; with {@code kernelFirst} false the kernel of mu mod p is only
   * computed when dimension, degree and the Cohen-Macaulay test do not prove completeness (so that
   * tests reach that proof, which the kernel, started first, wins on every row of bench/manifold).
   */
  static Result compute(Architecture a, boolean kernelFirst) {
    if (a.endToEndEntries() > MAX_VARIABLES && a.dimensionUpperBound() < a.endToEndEntries()) {
      throw new org.lcngeo.core.InvalidInputException("the neuromanifold of " + a.summary()
          + " lies in a space of " + a.endToEndEntries() + " variables, more than the limit of "
          + MAX_VARIABLES + " for its equations");
    }
    Implicitization i = new Implicitization(a);
    try {
      return i.run(kernelFirst);
    } catch (org.lcngeo.core.TimeLimitException e) {
      return new Result(i.k, i.generators(), null, null, 0, false,
          "the time limit stopped the search (" + e.getMessage() + "); the equations found vanish"
              + " on the neuromanifold but may not generate its ideal", List.of(), true);
    } finally {
      if (i.pending != null) {
        i.pending.cancel();
      }
    }
  }

  /**
   * An upper bound of deg(mu): the length mod p of the fiber of mu at a random integer point, in
   * the chart theta_(l,0) = 1 for l < H; 0 when that fiber is not finite mod p.
   */
  public static long fiberLength(Architecture a) {
    Implicitization i = new Implicitization(a);
    return i.fiberLength(i.prime(0), new SplittableRandom(77));
  }

  /** The i-th largest prime below 2^31. */
  private long prime(int i) {
    while (primes.size() <= i) {
      long below = primes.isEmpty() ? 1L << 31 : primes.get(primes.size() - 1);
      primes.add(PrimeFieldMatrices.primesBelow(below, 1)[0]);
    }
    return primes.get(i);
  }

  private Result run(boolean kernelFirst) {
    if (k >= n) {
      return new Result(n, List.of(), BigInteger.ONE, multidegree, 0, true, null, List.of(), false);
    }
    long p0 = prime(0);
    if (kernelFirst) {
      // the kernel of mu mod p, by elimination on a second thread while the interpolation runs
      pending = ModularKernel.start(a, p0);
    }
    List<BigInteger> imageHilbert = new ArrayList<>();
    imageHilbert.add(BigInteger.ONE);
    long fiber = -1;
    String reason = null;
    List<MultivariatePolynomialZp64> kernel = null;
    BigInteger cutLength = null;
    boolean unchecked = false; // generators found since the last test of completeness
    int stopAt = MAX_DEGREE;
    for (int d = 1; d <= stopAt; d++) {
      BigInteger hilbert = BigInteger.ZERO;
      boolean found = false;
      for (Map.Entry<List<Integer>, List<int[]>> bucket : monomials.ofDegree(d).entrySet()) {
        Deadline.checkCurrent();
        if (bucket.getValue().size() > MAX_BUCKET) {
          return incomplete(fiber, "a monomial bucket of degree " + d + " has more than "
              + MAX_BUCKET + " monomials", imageHilbert);
        }
        int before = gens.size();
        int rank = lift(d, bucket.getKey(), bucket.getValue());
        if (rank < 0) {
          return incomplete(fiber, "the generators of degree " + d
              + " could not be lifted from their images mod " + MAX_PRIMES + " primes", imageHilbert);
        }
        hilbert = hilbert.add(BigInteger.valueOf(rank));
        found |= gens.size() > before;
      }
      imageHilbert.add(hilbert);
      unchecked |= found;
      if (!unchecked) {
        continue;
      }
      if (kernel == null && pending != null) {
        // the kernel was the cheaper proof on every row of bench/manifold: wait for it unless it
        // has done several times the work any of those needed
        kernel = pending.join(PATIENCE);
      }
      if (kernel != null) {
        // the kernel is known: the containment, by linear algebra in its elements' buckets when
        // they are at most one degree above the search (whose monomials are listed anyway); when
        // they are higher, the search goes on to one degree below them if their monomials are
        // few (interpolating a degree costs less than a Groebner basis of J_p: 2x2,2x2 with
        // strides 2x1,1x1 has quadrics and quartics), else by division by a Groebner basis of J_p
        int top = kernel.stream().mapToInt(g -> g.degree()).max().orElse(0);
        if (top > d + 1 && top - 1 <= stopAt && monomialCount(top).compareTo(FEW_MONOMIALS) <= 0) {
          continue;
        }
        unchecked = false;
        if (top <= d + 1 ? containsKernel(kernel, p0)
            : ModularKernel.contains(ModularGroebner.basis(modP(gens, p0, 0)), kernel)) {
          return proven(kernel, fiber, imageHilbert);
        }
      } else {
        unchecked = false;
        // The kernel still takes long: dimension, degree and the Cohen-Macaulay test; if they
        // prove J = I, the kernel is not needed.
        List<MultivariatePolynomialZp64> basis = ModularGroebner.basis(modP(gens, p0, 0));
        HilbertSeries hs = HilbertSeries.of(ModularGroebner.leadingMonomialsOf(basis), n);
        if (hs.dimension() != k) {
          continue;
        }
        if (fiber < 0) {
          fiber = fiberLength(p0, new SplittableRandom(77));
        }
        BigInteger e = hs.degree();
        if (fiber == 0 || e.multiply(BigInteger.valueOf(fiber)).compareTo(multidegree) > 0) {
          continue;
        }
        HilbertSeries cut = cut(p0);
        if (cut.dimension() == 0 && cut.degree().equals(e)) {
          if (pending != null) {
            pending.cancel();
          }
          return new Result(k, generators(), e, BigInteger.valueOf(fiber), fiber, true, null,
              imageHilbert, false);
        }
        cutLength = cut.degree();
        if (pending == null) {
          pending = ModularKernel.start(a, p0);
        }
        kernel = pending.join();
        if (ModularKernel.contains(basis, kernel)) {
          return proven(kernel, fiber, imageHilbert);
        }
      }
      HilbertSeries kernelSeries = HilbertSeries.of(ModularGroebner.leadingMonomialsOf(kernel), n);
      reason = "the generators do not yet generate the kernel of mu mod " + p0 + " (dimension "
          + kernelSeries.dimension() + ", degree " + kernelSeries.degree() + ")"
          + (cutLength == null ? "" : "; their quotient ring is not Cohen-Macaulay (length "
          + cutLength + " after cutting with " + k + " linear forms)")
          + "; no further generators up to degree ";
      int kernelDegree = kernel.stream().mapToInt(g -> g.degree()).max().orElse(0);
      stopAt = Math.min(MAX_DEGREE, Math.max(d + 1, kernelDegree));
    }
    return incomplete(fiber, reason == null
        ? "no generating set found up to degree " + stopAt
        : reason + stopAt, imageHilbert);
  }

  /** The number of monomials of degree d in the n end-to-end entries, C(n + d - 1, d). */
  private BigInteger monomialCount(int d) {
    BigInteger c = BigInteger.ONE;
    for (int i = 1; i <= d; i++) {
      c = c.multiply(BigInteger.valueOf(n - 1 + i)).divide(BigInteger.valueOf(i));
    }
    return c;
  }

  /**
   * The result once the kernel P_p of mu mod p is known to lie in J_p: then J = I, and I has the
   * Hilbert function of P_p ({@link ModularKernel}), hence its degree.
   */
  private Result proven(List<MultivariatePolynomialZp64> kernel, long fiber,
      List<BigInteger> imageHilbert) {
    BigInteger e = HilbertSeries.of(ModularGroebner.leadingMonomialsOf(kernel), n).degree();
    return new Result(k, generators(), e, multidegree.divide(e), Math.max(fiber, 0), true, null,
        imageHilbert, false);
  }

  /**
   * {@link #containsKernel} for given homogeneous integer generators (coefficient maps over v0..),
   * for tests: whether they generate the kernel of mu mod p.
   */
  static boolean containsKernel(Architecture a, List<Map<List<Integer>, BigInteger>> generators,
      List<MultivariatePolynomialZp64> kernel, long p) {
    Implicitization i = new Implicitization(a);
    for (Map<List<Integer>, BigInteger> g : generators) {
      List<int[]> monos = new ArrayList<>();
      List<BigInteger> coeffs = new ArrayList<>();
      g.forEach((e, c) -> {
        monos.add(e.stream().mapToInt(Integer::intValue).toArray());
        coeffs.add(c);
      });
      int d = Arrays.stream(monos.get(0)).sum();
      i.gens.add(new Gen(d, i.weight(monos.get(0)), monos, coeffs.toArray(BigInteger[]::new)));
    }
    return i.containsKernel(kernel, p);
  }

  /**
   * Whether every element of the kernel P_p lies in J_p, the ideal of the generators mod p: each
   * homogeneous part (one degree, one weight) of an element must lie in the span of the monomial
   * multiples of the generators in its bucket. Linear algebra over F_p, exact like the division
   * by a Groebner basis of J_p ({@link ModularKernel#contains}), without computing that basis.
   */
  private boolean containsKernel(List<MultivariatePolynomialZp64> kernel, long p) {
    Map<List<Object>, List<long[]>> spans = new HashMap<>();
    for (MultivariatePolynomialZp64 g : kernel) {
      Map<List<Object>, Map<MonoKey, Long>> parts = new LinkedHashMap<>();
      for (MonomialZp64 t : g) {
        int[] e = t.exponents;
        int d = 0;
        for (int x : e) {
          d += x;
        }
        List<Object> key = List.of(d, weight(e));
        parts.computeIfAbsent(key, x -> new HashMap<>()).put(new MonoKey(e.clone()), t.coefficient);
      }
      for (Map.Entry<List<Object>, Map<MonoKey, Long>> part : parts.entrySet()) {
        Deadline.checkCurrent();
        int d = (Integer) part.getKey().get(0);
        @SuppressWarnings("unchecked")
        List<Integer> w = (List<Integer>) part.getKey().get(1);
        List<int[]> monos = monomials.of(d, w);
        Map<MonoKey, Integer> column = columns(monos);
        List<long[]> span = spans.computeIfAbsent(part.getKey(),
            x -> PrimeFieldMatrices.rref(multiples(p, d, w, monos, column, true), p));
        long[] x = new long[monos.size()];
        for (Map.Entry<MonoKey, Long> t : part.getValue().entrySet()) {
          x[column.get(t.getKey())] = t.getValue();
        }
        for (long[] row : span) {
          int c = PrimeFieldMatrices.pivot(row);
          long f = x[c];
          if (f != 0) {
            for (int j = c; j < x.length; j++) {
              x[j] = Math.floorMod(x[j] - f * row[j] % p, p);
            }
          }
        }
        if (PrimeFieldMatrices.pivot(x) >= 0) {
          return false;
        }
      }
    }
    return true;
  }

  private Result incomplete(long fiber, String reason, List<BigInteger> imageHilbert) {
    return new Result(k, generators(), null, null, Math.max(fiber, 0), false, reason, imageHilbert,
        false);
  }

  private List<Map<List<Integer>, BigInteger>> generators() {
    List<Map<List<Integer>, BigInteger>> out = new ArrayList<>();
    for (Gen g : gens) {
      Map<List<Integer>, BigInteger> p = new LinkedHashMap<>();
      for (int i = 0; i < g.monomials().size(); i++) {
        p.put(Arrays.stream(g.monomials().get(i)).boxed().toList(), g.coeffs()[i]);
      }
      out.add(p);
    }
    return out;
  }

  // ---------------------------------------------------------------- interpolation

  /**
   * Finds the new generators of degree d and weight w (added to gens, each verified exactly) and
   * returns the rank of the evaluation (a lower bound of dim (S/I)_(d,w)); -1 when lifting failed.
   */
  private int lift(int d, List<Integer> w, List<int[]> monos) {
    Image base = null;
    BigInteger modulus = BigInteger.ONE;
    BigInteger[][] residues = null;
    int used = 0;
    int nextTry = 1;
    for (int i = 0; i < 4 * MAX_PRIMES; i++) {
      Deadline.checkCurrent();
      long p = prime(i);
      Image im = image(p, d, w, monos);
      if (base == null || im.rank() > base.rank()) {
        base = im;
        modulus = BigInteger.ONE;
        residues = null;
        used = 0;
        nextTry = 1;
        if (im.rows().length == 0) {
          return im.rank();
        }
      } else if (im.rank() < base.rank() || !Arrays.equals(im.pivots(), base.pivots())) {
        continue; // an unlucky prime
      }
      BigInteger bp = BigInteger.valueOf(p);
      if (residues == null) {
        residues = new BigInteger[im.rows().length][monos.size()];
        for (BigInteger[] r : residues) {
          Arrays.fill(r, BigInteger.ZERO);
        }
      }
      BigInteger inverse = modulus.mod(bp).modInverse(bp);
      for (int r = 0; r < residues.length; r++) {
        for (int c = 0; c < monos.size(); c++) {
          BigInteger diff = BigInteger.valueOf(im.rows()[r][c]).subtract(residues[r][c]).mod(bp);
          residues[r][c] = residues[r][c].add(modulus.multiply(diff.multiply(inverse).mod(bp)));
        }
      }
      modulus = modulus.multiply(bp);
      used++;
      if (used == nextTry || used >= MAX_PRIMES) {
        nextTry = used + Math.max(1, used / 2);
        List<Gen> lifted = reconstruct(d, w, monos, residues, modulus);
        if (lifted != null) {
          gens.addAll(lifted);
          return base.rank();
        }
        if (used >= MAX_PRIMES) {
          return -1;
        }
      }
    }
    return -1;
  }

  private List<Gen> reconstruct(
      int d, List<Integer> w, List<int[]> monos, BigInteger[][] residues, BigInteger modulus) {
    List<Gen> out = new ArrayList<>();
    for (BigInteger[] row : residues) {
      BigFraction[] q = new BigFraction[row.length];
      BigInteger lcm = BigInteger.ONE;
      for (int c = 0; c < row.length; c++) {
        q[c] = ModularReconstruction.rational(row[c], modulus);
        if (q[c] == null) {
          return null;
        }
        BigInteger den = q[c].getDenominator();
        lcm = lcm.divide(lcm.gcd(den)).multiply(den);
      }
      List<int[]> support = new ArrayList<>();
      List<BigInteger> coeffs = new ArrayList<>();
      BigInteger content = BigInteger.ZERO;
      for (int c = 0; c < row.length; c++) {
        if (q[c].getNumerator().signum() != 0) {
          BigInteger x = q[c].getNumerator().multiply(lcm.divide(q[c].getDenominator()));
          support.add(monos.get(c));
          coeffs.add(x);
          content = content.gcd(x);
        }
      }
      BigInteger[] cs = new BigInteger[coeffs.size()];
      for (int i = 0; i < cs.length; i++) {
        cs[i] = coeffs.get(i).divide(content);
      }
      Gen g = new Gen(d, w, support, cs);
      if (composition == null) {
        composition = new ExactComposition(a);
      }
      if (!composition.vanishes(g.monomials(), g.coeffs())) {
        return null;
      }
      out.add(g);
    }
    return out;
  }

  /**
   * The rows of the reduced echelon basis of the kernel K of the evaluation at random points mod p
   * whose pivots are not pivots of U, the span of the multiples of the generators of lower degree
   * (U lies in K: the generators vanish on mu). Since U is in K, the pivots of U are pivots of K,
   * so these rows vanish on U's pivot columns: they are the reduced echelon basis of the part of K
   * supported on the other columns N, and K = U + that part. The evaluation vanishes on U, so that
   * part is the kernel of the evaluation of the monomials of N alone: a matrix of |N| columns
   * instead of all the bucket's, and the rank of the evaluation is |N| minus its kernel's dimension.
   */
  private Image image(long p, int d, List<Integer> w, List<int[]> monos) {
    int size = monos.size();
    List<long[]> multiples = multiples(p, d, w, monos, columns(monos), false);
    boolean[] lower = new boolean[size];
    for (long[] row : PrimeFieldMatrices.rref(multiples, p)) {
      lower[PrimeFieldMatrices.pivot(row)] = true;
    }
    int[] free = java.util.stream.IntStream.range(0, size).filter(c -> !lower[c]).toArray();
    List<long[]> pts = points(p, free.length + 2);
    long[][] eval = new long[free.length + 2][free.length];
    for (int r = 0; r < eval.length; r++) {
      long[] v = pts.get(r);
      for (int c = 0; c < free.length; c++) {
        eval[r][c] = WeightedMonomials.evaluate(monos.get(free[c]), v, p);
      }
    }
    List<long[]> kernel = PrimeFieldMatrices.kernel(eval, free.length, p);
    int rank = free.length - kernel.size();
    long[][] fresh = new long[kernel.size()][];
    int[] pivots = new int[kernel.size()];
    for (int i = 0; i < fresh.length; i++) {
      fresh[i] = new long[size];
      for (int c = 0; c < free.length; c++) {
        fresh[i][free[c]] = kernel.get(i)[c];
      }
      pivots[i] = PrimeFieldMatrices.pivot(fresh[i]);
    }
    return new Image(rank, fresh, pivots);
  }

  /** The weight of a monomial in v (v_m has the multi-index of m; see {@link WeightedMonomials}). */
  private List<Integer> weight(int[] e) {
    int[] size = a.endToEndSize();
    Integer[] w = new Integer[size.length];
    Arrays.fill(w, 0);
    for (int i = 0; i < n; i++) {
      if (e[i] > 0) {
        int[] m = Architecture.unflatten(i, size);
        for (int x = 0; x < w.length; x++) {
          w[x] += e[i] * m[x];
        }
      }
    }
    return Arrays.asList(w);
  }

  /** The column of each monomial of a bucket. */
  private static Map<MonoKey, Integer> columns(List<int[]> monos) {
    Map<MonoKey, Integer> column = new HashMap<>();
    for (int c = 0; c < monos.size(); c++) {
      column.put(new MonoKey(monos.get(c)), c);
    }
    return column;
  }

  /**
   * The monomial multiples mod p, in the bucket of degree d and weight w, of the generators of
   * lower degree (and of degree d too when {@code sameDegree}), as rows over the bucket's columns.
   */
  private List<long[]> multiples(long p, int d, List<Integer> w, List<int[]> monos,
      Map<MonoKey, Integer> column, boolean sameDegree) {
    int size = monos.size();
    List<long[]> multiples = new ArrayList<>();
    BigInteger bp = BigInteger.valueOf(p);
    for (Gen g : gens) {
      if (g.degree() > d || (g.degree() == d && !sameDegree)) {
        continue;
      }
      List<Integer> rest = new ArrayList<>(w.size());
      boolean ok = true;
      for (int i = 0; i < w.size(); i++) {
        int r = w.get(i) - g.weight().get(i);
        ok &= r >= 0;
        rest.add(r);
      }
      List<int[]> multipliers = ok ? monomials.ofDegree(d - g.degree()).get(rest) : null;
      if (multipliers == null) {
        continue;
      }
      long[] residues = new long[g.monomials().size()];
      for (int t = 0; t < residues.length; t++) {
        residues[t] = g.coeffs()[t].mod(bp).longValue();
      }
      for (int[] u : multipliers) {
        long[] row = new long[size];
        for (int t = 0; t < g.monomials().size(); t++) {
          int[] e = g.monomials().get(t).clone();
          for (int i = 0; i < n; i++) {
            e[i] += u[i];
          }
          row[column.get(new MonoKey(e))] = residues[t];
        }
        multiples.add(row);
      }
    }
    return multiples;
  }

  /** Images mu(theta) mod p at seeded random theta, shared by all buckets. */
  private List<long[]> points(long p, int count) {
    List<long[]> pts = points.computeIfAbsent(p, q -> new ArrayList<>());
    PrimeField field = new PrimeField(p);
    SplittableRandom random = new SplittableRandom(p * 31 + pts.size());
    while (pts.size() < count) {
      List<Long> theta = new ArrayList<>();
      for (int i = 0; i < a.parameterCount(); i++) {
        theta.add(random.nextLong(1, p));
      }
      List<Long> v = plan.mu(field, FilterTuple.fromFlat(a, theta));
      pts.add(v.stream().mapToLong(Long::longValue).toArray());
    }
    return pts;
  }

  // ---------------------------------------------------------------- proof helpers

  /**
   * The Hilbert series of S/(J + (l_1..l_k)) mod p for k linear forms that are a system of
   * parameters (the length is then finite; any linear system of parameters generates a reduction of
   * the maximal ideal, so the length equals the degree iff S/J is Cohen-Macaulay). Sparse forms
   * first, coordinates v_i (the last k, then the first k), since they keep the Groebner basis
   * small; then k forms with random coefficients.
   */
  private HilbertSeries cut(long p) {
    int[][] coordinates = new int[2][k];
    for (int i = 0; i < k; i++) {
      coordinates[0][i] = n - 1 - i;
      coordinates[1][i] = i;
    }
    for (int[] zero : coordinates) {
      // J + (v_i : i in zero) = J|(v_i = 0) + (v_i : i in zero): the basis of the first part
      // lives in the other variables
      GenPolynomialRing<ModLong> ring = ModularGroebner.ring(p, n);
      List<GenPolynomial<ModLong>> f = new ArrayList<>();
      for (GenPolynomial<ModLong> g : modP(gens, p, 0)) {
        GenPolynomial<ModLong> r = ring.getZERO();
        for (edu.jas.poly.Monomial<ModLong> t : g) {
          boolean vanishes = false;
          for (int i : zero) {
            vanishes |= t.exponent().getVal(n - 1 - i) > 0;
          }
          if (!vanishes) {
            r = r.sum(t.coefficient(), t.exponent());
          }
        }
        if (!r.isZERO()) {
          f.add(r);
        }
      }
      List<int[]> lead = new ArrayList<>(ModularGroebner.leadingMonomials(f));
      for (int i : zero) {
        int[] e = new int[n];
        e[i] = 1;
        lead.add(e);
      }
      HilbertSeries hs = HilbertSeries.of(lead, n);
      if (hs.dimension() == 0) {
        return hs;
      }
    }
    return HilbertSeries.of(ModularGroebner.leadingMonomials(modP(gens, p, k)), n);
  }

  /** The generators mod p, plus {@code cuts} linear forms with small seeded integer coefficients. */
  private List<GenPolynomial<ModLong>> modP(List<Gen> g, long p, int cuts) {
    GenPolynomialRing<ModLong> ring = ModularGroebner.ring(p, n);
    List<GenPolynomial<ModLong>> out = new ArrayList<>();
    for (Gen x : g) {
      GenPolynomial<ModLong> f = ring.getZERO();
      for (int t = 0; t < x.monomials().size(); t++) {
        f = f.sum(ring.coFac.fromInteger(x.coeffs()[t].mod(BigInteger.valueOf(p)).longValue()),
            ModularGroebner.exponent(ring, x.monomials().get(t)));
      }
      out.add(f);
    }
    SplittableRandom random = new SplittableRandom(4242);
    for (int c = 0; c < cuts; c++) {
      GenPolynomial<ModLong> f = ring.getZERO();
      for (int i = 0; i < n; i++) {
        int[] e = new int[n];
        e[i] = 1;
        f = f.sum(ring.coFac.fromInteger(random.nextInt(1, 2001)), ModularGroebner.exponent(ring, e));
      }
      out.add(f);
    }
    return out;
  }

  /**
   * The length mod p of the fiber of mu at mu(theta0) for a random integer theta0 in the chart
   * theta_(l,0) = 1 (l < H); 0 when it is not finite.
   */
  private long fiberLength(long p, SplittableRandom random) {
    List<BigFraction> theta0 = new ArrayList<>();
    for (int i = 0; i < a.parameterCount(); i++) {
      theta0.add(new BigFraction(random.nextInt(1, 30)));
    }
    List<BigFraction> v0 = plan.mu(RationalRing.INSTANCE, FilterTuple.fromFlat(a, theta0));
    // variables: entries 1.. of layers 1..H-1, every entry of layer H
    int vars = k;
    GenPolynomialRing<ModLong> ring = ModularGroebner.ring(p, vars);
    List<GenPolynomial<ModLong>> theta = new ArrayList<>();
    int next = 0;
    for (int l = 0; l < a.depth(); l++) {
      for (int j = 0; j < a.layerParameters(l); j++) {
        if (j == 0 && l + 1 < a.depth()) {
          theta.add(ring.getONE());
        } else {
          int[] e = new int[vars];
          e[next++] = 1;
          theta.add(ring.getONE().multiply(ring.coFac.getONE(), ModularGroebner.exponent(ring, e)));
        }
      }
    }
    List<GenPolynomial<ModLong>> mu = plan.mu(new JasRing<>(ring), FilterTuple.fromFlat(a, theta));
    List<GenPolynomial<ModLong>> system = new ArrayList<>();
    BigInteger bp = BigInteger.valueOf(p);
    for (int i = 0; i < n; i++) {
      system.add(mu.get(i).subtract(ring.coFac.fromInteger(v0.get(i).getNumerator().mod(bp).longValue())));
    }
    HilbertSeries hs = HilbertSeries.of(ModularGroebner.leadingMonomials(system), vars);
    return hs.dimension() == 0 ? hs.degree().longValueExact() : 0;
  }

  // ---------------------------------------------------------------- monomials and linear algebra

  private static BigInteger factorial(int m) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= m; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  /** An exponent vector as a hash key. */
  private record MonoKey(int[] e) {
    @Override
    public boolean equals(Object o) {
      return o instanceof MonoKey other && Arrays.equals(e, other.e);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(e);
    }
  }
}
