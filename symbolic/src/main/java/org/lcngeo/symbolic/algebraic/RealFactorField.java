package org.lcngeo.symbolic.algebraic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.symbolic.linalg.ExactLinearAlgebra;

/**
 * One real factor g of a squarefree polynomial f over Q, exactly, over the field its coefficients
 * generate, L = Q(coefficients of g), and not over the field of all the roots of f: the layer
 * polynomials of a 1-D fiber point are such factors (Sec. 2.3), and L is usually far smaller (two
 * of the five roots of z^5 - 4z + 2: [L : Q] = 10, where the field of all its real roots has degree
 * 60). This is the approach of FLINT/Calcium's qqbar: a number lives in its own field.
 *
 * <p>g is chosen by its real factors over R: a set of real roots of f and a set of pairs of
 * non-real roots, each pair given by its quadratic z^2 - s z + p ({@link RealQuadraticFactors}).
 *
 * <p>Algorithm, with f made monic with integer coefficients (y = a z), so that every symmetric
 * function of roots below is an algebraic integer and every trace an integer:
 * <ol>
 *   <li>theta = e_1(S) + lambda e_2(S) + lambda^2 e_3(S) + ... (S the roots of g, lambda = 0, 1,
 *       ...; all of S's elementary symmetric functions, since two sets of roots may share e_1 and
 *       e_2), and
 *       M(x) = prod_T (x - theta(T)) over all subsets T of deg g roots of f, computed from
 *       approximations of all complex roots and rounded to integers; when M is squarefree, theta
 *       separates the subsets, so Q(theta) = L (the stabilisers of theta and of S agree);</li>
 *   <li>m_theta, the factor of M over Q (Rings) through theta(S), is its minimal polynomial, and
 *       theta is identified as a real algebraic number by certified enclosures of theta(S) from the
 *       isolating intervals of the chosen roots and quadratics;</li>
 *   <li>each coefficient e_k(S) = sum_i c_i theta^i is found from the trace form, sum_i c_i
 *       Tr(theta^(i+j)) = Tr(e_k theta^j), the left side exactly from the power sums of m_theta,
 *       the right side summed over the conjugates T of S (the subsets with m_theta(theta(T)) = 0)
 *       and rounded to an integer;</li>
 *   <li>checked exactly: g divides f in L[z] (the remainder is zero), and for every other set of
 *       real factors T' of the same degree theta(T') is certified different from theta (disjoint
 *       intervals), so the real factor g is the chosen one. Any numerical slip fails this check and
 *       is retried with more digits and the next lambda.</li>
 * </ol>
 * Cost: one factorisation over Q of M of degree C(deg f, deg g), a linear system of size [L : Q],
 * and one division in L[z].
 */
public final class RealFactorField {
  /** g over L: monic, coefficients in L, lowest degree first. */
  public record Factor(NumberField field, List<FieldElement> coefficients) {}

  private static final int MAX_LAMBDA = 3;
  private static final int[] EXTRA_DIGITS = {0, 60};
  private static final int SEPARATION_ROUNDS = 40;

  private final BigFraction[] f;
  private final int n;
  private final BigInteger lead;
  private final BigInteger[] monic;
  private final List<RealAlgebraicNumber> roots;
  private final List<RealQuadraticFactors.Quadratic> pairs;

  /**
   * @param f a squarefree polynomial over Q (lowest degree first) of degree at least 2
   * @param roots its real roots, as {@link RealAlgebraicNumber#realRoots} lists them
   * @param pairs its quadratics, as {@link RealQuadraticFactors#of} lists them
   */
  public RealFactorField(List<BigFraction> f, List<RealAlgebraicNumber> roots,
      List<RealQuadraticFactors.Quadratic> pairs) {
    this.f = Polynomials.trim(f.toArray(new BigFraction[0]));
    this.n = this.f.length - 1;
    this.roots = List.copyOf(roots);
    this.pairs = List.copyOf(pairs);
    if (roots.size() + 2 * pairs.size() != n) {
      throw new IllegalArgumentException("the real factors do not make up a polynomial of degree " + n);
    }
    BigInteger[] p = Polynomials.primitive(this.f);
    if (p[n].signum() < 0) {
      for (int i = 0; i <= n; i++) {
        p[i] = p[i].negate();
      }
    }
    this.lead = p[n];
    // F(y) = a^(n-1) f(y / a): monic with integer coefficients, roots a * roots of f
    this.monic = new BigInteger[n + 1];
    for (int i = 0; i <= n; i++) {
      monic[i] = i == n ? BigInteger.ONE : p[i].multiply(lead.pow(n - 1 - i));
    }
  }

  /**
   * The real factor with the chosen real roots and quadratics over its own field.
   *
   * @throws FieldExtensions.DegreeBoundExceeded when its field has degree above maxDegree, or when
   *     the exact check keeps failing (reported as a bound: the point is then not listed)
   */
  public Factor factor(boolean[] takeRoot, boolean[] takePair, int maxDegree) {
    int m = 0;
    for (boolean b : takeRoot) {
      m += b ? 1 : 0;
    }
    for (boolean b : takePair) {
      m += b ? 2 : 0;
    }
    if (m == 0 || m == n) {
      throw new IllegalArgumentException("a proper factor is needed");
    }
    String last = "no attempt";
    for (int extra : EXTRA_DIGITS) {
      for (int lambda = 0; lambda <= MAX_LAMBDA; lambda++) {
        Deadline.checkCurrent();
        try {
          Factor g = attempt(takeRoot, takePair, m, lambda, extra, maxDegree);
          if (g != null) {
            return g;
          }
          last = "theta = e1 + " + lambda + " e2 + ... does not separate the factors";
        } catch (ArithmeticException | IllegalStateException
            | org.hipparchus.exception.MathRuntimeException e) {
          last = e.getMessage();
        }
      }
    }
    throw new FieldExtensions.DegreeBoundExceeded("the field of a real factor of degree " + m
        + " of " + java.util.Arrays.toString(f) + " was not found (" + last + ")");
  }

  private Factor attempt(boolean[] takeRoot, boolean[] takePair, int m, int lambda, int extra,
      int maxDegree) {
    Complex[] approx = doubleRoots();
    // magnitudes, for the working precision
    double r = 1;
    for (Complex c : approx) {
      r = Math.max(r, c.norm() * lead.doubleValue() * 1.01 + 1);
    }
    double theta = 0;
    for (int k = 1; k <= m; k++) {
      theta += Math.pow(lambda, k - 1) * Math.pow(m * r, k);
    }
    int subsets = binomial(n, m);
    double digits = subsets * Math.log10(1 + theta) + 2 * m * Math.log10(1 + r);
    int precision = (int) Math.ceil(2 * digits) + 40 + extra;
    MathContext mc = new MathContext(precision, RoundingMode.HALF_EVEN);
    Cx[] y = polish(approx, mc);
    // the chosen roots among the approximations: real ones in order, pairs by 2 Re and |c|^2
    int[] chosen = chosen(y, takeRoot, takePair, mc);
    List<int[]> all = subsets(n, m);
    Cx[][] e = new Cx[all.size()][];
    Cx[] th = new Cx[all.size()];
    int self = -1;
    for (int t = 0; t < all.size(); t++) {
      Deadline.checkCurrent();
      e[t] = elementary(y, all.get(t), mc);
      th[t] = e[t][m];
      for (int k = m - 1; k >= 1; k--) { // Horner in lambda
        th[t] = th[t].scale(BigDecimal.valueOf(lambda), mc).add(e[t][k], mc);
      }
      if (java.util.Arrays.equals(all.get(t), chosen)) {
        self = t;
      }
    }
    BigFraction[] bigM = roundedProduct(th, mc);
    if (bigM == null || !Polynomials.isSquarefree(bigM)) {
      return null;
    }
    BigFraction[] mTheta = null;
    BigDecimal best = null;
    for (BigFraction[] g : Polynomials.irreducibleFactors(bigM)) {
      BigDecimal v = evaluate(g, th[self], mc).abs(mc);
      if (best == null || v.compareTo(best) < 0) {
        best = v;
        mTheta = g;
      }
    }
    int d = mTheta.length - 1;
    if (d > maxDegree) {
      throw new FieldExtensions.DegreeBoundExceeded("a real factor of degree " + m + " of "
          + java.util.Arrays.toString(f) + " needs a number field of degree " + d
          + ", above the bound " + maxDegree);
    }
    // the conjugates of S: the subsets whose theta is (numerically) a root of m_theta
    List<Integer> orbit = new ArrayList<>();
    BigDecimal tiny = BigDecimal.ONE.movePointLeft(precision / 3);
    for (int t = 0; t < all.size(); t++) {
      Deadline.checkCurrent();
      Cx v = evaluate(mTheta, th[t], mc);
      Cx dv = evaluate(derivative(mTheta), th[t], mc);
      if (v.abs(mc).compareTo(dv.abs(mc).multiply(tiny, mc)) <= 0) {
        orbit.add(t);
      }
    }
    if (orbit.size() != d || !orbit.contains(self)) {
      throw new IllegalStateException("the conjugates of theta were not found");
    }
    BigFraction[] powerSums = Polynomials.powerSums(mTheta, 2 * d);
    List<List<BigFraction>> hankel = new ArrayList<>();
    for (int i = 0; i < d; i++) {
      List<BigFraction> row = new ArrayList<>();
      for (int j = 0; j < d; j++) {
        row.add(powerSums[i + j]);
      }
      hankel.add(row);
    }
    RealAlgebraicNumber gen = RealAlgebraicNumber.identify(List.of(mTheta),
        round -> thetaEnclosure(takeRoot, takePair, m, lambda, round));
    NumberField field = NumberField.of(gen);
    // G(y) = y^m - e1 y^(m-1) + e2 y^(m-2) - ..., e_k in L from the trace form
    List<FieldElement> bigG = new ArrayList<>();
    for (int i = 0; i <= m; i++) {
      bigG.add(null);
    }
    bigG.set(m, field.one());
    for (int k = 1; k <= m; k++) {
      Deadline.checkCurrent();
      Cx[] sums = new Cx[d];
      Arrays.fill(sums, Cx.ZERO);
      for (int t : orbit) {
        Cx x = e[t][k];
        for (int j = 0; j < d; j++) {
          sums[j] = sums[j].add(x, mc);
          x = x.multiply(th[t], mc);
        }
      }
      List<BigFraction> traces = new ArrayList<>();
      for (Cx s : sums) {
        traces.add(new BigFraction(roundToInteger(s, mc)));
      }
      List<BigFraction> c = ExactLinearAlgebra.solve(hankel, traces);
      if (c == null) {
        throw new IllegalStateException("singular trace form");
      }
      FieldElement ek = field.element(c);
      bigG.set(m - k, k % 2 == 0 ? ek : ek.negate());
    }
    // exact check 1: G divides F in L[y]
    List<FieldElement> bigF = new ArrayList<>();
    for (BigInteger c : monic) {
      bigF.add(field.element(new BigFraction(c)));
    }
    if (quotient(bigF, bigG) == null) {
      throw new IllegalStateException("the factor found does not divide f");
    }
    // exact check 2: no other real factor of degree m has the same theta
    if (!separated(gen, takeRoot, takePair, m, lambda)) {
      return null;
    }
    // g(z) = G(a z) / a^m
    List<FieldElement> g = new ArrayList<>();
    for (int i = 0; i <= m; i++) {
      g.add(bigG.get(i).multiply(new BigFraction(BigInteger.ONE, lead.pow(m - i))));
    }
    return new Factor(field, List.copyOf(g));
  }

  /**
   * Whether theta(T') is certified different from gen for every set T' of real factors of degree
   * m other than the chosen one.
   */
  private boolean separated(RealAlgebraicNumber gen, boolean[] takeRoot, boolean[] takePair,
      int m, int lambda) {
    int pieces = roots.size() + pairs.size();
    List<boolean[][]> others = new ArrayList<>();
    for (long mask = 0; mask < (1L << pieces); mask++) {
      boolean[] tr = new boolean[roots.size()];
      boolean[] tp = new boolean[pairs.size()];
      int deg = 0;
      for (int i = 0; i < pieces; i++) {
        boolean on = (mask >> i & 1) == 1;
        if (i < roots.size()) {
          tr[i] = on;
          deg += on ? 1 : 0;
        } else {
          tp[i - roots.size()] = on;
          deg += on ? 2 : 0;
        }
      }
      if (deg == m && !(java.util.Arrays.equals(tr, takeRoot) && java.util.Arrays.equals(tp, takePair))) {
        others.add(new boolean[][] {tr, tp});
      }
    }
    for (int round = 0; round < SEPARATION_ROUNDS && !others.isEmpty(); round++) {
      Deadline.checkCurrent();
      gen.refineTo(8 * round + 8);
      RationalInterval g = gen.isolatingInterval();
      int rr = round;
      others.removeIf(o -> {
        RationalInterval t = thetaEnclosure(o[0], o[1], m, lambda, rr);
        return t.hi().compareTo(g.lo()) < 0 || g.hi().compareTo(t.lo()) < 0;
      });
    }
    return others.isEmpty();
  }

  /**
   * A certified enclosure of theta(S) = sum_k lambda^(k-1) a^k e_k(S), tighter as the round grows.
   */
  private RationalInterval thetaEnclosure(boolean[] takeRoot, boolean[] takePair, int m,
      int lambda, int round) {
    List<RationalInterval> g = new ArrayList<>();
    g.add(RationalInterval.point(BigFraction.ONE));
    int bits = 8 * round + 16;
    for (int i = 0; i < roots.size(); i++) {
      if (takeRoot[i]) {
        RealAlgebraicNumber x = roots.get(i);
        x.refineTo(bits);
        g = times(g, List.of(x.isolatingInterval().multiply(BigFraction.MINUS_ONE),
            RationalInterval.point(BigFraction.ONE)));
      }
    }
    for (int i = 0; i < pairs.size(); i++) {
      if (takePair[i]) {
        RealAlgebraicNumber s = pairs.get(i).sum();
        RealAlgebraicNumber p = pairs.get(i).product();
        s.refineTo(bits);
        p.refineTo(bits);
        g = times(g, List.of(p.isolatingInterval(), s.isolatingInterval().multiply(BigFraction.MINUS_ONE),
            RationalInterval.point(BigFraction.ONE)));
      }
    }
    // e_k(S) of the roots of F, a times those of f: (-1)^k a^k g_(m-k)
    BigFraction a = new BigFraction(lead);
    RationalInterval theta = RationalInterval.point(BigFraction.ZERO);
    for (int k = m; k >= 1; k--) {
      BigFraction scale = a.pow(k).multiply(k % 2 == 0 ? 1 : -1);
      theta = theta.multiply(new BigFraction(lambda)).add(g.get(m - k).multiply(scale));
    }
    return theta;
  }

  private static List<RationalInterval> times(List<RationalInterval> a, List<RationalInterval> b) {
    List<RationalInterval> out = new ArrayList<>();
    for (int i = 0; i < a.size() + b.size() - 1; i++) {
      out.add(RationalInterval.point(BigFraction.ZERO));
    }
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        out.set(i + j, out.get(i + j).add(a.get(i).multiply(b.get(j))));
      }
    }
    return out;
  }

  /**
   * The quotient a / b in K[x] for a monic b (lowest degree first), or null when b does not divide
   * a exactly.
   */
  public static List<FieldElement> quotient(List<FieldElement> a, List<FieldElement> b) {
    int db = b.size() - 1;
    if (!b.get(db).equals(b.get(db).field().one())) {
      throw new IllegalArgumentException("the divisor must be monic");
    }
    List<FieldElement> r = new ArrayList<>(a);
    int dq = a.size() - 1 - db;
    if (dq < 0) {
      return r.stream().allMatch(FieldElement::isZero) ? List.of(b.get(0).field().zero()) : null;
    }
    FieldElement[] q = new FieldElement[dq + 1];
    for (int top = a.size() - 1; top >= db; top--) {
      Deadline.checkCurrent();
      FieldElement c = r.get(top);
      q[top - db] = c;
      if (c.isZero()) {
        continue;
      }
      for (int i = 0; i <= db; i++) {
        r.set(top - db + i, r.get(top - db + i).subtract(c.multiply(b.get(i))));
      }
    }
    for (int i = 0; i < db; i++) {
      if (!r.get(i).isZero()) {
        return null;
      }
    }
    return List.of(q);
  }

  // ------------------------------------------------------------------ numerical part (verified above)

  private Complex[] doubleRoots() {
    double[] c = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      c[i] = f[i].doubleValue() / f[n].doubleValue();
    }
    Complex[] z = new LaguerreSolver(1e-14, 1e-14, 1e-14).solveAllComplex(c, 0);
    if (z.length != n) {
      throw new IllegalStateException("root approximation failed");
    }
    return z;
  }

  /** Newton's iteration on F from y = a z, at the working precision. */
  private Cx[] polish(Complex[] z, MathContext mc) {
    BigFraction[] bigF = new BigFraction[n + 1];
    for (int i = 0; i <= n; i++) {
      bigF[i] = new BigFraction(monic[i]);
    }
    BigFraction[] dF = derivative(bigF);
    Cx[] y = new Cx[n];
    BigDecimal a = new BigDecimal(lead);
    BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() - 10);
    for (int i = 0; i < n; i++) {
      Cx x = new Cx(new BigDecimal(z[i].getReal()).multiply(a, mc),
          new BigDecimal(z[i].getImaginary()).multiply(a, mc));
      for (int it = 0; it < 200; it++) {
        Deadline.checkCurrent();
        Cx step = evaluate(bigF, x, mc).divide(evaluate(dF, x, mc), mc);
        x = x.subtract(step);
        if (step.abs(mc).compareTo(eps.multiply(BigDecimal.ONE.max(x.abs(mc)), mc)) <= 0) {
          break;
        }
      }
      y[i] = x;
    }
    BigDecimal close = BigDecimal.ONE.movePointLeft(mc.getPrecision() / 3);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (y[i].subtract(y[j]).abs(mc).compareTo(close) <= 0) {
          throw new IllegalStateException("two root approximations met");
        }
      }
    }
    return y;
  }

  /**
   * Indices (increasing) of the approximations of the chosen roots: the real roots in increasing
   * order, each pair's two roots by its nearest 2 Re and |c|^2.
   */
  private int[] chosen(Cx[] y, boolean[] takeRoot, boolean[] takePair, MathContext mc) {
    List<Integer> real = new ArrayList<>();
    List<Integer> upper = new ArrayList<>();
    BigDecimal small = BigDecimal.ONE.movePointLeft(mc.getPrecision() / 3);
    for (int i = 0; i < n; i++) {
      if (y[i].im().abs().compareTo(small) <= 0) {
        real.add(i);
      } else if (y[i].im().signum() > 0) {
        upper.add(i);
      }
    }
    if (real.size() != roots.size() || upper.size() != pairs.size()) {
      throw new IllegalStateException("the approximations do not match the real factors");
    }
    real.sort((i, j) -> y[i].re().compareTo(y[j].re()));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      if (takeRoot[i]) {
        out.add(real.get(i));
      }
    }
    BigDecimal a = new BigDecimal(lead);
    List<Integer> free = new ArrayList<>(upper);
    for (int i = 0; i < pairs.size(); i++) {
      BigDecimal s = pairs.get(i).sum().toBigDecimal(30);
      BigDecimal p = pairs.get(i).product().toBigDecimal(30);
      int best = -1;
      BigDecimal bestDistance = null;
      for (int u : free) {
        BigDecimal re = y[u].re().divide(a, mc);
        BigDecimal im = y[u].im().divide(a, mc);
        BigDecimal dist = re.multiply(BigDecimal.valueOf(2)).subtract(s).abs()
            .add(re.multiply(re).add(im.multiply(im)).subtract(p).abs());
        if (bestDistance == null || dist.compareTo(bestDistance) < 0) {
          bestDistance = dist;
          best = u;
        }
      }
      free.remove(Integer.valueOf(best));
      if (takePair[i]) {
        out.add(best);
        int conj = -1;
        BigDecimal bestC = null;
        for (int j = 0; j < n; j++) {
          if (y[j].im().signum() < 0 && !real.contains(j)) {
            BigDecimal dist = y[j].subtract(y[best].conjugate()).abs(mc);
            if (bestC == null || dist.compareTo(bestC) < 0) {
              bestC = dist;
              conj = j;
            }
          }
        }
        out.add(conj);
      }
    }
    return out.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** e_0 .. e_m of the roots y[i], i in t. */
  private static Cx[] elementary(Cx[] y, int[] t, MathContext mc) {
    Cx[] e = new Cx[t.length + 1];
    e[0] = Cx.ONE;
    for (int k = 1; k <= t.length; k++) {
      e[k] = Cx.ZERO;
    }
    for (int i : t) {
      for (int k = t.length; k >= 1; k--) {
        e[k] = e[k].add(e[k - 1].multiply(y[i], mc), mc);
      }
    }
    return e;
  }

  /** prod (x - v_i), rounded to integer coefficients; null when not close to integers. */
  private static BigFraction[] roundedProduct(Cx[] v, MathContext mc) {
    Cx[] p = {Cx.ONE};
    for (Cx x : v) {
      Deadline.checkCurrent();
      Cx[] r = new Cx[p.length + 1];
      for (int i = 0; i <= p.length; i++) {
        Cx s = i >= 1 ? p[i - 1] : Cx.ZERO;
        if (i < p.length) {
          s = s.subtract(p[i].multiply(x, mc));
        }
        r[i] = s;
      }
      p = r;
    }
    BigFraction[] out = new BigFraction[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = new BigFraction(roundToInteger(p[i], mc));
    }
    return out;
  }

  private static BigInteger roundToInteger(Cx x, MathContext mc) {
    BigDecimal quarter = new BigDecimal("0.25");
    BigDecimal r = x.re().setScale(0, RoundingMode.HALF_EVEN);
    if (x.im().abs().compareTo(quarter) >= 0 || x.re().subtract(r).abs().compareTo(quarter) >= 0) {
      throw new ArithmeticException("a symmetric function is not near an integer");
    }
    return r.toBigIntegerExact();
  }

  private static Cx evaluate(BigFraction[] p, Cx x, MathContext mc) {
    Cx s = Cx.ZERO;
    for (int i = p.length - 1; i >= 0; i--) {
      s = s.multiply(x, mc).add(new Cx(decimal(p[i], mc), BigDecimal.ZERO), mc);
    }
    return s;
  }

  private static BigFraction[] derivative(BigFraction[] p) {
    BigFraction[] d = new BigFraction[Math.max(1, p.length - 1)];
    d[0] = BigFraction.ZERO;
    for (int i = 1; i < p.length; i++) {
      d[i - 1] = p[i].multiply(i);
    }
    return d;
  }

  private static BigDecimal decimal(BigFraction q, MathContext mc) {
    return new BigDecimal(q.getNumerator()).divide(new BigDecimal(q.getDenominator()), mc);
  }

  private static int binomial(int n, int k) {
    long b = 1;
    for (int i = 0; i < k; i++) {
      b = b * (n - i) / (i + 1);
    }
    return (int) b;
  }

  /** All subsets of {0..n-1} of size m, each increasing. */
  private static List<int[]> subsets(int n, int m) {
    List<int[]> out = new ArrayList<>();
    int[] c = new int[m];
    for (int i = 0; i < m; i++) {
      c[i] = i;
    }
    while (true) {
      out.add(c.clone());
      int i = m - 1;
      while (i >= 0 && c[i] == n - m + i) {
        i--;
      }
      if (i < 0) {
        return out;
      }
      c[i]++;
      for (int j = i + 1; j < m; j++) {
        c[j] = c[j - 1] + 1;
      }
    }
  }

  /** A complex number with BigDecimal parts (numerical work only; every result is checked exactly). */
  private record Cx(BigDecimal re, BigDecimal im) {
    static final Cx ZERO = new Cx(BigDecimal.ZERO, BigDecimal.ZERO);
    static final Cx ONE = new Cx(BigDecimal.ONE, BigDecimal.ZERO);

    Cx add(Cx o) {
      return new Cx(re.add(o.re), im.add(o.im));
    }

    Cx add(Cx o, MathContext mc) {
      return new Cx(re.add(o.re, mc), im.add(o.im, mc));
    }

    Cx subtract(Cx o) {
      return new Cx(re.subtract(o.re), im.subtract(o.im));
    }

    Cx multiply(Cx o, MathContext mc) {
      return new Cx(re.multiply(o.re, mc).subtract(im.multiply(o.im, mc), mc),
          re.multiply(o.im, mc).add(im.multiply(o.re, mc), mc));
    }

    Cx scale(BigDecimal s, MathContext mc) {
      return new Cx(re.multiply(s, mc), im.multiply(s, mc));
    }

    Cx conjugate() {
      return new Cx(re, im.negate());
    }

    Cx divide(Cx o, MathContext mc) {
      BigDecimal den = o.re.multiply(o.re, mc).add(o.im.multiply(o.im, mc), mc);
      if (den.signum() == 0) {
        throw new ArithmeticException("division by zero in a root approximation");
      }
      return new Cx(re.multiply(o.re, mc).add(im.multiply(o.im, mc), mc).divide(den, mc),
          im.multiply(o.re, mc).subtract(re.multiply(o.im, mc), mc).divide(den, mc));
    }

    BigDecimal abs(MathContext mc) {
      return re.multiply(re, mc).add(im.multiply(im, mc), mc).sqrt(mc);
    }
  }
}
