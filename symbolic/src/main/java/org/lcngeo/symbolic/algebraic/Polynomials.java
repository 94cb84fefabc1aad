package org.lcngeo.symbolic.algebraic;

import edu.jas.arith.BigRational;
import edu.jas.poly.ExpVector;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.Monomial;
import edu.jas.poly.TermOrder;
import edu.jas.root.Interval;
import edu.jas.root.RealRootsSturm;
import cc.redberry.rings.poly.PolynomialFactorDecomposition;
import cc.redberry.rings.poly.univar.UnivariatePolynomial;
import edu.jas.ufd.GreatestCommonDivisorSubres;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.hipparchus.fraction.BigFraction;

/**
 * Dense univariate polynomials over Q (coefficient arrays, lowest degree first) and the bridge to
 * JAS for what must not be written from scratch: factoring over Q ({@code edu.jas.ufd}), Sturm
 * sequences ({@code edu.jas.root.RealRootsSturm}) and subresultants ({@code
 * edu.jas.ufd.GreatestCommonDivisorSubres}). The cheap substitutions (shift, scaling, reversal,
 * x to x^2) and exact sign evaluation at rationals are done here on integer coefficients.
 */
final class Polynomials {
  /** Q[x], the univariate ring all JAS computations of this package live in. */
  static final GenPolynomialRing<BigRational> QX =
      new GenPolynomialRing<>(new BigRational(), 1, new TermOrder(TermOrder.INVLEX), new String[] {"x"});

  private static final GenPolynomialRing<GenPolynomial<BigRational>> QX_Y =
      new GenPolynomialRing<>(QX, 1, new TermOrder(TermOrder.INVLEX), new String[] {"y"});

  private static final int FACTOR_ATTEMPTS = 3;

  private Polynomials() {}

  // ------------------------------------------------------------------ dense helpers

  /** Removes trailing zero coefficients; the zero polynomial is the empty array. */
  static BigFraction[] trim(BigFraction[] p) {
    int n = p.length;
    while (n > 0 && p[n - 1].getNumerator().signum() == 0) {
      n--;
    }
    return n == p.length ? p : Arrays.copyOf(p, n);
  }

  /** p / lc(p). */
  static BigFraction[] monic(BigFraction[] p) {
    BigFraction lc = p[p.length - 1];
    BigFraction[] m = new BigFraction[p.length];
    for (int i = 0; i < p.length; i++) {
      m[i] = p[i].divide(lc);
    }
    return m;
  }

  /** Primitive integer multiple of p with positive leading coefficient. */
  static BigInteger[] primitive(BigFraction[] p) {
    BigInteger lcm = BigInteger.ONE;
    for (BigFraction c : p) {
      BigInteger d = c.getDenominator();
      lcm = lcm.divide(lcm.gcd(d)).multiply(d);
    }
    BigInteger[] a = new BigInteger[p.length];
    BigInteger g = BigInteger.ZERO;
    for (int i = 0; i < p.length; i++) {
      a[i] = p[i].getNumerator().multiply(lcm.divide(p[i].getDenominator()));
      g = g.gcd(a[i]);
    }
    if (p[p.length - 1].signum() < 0) {
      g = g.negate();
    }
    for (int i = 0; i < a.length; i++) {
      a[i] = a[i].divide(g);
    }
    return a;
  }

  /** Sign of p(r) for integer coefficients a (lowest first), computed exactly. */
  static int signAt(BigInteger[] a, BigFraction r) {
    BigInteger u = r.getNumerator();
    BigInteger v = r.getDenominator();
    // sum a_i u^i v^(n-i), Horner in u with powers of v: v > 0 keeps the sign.
    int n = a.length - 1;
    BigInteger s = a[n];
    BigInteger vp = BigInteger.ONE;
    for (int i = n - 1; i >= 0; i--) {
      vp = vp.multiply(v);
      s = s.multiply(u).add(a[i].multiply(vp));
    }
    return s.signum();
  }

  /** p(-x). */
  static BigFraction[] reflect(BigFraction[] p) {
    BigFraction[] q = p.clone();
    for (int i = 1; i < q.length; i += 2) {
      q[i] = q[i].negate();
    }
    return q;
  }

  /** p(x - c), whose roots are those of p shifted by c. */
  static BigFraction[] shift(BigFraction[] p, BigFraction c) {
    // Horner with the linear polynomial (x - c).
    BigFraction[] acc = new BigFraction[] {};
    for (int i = p.length - 1; i >= 0; i--) {
      BigFraction[] next = new BigFraction[acc.length + 1];
      Arrays.fill(next, BigFraction.ZERO);
      for (int j = 0; j < acc.length; j++) {
        next[j + 1] = next[j + 1].add(acc[j]);
        next[j] = next[j].subtract(acc[j].multiply(c));
      }
      next[0] = next[0].add(p[i]);
      acc = next;
    }
    return trim(acc);
  }

  /** x^n p(x / c) for c != 0, whose roots are those of p times c. */
  static BigFraction[] scaleRoots(BigFraction[] p, BigFraction c) {
    int n = p.length - 1;
    BigFraction[] q = new BigFraction[p.length];
    BigFraction cp = BigFraction.ONE;
    for (int i = n; i >= 0; i--) {
      q[i] = p[i].multiply(cp);
      cp = cp.multiply(c);
    }
    return q;
  }

  /** x^n p(1/x), whose roots are the inverses of those of p (p(0) != 0). */
  static BigFraction[] reverse(BigFraction[] p) {
    BigFraction[] q = new BigFraction[p.length];
    for (int i = 0; i < p.length; i++) {
      q[i] = p[p.length - 1 - i];
    }
    return trim(q);
  }

  /** p(x^2), whose roots are the square roots of those of p. */
  static BigFraction[] squareArgument(BigFraction[] p) {
    BigFraction[] q = new BigFraction[2 * p.length - 1];
    Arrays.fill(q, BigFraction.ZERO);
    for (int i = 0; i < p.length; i++) {
      q[2 * i] = p[i];
    }
    return q;
  }

  /**
   * Descartes' bound on the number of roots of f in the open interval (a, b), a < b: the sign
   * variations of (1 + z)^n f((a + b z) / (1 + z)). It is at least the number of roots and has its
   * parity, so a bound of 0 or 1 is exact; it drops to 0 or 1 once (a, b) is small compared with
   * the distance to the other roots (the one- and two-circle theorems). Cheap enough to run in
   * every refinement round, where a Sturm sequence of a large resultant factor is not.
   */
  static int descartesBound(BigFraction[] f, BigFraction a, BigFraction b) {
    // in integers: with a = an/d, b - a = wn/d and f = F/e (F integer), the polynomial
    // d^n F((an + wn y)/d) has the sign pattern of f(a + (b - a) y); then the reversal and the
    // Taylor shift by 1 need additions only
    int n = f.length - 1;
    java.math.BigInteger e = java.math.BigInteger.ONE;
    for (BigFraction c : f) {
      java.math.BigInteger q = c.getDenominator();
      e = e.divide(e.gcd(q)).multiply(q);
    }
    BigFraction w = b.subtract(a);
    java.math.BigInteger d = a.getDenominator().divide(a.getDenominator().gcd(w.getDenominator()))
        .multiply(w.getDenominator());
    java.math.BigInteger an = a.getNumerator().multiply(d.divide(a.getDenominator()));
    java.math.BigInteger wn = w.getNumerator().multiply(d.divide(w.getDenominator()));
    java.math.BigInteger[] acc = new java.math.BigInteger[n + 1];
    java.util.Arrays.fill(acc, java.math.BigInteger.ZERO);
    acc[0] = integer(f[n], e);
    java.math.BigInteger dPower = java.math.BigInteger.ONE;
    for (int i = n - 1; i >= 0; i--) {
      dPower = dPower.multiply(d);
      int deg = n - 1 - i; // degree of acc before the step
      for (int j = deg + 1; j >= 1; j--) {
        acc[j] = acc[j].multiply(an).add(acc[j - 1].multiply(wn));
      }
      acc[0] = acc[0].multiply(an).add(integer(f[i], e).multiply(dPower));
    }
    // reversed: y^n h(1/y), then shift y -> 1 + z
    java.math.BigInteger[] t = new java.math.BigInteger[n + 1];
    for (int i = 0; i <= n; i++) {
      t[i] = acc[n - i];
    }
    for (int i = 0; i < n; i++) {
      for (int j = n - 1; j >= i; j--) {
        t[j] = t[j].add(t[j + 1]);
      }
    }
    int variations = 0;
    int last = 0;
    for (java.math.BigInteger c : t) {
      int sg = c.signum();
      if (sg != 0) {
        if (last != 0 && sg != last) {
          variations++;
        }
        last = sg;
      }
    }
    return variations;
  }

  /** c * e as an integer, where e is a multiple of c's denominator. */
  private static java.math.BigInteger integer(BigFraction c, java.math.BigInteger e) {
    return c.getNumerator().multiply(e.divide(c.getDenominator()));
  }

  // ------------------------------------------------------------------ JAS bridge

  static GenPolynomial<BigRational> toJas(BigFraction[] p) {
    GenPolynomial<BigRational> s = QX.getZERO();
    for (int i = 0; i < p.length; i++) {
      if (p[i].getNumerator().signum() != 0) {
        s = s.sum(rational(p[i]), ExpVector.create(1, 0, i));
      }
    }
    return s;
  }

  static BigFraction[] fromJas(GenPolynomial<BigRational> p) {
    if (p.isZERO()) {
      return new BigFraction[0];
    }
    int n = (int) p.degree(0);
    BigFraction[] a = new BigFraction[n + 1];
    Arrays.fill(a, BigFraction.ZERO);
    for (Monomial<BigRational> m : p) {
      BigRational c = m.coefficient();
      a[(int) m.exponent().getVal(0)] = new BigFraction(c.numerator(), c.denominator());
    }
    return a;
  }

  /**
   * The distinct monic irreducible factors over Q of a non-constant p, by Zassenhaus' factoring
   * over Z with Rings' modular factoring and Hensel lifting, which on the degree-16 to 128 norms and
   * composed sums of the rescaling is one to two orders of magnitude faster than JAS's (see the
   * README's design notes), and a recombination that stops at the running command's deadline and at
   * a designed bound ({@link Zassenhaus}). The factors are checked by multiplying them back; a
   * failed check is retried and then reported as an internal error.
   *
   * @throws Zassenhaus.RecombinationBoundExceeded beyond the recombination bound
   */
  static List<BigFraction[]> irreducibleFactors(BigFraction[] p) {
    if (p.length < 2) {
      throw new IllegalArgumentException("a constant polynomial has no roots");
    }
    if (p.length == 2) {
      return Collections.singletonList(monic(p));
    }
    UnivariatePolynomial<cc.redberry.rings.bigint.BigInteger> ip = integer(p);
    for (int attempt = 0; attempt < FACTOR_ATTEMPTS; attempt++) {
      org.lcngeo.core.Deadline.checkCurrent();
      PolynomialFactorDecomposition<UnivariatePolynomial<cc.redberry.rings.bigint.BigInteger>> f =
          Zassenhaus.factor(ip);
      if (f.multiply().equals(ip)) {
        List<BigFraction[]> out = new ArrayList<>();
        for (UnivariatePolynomial<cc.redberry.rings.bigint.BigInteger> g : f.factors) {
          if (!g.isConstant()) {
            BigFraction[] c = new BigFraction[g.degree() + 1];
            for (int i = 0; i <= g.degree(); i++) {
              c[i] = new BigFraction(new BigInteger(g.get(i).toByteArray()));
            }
            out.add(monic(c));
          }
        }
        return out;
      }
    }
    throw new IllegalStateException("the factorization of " + Arrays.toString(p) + " failed its check");
  }

  /** Whether the non-constant p has no repeated factor: gcd(p, p') = 1 over Q (Rings, over Z). */
  static boolean isSquarefree(BigFraction[] p) {
    return cc.redberry.rings.poly.univar.UnivariateSquareFreeFactorization.isSquareFree(integer(p));
  }

  /** The squarefree part of the non-constant p (the product of its distinct irreducible factors), monic (Rings, over Z). */
  static BigFraction[] squarefreePart(BigFraction[] p) {
    UnivariatePolynomial<cc.redberry.rings.bigint.BigInteger> g =
        cc.redberry.rings.poly.univar.UnivariateSquareFreeFactorization.SquareFreePart(integer(p));
    BigFraction[] c = new BigFraction[g.degree() + 1];
    for (int i = 0; i <= g.degree(); i++) {
      c[i] = new BigFraction(new BigInteger(g.get(i).toByteArray()));
    }
    return monic(c);
  }

  /** The primitive integer multiple of p as a Rings polynomial over Z. */
  private static UnivariatePolynomial<cc.redberry.rings.bigint.BigInteger> integer(BigFraction[] p) {
    BigInteger[] a = primitive(p);
    cc.redberry.rings.bigint.BigInteger[] z = new cc.redberry.rings.bigint.BigInteger[a.length];
    for (int i = 0; i < a.length; i++) {
      z[i] = new cc.redberry.rings.bigint.BigInteger(a[i]);
    }
    return UnivariatePolynomial.create(cc.redberry.rings.Rings.Z, z);
  }

  /** The Sturm sequence of an irreducible (hence squarefree) p, for root counting. */
  static List<GenPolynomial<BigRational>> sturmSequence(BigFraction[] p) {
    return new RealRootsSturm<BigRational>().sturmSequence(toJas(p));
  }

  /**
   * The Sturm sequence of a squarefree p in primitive integer polynomials (lowest degree first):
   * p, p', and then minus the pseudo-remainders, each made positive multiples of the true
   * remainders (the pseudo-division's factor lc^m has its sign removed) and divided by their
   * contents. Integer arithmetic only, so the coefficients stay those of a primitive remainder
   * sequence instead of growing as fractions.
   */
  static List<BigInteger[]> integerSturmSequence(BigFraction[] p) {
    List<BigInteger[]> seq = new ArrayList<>();
    BigInteger[] a = primitive(p);
    BigInteger[] b = new BigInteger[a.length - 1];
    for (int i = 1; i < a.length; i++) {
      b[i - 1] = a[i].multiply(BigInteger.valueOf(i));
    }
    b = primitivePart(b);
    seq.add(a);
    seq.add(b);
    while (b.length > 1) {
      org.lcngeo.core.Deadline.checkCurrent();
      BigInteger[] r = a.clone();
      int rd = r.length - 1;
      int bd = b.length - 1;
      BigInteger lb = b[bd];
      int m = 0;
      while (rd >= bd) {
        BigInteger lr = r[rd];
        for (int i = 0; i <= rd; i++) {
          r[i] = r[i].multiply(lb);
        }
        for (int i = 0; i <= bd; i++) {
          r[rd - bd + i] = r[rd - bd + i].subtract(lr.multiply(b[i]));
        }
        m++;
        rd--;
        while (rd >= 0 && r[rd].signum() == 0) {
          rd--;
        }
      }
      if (rd < 0) {
        break; // p not squarefree: the sequence ends at the gcd
      }
      BigInteger[] next = Arrays.copyOf(r, rd + 1);
      boolean flip = !(lb.signum() < 0 && m % 2 == 1); // -rem, with the factor lb^m made positive
      if (flip) {
        for (int i = 0; i < next.length; i++) {
          next[i] = next[i].negate();
        }
      }
      next = primitivePart(next);
      seq.add(next);
      a = b;
      b = next;
    }
    return seq;
  }

  /** p divided by the positive gcd of its coefficients (sign kept). */
  private static BigInteger[] primitivePart(BigInteger[] p) {
    BigInteger g = BigInteger.ZERO;
    for (BigInteger c : p) {
      g = g.gcd(c);
    }
    if (g.signum() == 0 || g.equals(BigInteger.ONE)) {
      return p;
    }
    BigInteger[] q = new BigInteger[p.length];
    for (int i = 0; i < p.length; i++) {
      q[i] = p[i].divide(g);
    }
    return q;
  }

  /**
   * Number of distinct real roots in (lo, hi) of the squarefree polynomial whose integer Sturm
   * sequence is given, where neither end point is a root; null end points are -infinity and
   * +infinity.
   */
  static long sturmCount(List<BigInteger[]> sturm, BigFraction lo, BigFraction hi) {
    return variations(sturm, lo, -1) - variations(sturm, hi, 1);
  }

  /** Sign variations of the sequence at x (at -infinity or +infinity when x is null, by side). */
  private static int variations(List<BigInteger[]> sturm, BigFraction x, int side) {
    int count = 0;
    int last = 0;
    for (BigInteger[] s : sturm) {
      int sg;
      if (x == null) {
        int deg = s.length - 1;
        sg = s[deg].signum() * (side < 0 && deg % 2 == 1 ? -1 : 1);
      } else {
        sg = signAt(s, x);
      }
      if (sg != 0) {
        if (last != 0 && sg != last) {
          count++;
        }
        last = sg;
      }
    }
    return count;
  }

  /**
   * Number of distinct real roots in (lo, hi) of the polynomial whose Sturm sequence is given,
   * where neither lo nor hi is a root.
   */
  static long rootCount(List<GenPolynomial<BigRational>> sturm, BigFraction lo, BigFraction hi) {
    Interval<BigRational> iv = new Interval<>(rational(lo), rational(hi));
    return new RealRootsSturm<BigRational>().realRootCount(iv, sturm);
  }

  static BigRational rational(BigFraction q) {
    return new BigRational(
        new edu.jas.arith.BigInteger(q.getNumerator()),
        new edu.jas.arith.BigInteger(q.getDenominator()));
  }

  /** The polynomial of degree below xs.length through the points (xs[j], ys[j]) (Newton's form). */
  static BigFraction[] interpolate(BigFraction[] xs, BigFraction[] ys) {
    int n = xs.length;
    BigFraction[] d = ys.clone();
    for (int level = 1; level < n; level++) {
      for (int j = n - 1; j >= level; j--) {
        d[j] = d[j].subtract(d[j - 1]).divide(xs[j].subtract(xs[j - level]));
      }
    }
    BigFraction[] c = new BigFraction[n];
    Arrays.fill(c, BigFraction.ZERO);
    for (int j = n - 1; j >= 0; j--) {
      // c = c * (x - xs[j]) + d[j]
      for (int i = n - 1; i >= 1; i--) {
        c[i] = c[i - 1].subtract(c[i].multiply(xs[j]));
      }
      c[0] = d[j].subtract(c[0].multiply(xs[j]));
    }
    return trim(c);
  }

  /** The power sums p_0 .. p_{count-1} of the roots of a monic polynomial (Newton's identities). */
  static BigFraction[] powerSums(BigFraction[] monic, int count) {
    int n = monic.length - 1;
    BigFraction[] ps = new BigFraction[count];
    ps[0] = new BigFraction(n);
    for (int r = 1; r < count; r++) {
      BigFraction v = r <= n ? monic[n - r].multiply(-r) : BigFraction.ZERO;
      for (int i = 1; i <= Math.min(r - 1, n); i++) {
        v = v.subtract(monic[n - i].multiply(ps[r - i]));
      }
      ps[r] = v;
    }
    return ps;
  }

  /** Res_y(p(y), q(x - y)): its roots are the sums of a root of p and a root of q. */
  static BigFraction[] composedSum(BigFraction[] p, BigFraction[] q) {
    GenPolynomial<GenPolynomial<BigRational>> py = inY(p);
    GenPolynomial<GenPolynomial<BigRational>> xMinusY =
        QX_Y.getONE().multiply(QX.univariate(0)).subtract(QX_Y.univariate(0));
    GenPolynomial<GenPolynomial<BigRational>> qs = QX_Y.getZERO();
    GenPolynomial<GenPolynomial<BigRational>> pow = QX_Y.getONE();
    for (BigFraction c : q) {
      qs = qs.sum(pow.multiply(QX.getONE().multiply(rational(c))));
      pow = pow.multiply(xMinusY);
    }
    return resultantY(py, qs);
  }

  /** Res_y(p(y), y^m q(x / y)): its roots are the products of a root of p and a root of q. */
  static BigFraction[] composedProduct(BigFraction[] p, BigFraction[] q) {
    int m = q.length - 1;
    GenPolynomial<GenPolynomial<BigRational>> qs = QX_Y.getZERO();
    for (int j = 0; j <= m; j++) {
      if (q[j].getNumerator().signum() != 0) {
        GenPolynomial<BigRational> coeff = QX.univariate(0, j).multiply(rational(q[j]));
        qs = qs.sum(coeff, ExpVector.create(1, 0, m - j));
      }
    }
    return resultantY(inY(p), qs);
  }

  private static GenPolynomial<GenPolynomial<BigRational>> inY(BigFraction[] p) {
    GenPolynomial<GenPolynomial<BigRational>> s = QX_Y.getZERO();
    for (int i = 0; i < p.length; i++) {
      if (p[i].getNumerator().signum() != 0) {
        s = s.sum(QX.getONE().multiply(rational(p[i])), ExpVector.create(1, 0, i));
      }
    }
    return s;
  }

  private static BigFraction[] resultantY(
      GenPolynomial<GenPolynomial<BigRational>> a, GenPolynomial<GenPolynomial<BigRational>> b) {
    GenPolynomial<GenPolynomial<BigRational>> r =
        new GreatestCommonDivisorSubres<BigRational>().recursiveUnivariateResultant(a, b);
    if (r.isZERO() || r.degree(0) != 0) {
      throw new IllegalStateException("resultant is not a polynomial in x alone: " + r);
    }
    Iterator<GenPolynomial<BigRational>> it = r.coefficientIterator();
    return trim(fromJas(it.next()));
  }
}
