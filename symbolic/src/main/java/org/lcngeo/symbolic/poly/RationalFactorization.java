package org.lcngeo.symbolic.poly;

import edu.jas.arith.BigInteger;
import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.PolyUtil;
import edu.jas.ufd.FactorAbstract;
import edu.jas.ufd.FactorFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.lcngeo.core.InvalidInputException;

/**
 * A factorisation over Q, certified: p = unit * prod f_i^{e_i} with every f_i irreducible over Q,
 * primitive with integer coefficients and a positive leading coefficient.
 *
 * <p>We factor with JAS directly ({@link FactorFactory} over {@link BigInteger}) on the
 * dehomogenised polynomial (the homogeneous forms are far slower, see {@link LayerPolynomials}).
 * JAS's multivariate factoring is randomised (Hensel lifting with random evaluation points), so
 * the result is never trusted: the factors are multiplied back and compared with the input
 * exactly, and the computation is repeated on a mismatch. Irreducibility of each factor is what
 * JAS's algorithms (Zassenhaus / Wang) establish; the product check guards their output.
 */
public final class RationalFactorization {
  /** Largest degree in one variable that we factor. */
  public static final int MAX_DEGREE = 200;
  /** Largest number of terms of a multivariate polynomial that we factor. */
  public static final int MAX_TERMS = 2_000;
  private static final int ATTEMPTS = 5;

  /** One Q-irreducible factor with its multiplicity. */
  public record Factor(GenPolynomial<BigRational> polynomial, long multiplicity) {}

  private final GenPolynomial<BigRational> input;
  private final BigRational unit;
  private final List<Factor> factors;

  private RationalFactorization(
      GenPolynomial<BigRational> input, BigRational unit, List<Factor> factors) {
    this.input = input;
    this.unit = unit;
    this.factors = List.copyOf(factors);
  }

  /**
   * Factors a non-zero polynomial over Q.
   *
   * @throws InvalidInputException when p is zero or beyond {@link #MAX_DEGREE} / {@link
   *     #MAX_TERMS}
   * @throws IllegalStateException when JAS fails the product check {@value #ATTEMPTS} times
   */
  public static RationalFactorization of(GenPolynomial<BigRational> p) {
    if (p.isZERO()) {
      throw new InvalidInputException("cannot factor the zero polynomial");
    }
    GenPolynomialRing<BigRational> ring = p.ring;
    int variables = 0;
    for (int m = 0; m < ring.nvar; m++) {
      long d = LayerPolynomials.degree(p, m);
      if (d > MAX_DEGREE) {
        throw new InvalidInputException(
            "the polynomial to factor has degree " + d + " in one variable, more than the bound of "
                + MAX_DEGREE);
      }
      if (d > 0) {
        variables++;
      }
    }
    if (variables > 1 && p.length() > MAX_TERMS) {
      throw new InvalidInputException(
          "the polynomial to factor has " + p.length() + " terms, more than the bound of "
              + MAX_TERMS + " for multivariate factoring");
    }
    GenPolynomialRing<BigInteger> iring = new GenPolynomialRing<>(BigInteger.ONE, ring);
    GenPolynomial<BigInteger> ip = PolyUtil.integerFromRationalCoefficients(iring, p);
    BigRational scale = p.leadingBaseCoefficient().divide(toRational(ip.leadingBaseCoefficient()));
    FactorAbstract<BigInteger> engine = FactorFactory.getImplementation(BigInteger.ONE);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SortedMap<GenPolynomial<BigInteger>, Long> map = engine.factors(ip);
      BigRational unit = scale;
      List<Factor> out = new ArrayList<>();
      for (Map.Entry<GenPolynomial<BigInteger>, Long> e : map.entrySet()) {
        GenPolynomial<BigInteger> f = e.getKey();
        if (f.isConstant()) {
          unit = unit.multiply(toRational(f.leadingBaseCoefficient()).power(e.getValue()));
          continue;
        }
        if (f.signum() < 0) {
          f = f.negate();
          if (e.getValue() % 2 == 1) {
            unit = unit.negate();
          }
        }
        out.add(new Factor(PolyUtil.fromIntegerCoefficients(ring, f), e.getValue()));
      }
      out.sort(ORDER);
      RationalFactorization r = new RationalFactorization(p, unit, out);
      if (r.product().equals(p)) {
        return r;
      }
    }
    throw new IllegalStateException(
        "factoring over Q failed the product check " + ATTEMPTS + " times for " + p);
  }

  /** By total degree, then by JAS's polynomial order: a deterministic order of the factors. */
  private static final Comparator<Factor> ORDER =
      Comparator.comparingLong((Factor f) -> f.polynomial().totalDegree())
          .thenComparing(Factor::polynomial);

  private static BigRational toRational(BigInteger i) {
    return new BigRational(i.getVal());
  }

  public GenPolynomial<BigRational> input() {
    return input;
  }

  /** The rational constant in front. */
  public BigRational unit() {
    return unit;
  }

  /** The Q-irreducible factors, ordered by total degree, each with its multiplicity. */
  public List<Factor> factors() {
    return factors;
  }

  /** unit * prod f_i^{e_i}, recomputed. */
  public GenPolynomial<BigRational> product() {
    GenPolynomial<BigRational> q = input.ring.getONE().multiply(unit);
    for (Factor f : factors) {
      q = q.multiply(f.polynomial().power(f.multiplicity()));
    }
    return q;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(unit.toString());
    for (Factor f : factors) {
      b.append(" * (").append(f.polynomial()).append(')');
      if (f.multiplicity() > 1) {
        b.append('^').append(f.multiplicity());
      }
    }
    return b.toString();
  }
}
