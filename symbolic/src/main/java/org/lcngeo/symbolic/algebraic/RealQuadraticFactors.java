package org.lcngeo.symbolic.algebraic;

import edu.jas.arith.BigRational;
import edu.jas.poly.Complex;
import edu.jas.poly.ComplexRing;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.root.ComplexRootsSturm;
import edu.jas.root.InvalidBoundaryException;
import edu.jas.root.Rectangle;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * The real irreducible quadratic factors z^2 - s z + p of a polynomial over Q, one per pair of
 * complex conjugate roots c, conj(c): s = c + conj(c) = 2 Re(c) and p = c conj(c) = |c|^2 as exact
 * real algebraic numbers. Together with the real roots this is the factorisation over R that the
 * 1-D fibers need (Sec. 2.3: a layer polynomial is any real divisor of pi_1(v) of the right shape).
 *
 * <p>Exact throughout: the non-real roots are isolated in rational rectangles by JAS' {@link
 * ComplexRootsSturm} (winding numbers, no floating point); s is the root of Res_y(f(y), f(x - y))
 * (whose roots are the sums c_i + c_j) and p the root of Res_y(f(y), y^n f(x / y)) (the products
 * c_i c_j) singled out by the enclosures 2 Re and |.|^2 of a shrinking rectangle ({@link
 * RealAlgebraicNumber#identify}). Cost: the complex root isolation of f, and two resultants of
 * degree n^2 factored over Q (n = deg f).
 */
public final class RealQuadraticFactors {
  /** z^2 - sum z + product, irreducible over R. */
  public record Quadratic(RealAlgebraicNumber sum, RealAlgebraicNumber product) {}

  private RealQuadraticFactors() {}

  /**
   * One quadratic per conjugate pair of non-real roots of the squarefree f (rational coefficients,
   * lowest degree first).
   */
  public static List<Quadratic> of(List<BigFraction> f) {
    return of(f, true);
  }

  /** {@link #of(List)}, with the certified disks or (for tests) JAS' refinement alone. */
  static List<Quadratic> of(List<BigFraction> f, boolean certifiedDisks) {
    BigFraction[] p = Polynomials.trim(f.toArray(new BigFraction[0]));
    List<Quadratic> out = new ArrayList<>();
    int n = p.length - 1;
    int real = RealAlgebraicNumber.realRoots(f).size();
    if (n - real < 2) {
      return out;
    }
    if (n == 2) {
      BigFraction a = p[2];
      out.add(new Quadratic(RealAlgebraicNumber.of(p[1].negate().divide(a)),
          RealAlgebraicNumber.of(p[0].divide(a))));
      return out;
    }
    ComplexRing<BigRational> cr = new ComplexRing<>(BigRational.ONE);
    GenPolynomialRing<Complex<BigRational>> ring = new GenPolynomialRing<>(cr, 1);
    GenPolynomial<Complex<BigRational>> cp = ring.getZERO();
    for (int i = 0; i <= n; i++) {
      if (p[i].signum() != 0) {
        cp = cp.sum(new Complex<>(cr, Polynomials.rational(p[i])), ExpVector.create(1, 0, i));
      }
    }
    ComplexRootsSturm<BigRational> engine = new ComplexRootsSturm<>(cr);
    List<Rectangle<BigRational>> roots = new ArrayList<>(engine.complexRoots(cp));
    // refine until exactly n - real rectangles lie off the real axis
    BigRational eps = new BigRational(1, 4);
    while (true) {
      int off = 0;
      for (Rectangle<BigRational> r : roots) {
        if (offAxis(r) != 0) {
          off++;
        }
      }
      if (off == n - real) {
        break;
      }
      eps = eps.multiply(new BigRational(1, 16));
      for (int i = 0; i < roots.size(); i++) {
        if (offAxis(roots.get(i)) == 0) {
          roots.set(i, refine(engine, roots.get(i), cp, eps));
        }
      }
    }
    BigFraction[] sums = Polynomials.composedSum(p, p);
    BigFraction[] products = Polynomials.composedProduct(p, p);
    GenPolynomial<Complex<BigRational>> poly = cp;
    BigInteger[] integer = Polynomials.primitive(p);
    org.hipparchus.complex.Complex[] approximations =
        certifiedDisks ? doubleRoots(p) : new org.hipparchus.complex.Complex[0];
    for (Rectangle<BigRational> r0 : roots) {
      if (offAxis(r0) <= 0) {
        continue;
      }
      Rectangle<BigRational>[] box = box(r0);
      RationalInterval[] disk = {null, null};
      RealAlgebraicNumber s = RealAlgebraicNumber.identify(List.of(sums), round -> {
        enclose(engine, box, poly, round, integer, approximations, disk);
        return disk[0].multiply(new BigFraction(2));
      });
      RealAlgebraicNumber q = RealAlgebraicNumber.identify(List.of(products), round -> {
        enclose(engine, box, poly, round, integer, approximations, disk);
        return square(disk[0]).add(square(disk[1]));
      });
      out.add(new Quadratic(s, q));
    }
    return out;
  }

  /**
   * Encloses the root c of f in the isolating rectangle box[0] (real and imaginary parts into
   * disk[0], disk[1]), tighter with each round: first by a certified disk around a Newton
   * approximation with 64 * 2^round bits ({@link #certifiedDisk}); where that fails, by shrinking
   * the rectangle with JAS' complex root refinement.
   */
  private static void enclose(ComplexRootsSturm<BigRational> engine, Rectangle<BigRational>[] box,
      GenPolynomial<Complex<BigRational>> cp, int round, BigInteger[] f,
      org.hipparchus.complex.Complex[] approximations, RationalInterval[] disk) {
    RationalInterval[] d = round < 8 ? certifiedDisk(f, box[0], approximations, 64 << round) : null;
    if (d == null) {
      shrink(engine, box, cp, round);
      d = new RationalInterval[] {real(box[0]), imaginary(box[0])};
    }
    disk[0] = d[0];
    disk[1] = d[1];
  }

  /**
   * Enclosures of the real and imaginary parts of the root c of f (integer coefficients) in the
   * isolating rectangle r: Newton's iteration in Gaussian integers over 2^bits from the nearest
   * double approximation, then a certificate. Since f'(z)/f(z) = sum_i 1/(z - c_i), some root of
   * f lies within n |f(z) / f'(z)| of z; when the square around that disk lies in r, which holds
   * c and no other root, that root is c. Null when the certificate fails.
   */
  static RationalInterval[] certifiedDisk(BigInteger[] f, Rectangle<BigRational> r,
      org.hipparchus.complex.Complex[] approximations, int bits) {
    RationalInterval re = real(r);
    RationalInterval im = imaginary(r);
    double cx = re.lo().add(re.hi()).doubleValue() / 2;
    double cy = im.lo().add(im.hi()).doubleValue() / 2;
    org.hipparchus.complex.Complex start = null;
    for (org.hipparchus.complex.Complex z : approximations) {
      if (start == null || Math.hypot(z.getReal() - cx, z.getImaginary() - cy)
          < Math.hypot(start.getReal() - cx, start.getImaginary() - cy)) {
        start = z;
      }
    }
    if (start == null || !Double.isFinite(start.getReal()) || !Double.isFinite(start.getImaginary())) {
      return null;
    }
    int n = f.length - 1;
    BigInteger x = new java.math.BigDecimal(start.getReal())
        .multiply(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(bits))).toBigInteger();
    BigInteger y = new java.math.BigDecimal(start.getImaginary())
        .multiply(new java.math.BigDecimal(BigInteger.ONE.shiftLeft(bits))).toBigInteger();
    BigInteger[] pq = null;
    for (int it = 0; it < 2 * (32 - Integer.numberOfLeadingZeros(bits)) + 8; it++) {
      org.lcngeo.core.Deadline.checkCurrent();
      pq = valueAndDerivative(f, x, y, bits);
      BigInteger qq = pq[2].multiply(pq[2]).add(pq[3].multiply(pq[3]));
      if (qq.signum() == 0) {
        return null;
      }
      // z - f(z)/f'(z) = (x + iy)/2^b - (P / Q) / 2^b with P = f 2^(bn), Q = f' 2^(b(n-1))
      BigInteger stepRe = pq[0].multiply(pq[2]).add(pq[1].multiply(pq[3])).divide(qq);
      BigInteger stepIm = pq[1].multiply(pq[2]).subtract(pq[0].multiply(pq[3])).divide(qq);
      x = x.subtract(stepRe);
      y = y.subtract(stepIm);
      if (stepRe.abs().compareTo(BigInteger.ONE) <= 0 && stepIm.abs().compareTo(BigInteger.ONE) <= 0) {
        break;
      }
    }
    pq = valueAndDerivative(f, x, y, bits);
    BigInteger pp = pq[0].multiply(pq[0]).add(pq[1].multiply(pq[1]));
    BigInteger qq = pq[2].multiply(pq[2]).add(pq[3].multiply(pq[3]));
    if (qq.signum() == 0) {
      return null;
    }
    // radius n |P| / (|Q| 2^b) <= k / 2^(2b), k = isqrt(n^2 |P|^2 2^(2b) / |Q|^2) + 1
    BigInteger k = BigInteger.valueOf((long) n * n).multiply(pp).shiftLeft(2 * bits).divide(qq).sqrt()
        .add(BigInteger.ONE);
    BigInteger scale = BigInteger.ONE.shiftLeft(2 * bits);
    BigInteger xs = x.shiftLeft(bits);
    BigInteger ys = y.shiftLeft(bits);
    RationalInterval dre = new RationalInterval(new BigFraction(xs.subtract(k), scale), new BigFraction(xs.add(k), scale));
    RationalInterval dim = new RationalInterval(new BigFraction(ys.subtract(k), scale), new BigFraction(ys.add(k), scale));
    if (dre.lo().compareTo(re.lo()) < 0 || dre.hi().compareTo(re.hi()) > 0
        || dim.lo().compareTo(im.lo()) < 0 || dim.hi().compareTo(im.hi()) > 0) {
      return null;
    }
    return new RationalInterval[] {dre, dim};
  }

  /**
   * {P_re, P_im, Q_re, Q_im}: P = 2^(bn) f(z) and Q = 2^(b(n-1)) f'(z) at z = (x + iy) / 2^b,
   * Horner in Gaussian integers.
   */
  private static BigInteger[] valueAndDerivative(BigInteger[] f, BigInteger x, BigInteger y, int bits) {
    int n = f.length - 1;
    BigInteger pr = f[n];
    BigInteger pi = BigInteger.ZERO;
    BigInteger qr = BigInteger.ZERO;
    BigInteger qi = BigInteger.ZERO;
    for (int i = n - 1; i >= 0; i--) {
      // Q' = 2^(b(n-i)) q_i with q_i = q_(i+1) z + p_(i+1), P = 2^(b(n-i)) p_i, p_i = p_(i+1) z + a_i
      BigInteger nqr = qr.multiply(x).subtract(qi.multiply(y)).add(pr.shiftLeft(bits));
      BigInteger nqi = qr.multiply(y).add(qi.multiply(x)).add(pi.shiftLeft(bits));
      BigInteger npr = pr.multiply(x).subtract(pi.multiply(y)).add(f[i].shiftLeft(bits * (n - i)));
      BigInteger npi = pr.multiply(y).add(pi.multiply(x));
      qr = nqr;
      qi = nqi;
      pr = npr;
      pi = npi;
    }
    // Q' = 2^(bn) f'(z), every term of which has the factor 2^b: Q = Q' / 2^b exactly
    return new BigInteger[] {pr, pi, qr.shiftRight(bits), qi.shiftRight(bits)};
  }

  /** Double-precision approximations of all complex roots (starts for {@link #certifiedDisk}). */
  private static org.hipparchus.complex.Complex[] doubleRoots(BigFraction[] p) {
    int n = p.length - 1;
    double[] c = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      c[i] = p[i].doubleValue() / p[n].doubleValue();
    }
    try {
      return new org.hipparchus.analysis.solvers.LaguerreSolver(1e-14, 1e-14, 1e-14).solveAllComplex(c, 0);
    } catch (RuntimeException e) {
      return new org.hipparchus.complex.Complex[0];
    }
  }

  @SuppressWarnings("unchecked")
  private static Rectangle<BigRational>[] box(Rectangle<BigRational> r) {
    return new Rectangle[] {r};
  }

  private static void shrink(ComplexRootsSturm<BigRational> engine, Rectangle<BigRational>[] box,
      GenPolynomial<Complex<BigRational>> cp, int round) {
    if (round > 0) {
      BigRational w = box[0].rationalLength();
      box[0] = refine(engine, box[0], cp, w.multiply(new BigRational(1, 16)));
    }
  }

  private static Rectangle<BigRational> refine(ComplexRootsSturm<BigRational> engine,
      Rectangle<BigRational> r, GenPolynomial<Complex<BigRational>> cp, BigRational eps) {
    try {
      return engine.complexRootRefinement(r, cp, eps);
    } catch (InvalidBoundaryException e) {
      throw new IllegalStateException("complex root refinement failed on " + r, e);
    }
  }

  /** 1 if the rectangle lies above the real axis, -1 below, 0 if it meets it. */
  private static int offAxis(Rectangle<BigRational> r) {
    RationalInterval im = imaginary(r);
    return im.lo().signum() > 0 ? 1 : im.hi().signum() < 0 ? -1 : 0;
  }

  private static RationalInterval real(Rectangle<BigRational> r) {
    return interval(r.getSW().getRe(), r.getNE().getRe());
  }

  private static RationalInterval imaginary(Rectangle<BigRational> r) {
    return interval(r.getSW().getIm(), r.getNE().getIm());
  }

  private static RationalInterval interval(BigRational a, BigRational b) {
    BigFraction x = fraction(a);
    BigFraction y = fraction(b);
    return x.compareTo(y) <= 0 ? new RationalInterval(x, y) : new RationalInterval(y, x);
  }

  private static RationalInterval square(RationalInterval x) {
    BigFraction a = x.lo().multiply(x.lo());
    BigFraction b = x.hi().multiply(x.hi());
    BigFraction hi = RationalInterval.max(a, b);
    BigFraction lo = x.containsZero() ? BigFraction.ZERO : RationalInterval.min(a, b);
    return new RationalInterval(lo, hi);
  }

  private static BigFraction fraction(BigRational r) {
    return new BigFraction(r.numerator(), r.denominator());
  }
  /**
   * Candidates for the numbers of a split of f (rational coefficients, lowest degree first) over R
   * into its real roots r_i and quadratics z^2 - s_j z + p_j (in this order: the roots, then s_1,
   * p_1, s_2, p_2, ...), given the images in a number field of the numbers before index i: for the
   * last pair, s = -c_{n-1}/c_n - sum r_i - sum s_j and p = (-1)^m c_0 / (c_n prod r_i prod p_j)
   * over the others (m real roots), which lie in the field of the others; empty otherwise. For
   * {@link FieldExtensions#adjoin(NumberField, RealAlgebraicNumber, int, List)}, which checks a
   * candidate exactly before using it.
   */
  public static List<FieldElement> lastPairCandidates(
      List<BigFraction> f, int realRoots, int i, List<FieldElement> before) {
    int n = f.size() - 1;
    int last = realRoots + 2 * ((n - realRoots) / 2 - 1);
    if (n - realRoots < 2 || (i != last && i != last + 1) || before.size() < i || before.isEmpty()) {
      return List.of();
    }
    NumberField k = before.get(0).field();
    BigFraction lead = f.get(n);
    if (i == last) {
      FieldElement s = k.element(f.get(n - 1).divide(lead).negate());
      for (int r = 0; r < realRoots; r++) {
        s = s.subtract(before.get(r));
      }
      for (int r = realRoots; r < last; r += 2) {
        s = s.subtract(before.get(r));
      }
      return List.of(s);
    }
    FieldElement q = k.one();
    for (int r = 0; r < realRoots; r++) {
      q = q.multiply(before.get(r));
    }
    for (int r = realRoots + 1; r < last; r += 2) {
      q = q.multiply(before.get(r));
    }
    if (q.isZero()) {
      return List.of();
    }
    BigFraction c = f.get(0).divide(lead);
    return List.of(k.element(realRoots % 2 == 0 ? c : c.negate()).divide(q));
  }
}
