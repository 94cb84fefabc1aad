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
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * The real irreducible quadratic factors z^2 - s z + p of a polynomial over Q, one per pair of
 * complex conjugate roots c, conj(c): s = c + conj(c) = 2 Re(c) and p = c conj(c) = |c|^2 as exact
 * real algebraic numbers. Together with the real roots this is the factorisation over R that the
 * 1-D fibers need (Sec. 2.3: a layer polynomial is any real divisor of pi_1(v) of the right shape).
 *
 * <p>Exact throughout: the non-real roots are isolated in certified disks ({@link
 * WeierstrassInclusion}: floating point proposes the centres, exact radii decide), or, when those
 * do not separate them, in rational rectangles by JAS' {@link ComplexRootsSturm} (winding numbers,
 * no floating point); s is the root of Res_y(f(y), f(x - y))
 * (whose roots are the sums c_i + c_j) and p the root of Res_y(f(y), y^n f(x / y)) (the products
 * c_i c_j) singled out by the enclosures 2 Re and |.|^2 of a shrinking disk or rectangle ({@link
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
    List<Quadratic> byInclusion = byInclusion(p, (n - real) / 2);
    return byInclusion != null ? byInclusion : byWindingNumbers(p, real);
  }

  /**
   * The quadratics from JAS' complex root isolation by winding numbers (rectangles refined until
   * n - real of them lie off the real axis), in JAS' order of the roots.
   */
  static List<Quadratic> byWindingNumbers(BigFraction[] p, int real) {
    int n = p.length - 1;
    List<Quadratic> out = new ArrayList<>();
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
    for (Rectangle<BigRational> r0 : roots) {
      if (offAxis(r0) <= 0) {
        continue;
      }
      Rectangle<BigRational>[] box = box(r0);
      RealAlgebraicNumber s = RealAlgebraicNumber.identify(List.of(sums), round -> {
        shrink(engine, box, poly, round);
        RationalInterval re = real(box[0]);
        return re.multiply(new BigFraction(2));
      });
      RealAlgebraicNumber q = RealAlgebraicNumber.identify(List.of(products), round -> {
        shrink(engine, box, poly, round);
        RationalInterval re = real(box[0]);
        RationalInterval im = imaginary(box[0]);
        return square(re).add(square(im));
      });
      out.add(new Quadratic(s, q));
    }
    return out;
  }

  /** Thrown inside an enclosure when a tightened disk cannot be shown to hold the same root. */
  private static final class NotNested extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotNested() {
      super(null, null, false, false);
    }
  }

  /**
   * The quadratics from certified disks around the non-real roots ({@link WeierstrassInclusion}),
   * in the order of their roots by real part, then imaginary part; null when the disks do not
   * separate the roots or a tightened disk is not nested in the previous one (then the winding
   * numbers below decide).
   */
  static List<Quadratic> byInclusion(BigFraction[] p, int pairs) {
    WeierstrassInclusion w = WeierstrassInclusion.upperRoots(p, pairs);
    if (w == null) {
      return null;
    }
    List<Integer> upper = new ArrayList<>(w.upper());
    upper.sort(java.util.Comparator.<Integer, BigFraction>comparing(k -> w.real(k).lo())
        .thenComparing(k -> w.imaginary(k).lo()));
    BigFraction[] sums = Polynomials.composedSum(p, p);
    BigFraction[] products = Polynomials.composedProduct(p, p);
    List<Quadratic> out = new ArrayList<>();
    try {
      for (int k : upper) {
        // each root refined from the state where all disks were disjoint (so the roots are
        // distinct), every tightened disk nested in the one before (so it is the same root)
        WeierstrassInclusion forSum = w.copy();
        RealAlgebraicNumber s = RealAlgebraicNumber.identify(List.of(sums), round -> {
          tighten(forSum, k, round);
          return forSum.real(k).multiply(new BigFraction(2));
        });
        WeierstrassInclusion forProduct = w.copy();
        RealAlgebraicNumber q = RealAlgebraicNumber.identify(List.of(products), round -> {
          tighten(forProduct, k, round);
          return square(forProduct.real(k)).add(square(forProduct.imaginary(k)));
        });
        out.add(new Quadratic(s, q));
      }
    } catch (NotNested e) {
      return null;
    }
    return out;
  }

  private static void tighten(WeierstrassInclusion w, int k, int round) {
    if (round > 0 && !w.tighten(k)) {
      throw new NotNested();
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
