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
import org.lcngeo.core.LimitExceededException;

/**
 * A factorisation over Q, certified: p = unit * prod f_i^{e_i} with every f_i irreducible over Q,
 * primitive with integer coefficients and a positive leading coefficient.
 *
 * <p>Polynomials in two variables (2-D networks) go through {@link BivariateFactorization}, whose
 * exhaustive recombination proves each factor irreducible. Otherwise we factor with JAS directly
 * ({@link FactorFactory} over {@link BigInteger}) on the
 * dehomogenised polynomial (the homogeneous forms are far slower, see {@link LayerPolynomials}).
 * JAS's multivariate factoring is randomised (Hensel lifting with random evaluation points), so
 * the result is never trusted: the factors are multiplied back and compared with the input
 * exactly, and the computation is repeated on a mismatch. Irreducibility of each factor is what
 * JAS's algorithms (Zassenhaus / Wang) establish; the product check guards their output.
 */
public final class RationalFactorization {
  /** Largest degree in one variable that we factor. */
  public static final int MAX_DEGREE = 200;
  /** Largest number of terms of a polynomial in three or more variables that we factor. */
  public static final int MAX_TERMS = 400;

  /**
   * Bound on the dense size prod_m (deg_m + 1) of a polynomial in three or more variables: beyond
   * it JAS's multivariate factoring (Kronecker substitution and Hensel lifting) can run for minutes,
   * so such targets get a clear error instead.
   */
  public static final int MAX_DENSE_SIZE = 120;

  /**
   * Bound on the dense size of a polynomial in two variables ({@link BivariateFactorization}): at
   * bidegree (24, 24), 625 monomials, a product of two or three random factors takes 0.8-2.2 s
   * (mostly the growth of the rational coefficients in the Hensel lifting). W3 (bidegree (5,5))
   * has 36 and takes about 2 ms.
   */
  public static final int MAX_BIVARIATE_DENSE_SIZE = 625;
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
   * @throws InvalidInputException when p is zero or beyond {@link #MAX_DEGREE}, {@link
   *     #MAX_TERMS} or {@link #MAX_DENSE_SIZE}
   * @throws IllegalStateException when JAS fails the product check {@value #ATTEMPTS} times
   */
  public static RationalFactorization of(GenPolynomial<BigRational> p) {
    return factor(p, true);
  }

  private static RationalFactorization factor(GenPolynomial<BigRational> p, boolean refine) {
    org.lcngeo.core.Deadline.checkCurrent();
    if (p.isZERO()) {
      throw new InvalidInputException("cannot factor the zero polynomial");
    }
    GenPolynomialRing<BigRational> ring = p.ring;
    int variables = 0;
    long dense = 1;
    for (int m = 0; m < ring.nvar; m++) {
      long d = LayerPolynomials.degree(p, m);
      dense *= d + 1;
      if (d > MAX_DEGREE) {
        throw new LimitExceededException(
            "the polynomial to factor has degree " + d + " in one variable, more than the bound of "
                + MAX_DEGREE);
      }
      if (d > 0) {
        variables++;
      }
    }
    int bound = variables == 2 ? MAX_BIVARIATE_DENSE_SIZE : MAX_DENSE_SIZE;
    if (variables > 1 && dense > bound) {
      throw new LimitExceededException(
          "the polynomial to factor has a dense size of " + dense + " monomials (the product of"
              + " its degrees plus one), more than the bound of " + bound + " for "
              + (variables == 2 ? "bivariate" : "multivariate") + " factoring");
    }
    if (variables > 2 && p.length() > MAX_TERMS) {
      throw new LimitExceededException(
          "the polynomial to factor has " + p.length() + " terms, more than the bound of "
              + MAX_TERMS + " for multivariate factoring");
    }
    if (variables == 2) {
      int[] used = new int[2];
      int u = 0;
      for (int m = 0; m < ring.nvar; m++) {
        if (LayerPolynomials.degree(p, m) > 0) {
          used[u++] = m;
        }
      }
      boolean lowerFirst = LayerPolynomials.degree(p, used[0]) <= LayerPolynomials.degree(p, used[1]);
      int x = lowerFirst ? used[0] : used[1];
      int y = lowerFirst ? used[1] : used[0];
      List<Factor> proven = new ArrayList<>();
      BivariateFactorization.factors(p, x, y).forEach((f, e) -> proven.add(new Factor(f, e)));
      return assemble(p, proven);
    }
    GenPolynomialRing<BigInteger> iring = new GenPolynomialRing<>(BigInteger.ONE, ring);
    GenPolynomial<BigInteger> ip = PolyUtil.integerFromRationalCoefficients(iring, p);
    BigRational scale = p.leadingBaseCoefficient().divide(toRational(ip.leadingBaseCoefficient()));
    FactorAbstract<BigInteger> engine = FactorFactory.getImplementation(BigInteger.ONE);
    ArithmeticException kronecker = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SortedMap<GenPolynomial<BigInteger>, Long> map;
      try {
        map = engine.factors(ip);
      } catch (ArithmeticException e) {
        // JAS's multivariate factoring gives up when its Kronecker substitution degree exceeds
        // JASConfig's bound; its choices are randomized, so try again before refusing
        kronecker = e;
        continue;
      }
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
        return variables > 1 && refine ? refine(r) : r;
      }
    }
    if (kronecker != null) {
      throw new LimitExceededException(
          "multivariate factoring of a polynomial with " + p.length() + " terms exceeded JAS's"
              + " Kronecker substitution bound (" + kronecker.getMessage() + ")");
    }
    throw new IllegalStateException(
        "factoring over Q failed the product check " + ATTEMPTS + " times for " + p);
  }

  /**
   * The factorisation of p with the given Q-irreducible primitive factors (positive leading
   * coefficients), the unit computed; checked against p.
   *
   * @throws IllegalStateException when the factors do not multiply to p up to a constant
   */
  static RationalFactorization assemble(
      GenPolynomial<BigRational> p, List<Factor> factors) {
    List<Factor> sorted = new ArrayList<>(factors);
    sorted.sort(ORDER);
    GenPolynomial<BigRational> q = p.ring.getONE();
    for (Factor f : sorted) {
      q = q.multiply(f.polynomial().power(f.multiplicity()));
    }
    BigRational unit = p.leadingBaseCoefficient().divide(q.leadingBaseCoefficient());
    RationalFactorization r = new RationalFactorization(p, unit, sorted);
    if (!r.product().equals(p)) {
      throw new IllegalStateException("the factors do not multiply to " + p);
    }
    return r;
  }

  /**
   * JAS's multivariate Hensel factoring can report a reducible polynomial as irreducible when its
   * lifting fails (a product check cannot see that; seen on workload W3 in about half of the
   * runs). Every multivariate factor without a proof of irreducibility ({@link
   * RealIrreducibility}: degree 1 or 2 in a variable, or absolutely irreducible modulo a prime) is
   * factored again, up to {@value #ATTEMPTS} times, and replaced by its factors when it splits.
   * Factors that stay unproven are left as they are; the fiber reports them.
   */
  private static RationalFactorization refine(RationalFactorization r) {
    List<Factor> out = new ArrayList<>();
    boolean changed = false;
    for (Factor f : r.factors) {
      List<Factor> split = null;
      if (dependsOnSeveral(f.polynomial())
          && RealIrreducibility.cheapCertificate(f.polynomial()).isEmpty()) {
        // re-factoring is cheaper than the proof by reduction mod p, which comes last
        for (int attempt = 0; attempt < ATTEMPTS && split == null; attempt++) {
          if (attempt == 2 && RealIrreducibility.absolutelyIrreducible(f.polynomial()).isPresent()) {
            break;
          }
          // a shift z_m -> z_m + c_m moves JAS's evaluation points; factor there, shift back
          long[] c = new long[f.polynomial().ring.nvar];
          for (int m = 0; m < c.length; m++) {
            c[m] = (attempt + 1) * (m + 2) * (m % 2 == 0 ? 1 : -1);
          }
          RationalFactorization g = factor(shift(f.polynomial(), c), false);
          if (g.factors.size() > 1 || g.factors.get(0).multiplicity() > 1) {
            List<Factor> back = new ArrayList<>();
            long[] minus = c.clone();
            for (int m = 0; m < c.length; m++) {
              minus[m] = -c[m];
            }
            for (Factor h : g.factors) {
              back.add(new Factor(RootOrbits.normalize(shift(h.polynomial(), minus)),
                  h.multiplicity()));
            }
            split = refine(assemble(f.polynomial(), back)).factors; // smaller pieces
          }
        }
      }
      if (split == null) {
        out.add(f);
      } else {
        changed = true;
        for (Factor g : split) {
          out.add(new Factor(g.polynomial(), g.multiplicity() * f.multiplicity()));
        }
      }
    }
    if (!changed) {
      return r;
    }
    java.util.Map<GenPolynomial<BigRational>, Long> merged = new java.util.LinkedHashMap<>();
    for (Factor f : out) {
      merged.merge(f.polynomial(), f.multiplicity(), Long::sum);
    }
    List<Factor> list = new ArrayList<>();
    merged.forEach((f, e) -> list.add(new Factor(f, e)));
    return assemble(r.input, list);
  }

  /** p(z_0 + c_0, ..., z_{n-1} + c_{n-1}). */
  static GenPolynomial<BigRational> shift(GenPolynomial<BigRational> p, long[] c) {
    GenPolynomialRing<BigRational> ring = p.ring;
    GenPolynomial<BigRational> out = ring.getZERO();
    java.util.Map<Long, GenPolynomial<BigRational>>[] powers = new java.util.HashMap[c.length];
    for (int m = 0; m < c.length; m++) {
      powers[m] = new java.util.HashMap<>();
    }
    for (edu.jas.poly.Monomial<BigRational> mono : p) {
      GenPolynomial<BigRational> term = ring.getONE().multiply(mono.c);
      for (int m = 0; m < c.length; m++) {
        long e = mono.e.getVal(m);
        if (e > 0) {
          int mm = m;
          GenPolynomial<BigRational> base =
              ring.univariate(m).sum(ring.getONE().multiply(new BigRational(c[m])));
          term = term.multiply(powers[m].computeIfAbsent(e, ee -> base.power(ee)));
        }
      }
      out = out.sum(term);
    }
    return out;
  }

  private static boolean dependsOnSeveral(GenPolynomial<BigRational> f) {
    int used = 0;
    for (int m = 0; m < f.ring.nvar; m++) {
      if (LayerPolynomials.degree(f, m) > 0) {
        used++;
      }
    }
    return used > 1;
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
