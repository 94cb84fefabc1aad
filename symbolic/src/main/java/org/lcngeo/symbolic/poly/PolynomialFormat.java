package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.Monomial;

/**
 * Prints polynomials over Q in Symja input syntax ({@code 2*z0^2 - z0*z1 + 1/2}), terms from the
 * highest total degree down; the variable names are the ring's.
 */
public final class PolynomialFormat {
  private PolynomialFormat() {}

  public static String format(GenPolynomial<BigRational> p) {
    if (p.isZERO()) {
      return "0";
    }
    String[] vars = p.ring.getVars();
    int n = p.ring.nvar;
    java.util.List<Monomial<BigRational>> terms = new java.util.ArrayList<>();
    p.forEach(terms::add);
    terms.sort(
        java.util.Comparator.comparingLong((Monomial<BigRational> m) -> -m.e.totalDeg())
            .thenComparing(m -> m.e, (x, y) -> -x.invLexCompareTo(y)));
    StringBuilder b = new StringBuilder();
    for (Monomial<BigRational> mono : terms) {
      BigRational c = mono.c;
      boolean negative = c.signum() < 0;
      BigRational abs = c.abs();
      if (b.length() == 0) {
        b.append(negative ? "-" : "");
      } else {
        b.append(negative ? " - " : " + ");
      }
      StringBuilder mon = new StringBuilder();
      for (int i = n - 1; i >= 0; i--) {
        long e = mono.e.getVal(i);
        if (e == 0) {
          continue;
        }
        if (mon.length() > 0) {
          mon.append('*');
        }
        mon.append(vars[n - 1 - i]);
        if (e > 1) {
          mon.append('^').append(e);
        }
      }
      boolean one = abs.isONE();
      if (mon.length() == 0) {
        b.append(rational(abs));
      } else if (one) {
        b.append(mon);
      } else {
        b.append(rational(abs)).append('*').append(mon);
      }
    }
    return b.toString();
  }

  private static String rational(BigRational q) {
    return q.denominator().equals(java.math.BigInteger.ONE)
        ? q.numerator().toString()
        : q.numerator() + "/" + q.denominator();
  }
}
