package org.lcngeo.symbolic.algebraic;

import cc.redberry.rings.IntegersZp;
import cc.redberry.rings.bigint.BigInteger;
import cc.redberry.rings.poly.PolynomialFactorDecomposition;
import cc.redberry.rings.poly.univar.HenselLifting;
import cc.redberry.rings.poly.univar.UnivariateDivision;
import cc.redberry.rings.poly.univar.UnivariateFactorization;
import cc.redberry.rings.poly.univar.UnivariatePolynomial;
import cc.redberry.rings.poly.univar.UnivariatePolynomialZp64;
import cc.redberry.rings.poly.univar.UnivariateSquareFreeFactorization;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.lcngeo.core.Deadline;

/**
 * Factoring in Z[x] with a bounded recombination: Zassenhaus' algorithm from Rings' parts
 * (factoring modulo a prime, Hensel lifting), with the recombination of the modular factors, the
 * step that is exponential in their number, done here so that it checks the running command's
 * {@link Deadline} and stops at a designed bound. Norms of number-field polynomials and composed
 * sums split into many small factors modulo every prime (a Swinnerton-Dyer polynomial of degree
 * 2^n into 2^(n-1) or more), and Rings' own recombination, which tries subsets of every size with
 * a full polynomial product each, once ran for 14 minutes on such a norm without any way to stop
 * it.
 *
 * <p>Here each subset is first tested on its constant term (a product of residues: the constant
 * term of a true factor divides lc(f) f(0)) and on its degree, which must be the degree of a
 * product of modular factors modulo each of several primes (the intersection of their subset-sum
 * sets; when it is {0, n}, f is irreducible without any recombination). Only candidates passing
 * both are multiplied out and divided exactly. Polynomials of degree at most {@link
 * #RINGS_MAX_DEGREE} go to Rings' {@code FactorSquareFreeInZ} directly: at most 8 modular factors
 * of degree 2, so its recombination is short.
 */
final class Zassenhaus {
  /**
   * Squarefree parts up to this degree are factored by Rings alone (at most C(16, 8) subsets in
   * the worst case, milliseconds).
   */
  static final int RINGS_MAX_DEGREE = 16;

  /**
   * The designed bound on the subsets of modular factors tried in one recombination (each costs a
   * few multiplications of residues; 2^21 take seconds). A norm of degree 64 with 32 modular
   * factors of degree 2 modulo every prime needs about 2^31 to prove it irreducible.
   */
  static final long MAX_SUBSETS = 1L << 21;

  private static final int MIN_PRIMES = 3;
  private static final int MAX_PRIMES = 6;
  private static final int MAX_PRIMES_MANY_FACTORS = 12;
  private static final int FEW_FACTORS = 12;
  private static final int MANY_FACTORS = 22;

  /** The recombination exceeded {@link #MAX_SUBSETS}: a designed limit, not a failure. */
  static final class RecombinationBoundExceeded extends FieldExtensions.DegreeBoundExceeded {
    private static final long serialVersionUID = 1L;

    RecombinationBoundExceeded(String message) {
      super(message);
    }
  }

  private Zassenhaus() {}

  /**
   * The irreducible factors in Z[x] of a non-constant primitive polynomial, with multiplicities
   * and the unit +-1 (Rings' decomposition type, whose product is f).
   *
   * @throws RecombinationBoundExceeded if a recombination needs more than {@link #MAX_SUBSETS}
   *     subsets
   */
  static PolynomialFactorDecomposition<UnivariatePolynomial<BigInteger>> factor(
      UnivariatePolynomial<BigInteger> f) {
    PolynomialFactorDecomposition<UnivariatePolynomial<BigInteger>> squarefree =
        UnivariateSquareFreeFactorization.SquareFreeFactorization(f);
    PolynomialFactorDecomposition<UnivariatePolynomial<BigInteger>> out =
        PolynomialFactorDecomposition.empty(f);
    BigInteger leading = BigInteger.ONE;
    for (int i = 0; i < squarefree.size(); i++) {
      Deadline.checkCurrent();
      UnivariatePolynomial<BigInteger> g = squarefree.get(i);
      if (g.isConstant()) {
        continue;
      }
      g = g.clone().primitivePart();
      if (g.lc().signum() < 0) {
        g = g.negate();
      }
      int e = squarefree.getExponent(i);
      for (UnivariatePolynomial<BigInteger> h : squarefreeFactors(g)) {
        out.addFactor(h, e);
        leading = leading.multiply(h.lc().pow(e));
      }
    }
    return out.setUnit(f.createConstant(f.lc().divideExact(leading)));
  }

  /** The irreducible factors of a primitive squarefree g with positive leading coefficient. */
  private static List<UnivariatePolynomial<BigInteger>> squarefreeFactors(
      UnivariatePolynomial<BigInteger> g) {
    List<UnivariatePolynomial<BigInteger>> out = new ArrayList<>();
    if (g.cc().isZero()) {
      out.add(g.createMonomial(1)); // x; g is squarefree, so x^2 does not divide it
      g = UnivariateDivision.divideAndRemainder(g, g.createMonomial(1), true)[0];
      if (g.isConstant()) {
        return out;
      }
    }
    if (g.degree() <= RINGS_MAX_DEGREE) {
      for (UnivariatePolynomial<BigInteger> h : UnivariateFactorization.FactorSquareFreeInZ(g).factors) {
        if (!h.isConstant()) {
          out.add(h);
        }
      }
      return out;
    }
    out.addAll(largeSquarefreeFactors(g));
    return out;
  }

  /** Zassenhaus for primitive squarefree g of degree above {@link #RINGS_MAX_DEGREE}, g(0) != 0. */
  private static List<UnivariatePolynomial<BigInteger>> largeSquarefreeFactors(
      UnivariatePolynomial<BigInteger> g) {
    int n = g.degree();
    // a fixed sequence of primes: the same input takes the same route on every run
    Random random = new Random(0x5a55e1L + n);
    BitSet degrees = null;
    long bestPrime = -1;
    List<UnivariatePolynomialZp64> best = null;
    for (int attempt = 0; ; attempt++) {
      Deadline.checkCurrent();
      if (attempt >= MIN_PRIMES && (best.size() <= FEW_FACTORS || attempt >= MAX_PRIMES
          && (best.size() < MANY_FACTORS || attempt >= MAX_PRIMES_MANY_FACTORS))) {
        break; // like Rings: more primes only while every prime gave many factors
      }
      long p;
      UnivariatePolynomialZp64 image;
      do {
        p = cc.redberry.rings.primes.SmallPrimes.nextPrime((1 << 24) + random.nextInt((1 << 30) - (1 << 24)));
        image = UnivariatePolynomial.asOverZp64(g.setRing(new IntegersZp(p)));
      } while (image.cc() == 0 || image.degree() != n
          || !UnivariateSquareFreeFactorization.isSquareFree(image));
      List<UnivariatePolynomialZp64> factors = UnivariateFactorization.FactorInGF(image.monic()).factors;
      if (factors.size() == 1) {
        return List.of(g);
      }
      BitSet sums = subsetSums(factors, n);
      if (degrees == null) {
        degrees = sums;
      } else {
        degrees.and(sums);
      }
      if (degrees.cardinality() == 2) {
        return List.of(g); // only 0 and n are degrees of products modulo every prime tried
      }
      if (best == null || factors.size() < best.size()) {
        best = factors;
        bestPrime = p;
      }
    }
    BigInteger bound = BigInteger.TWO.multiply(UnivariatePolynomial.mignotteBound(g)).multiply(g.lc().abs());
    List<UnivariatePolynomial<BigInteger>> lifted =
        HenselLifting.liftFactorization(BigInteger.valueOf(bestPrime), bound, g, best);
    return recombine(g, lifted, degrees);
  }

  /** The degrees of products of subsets of the factors, as a set of 0..n. */
  private static BitSet subsetSums(List<UnivariatePolynomialZp64> factors, int n) {
    BitSet sums = new BitSet(n + 1);
    sums.set(0);
    for (UnivariatePolynomialZp64 f : factors) {
      for (int s = n - f.degree(); s >= 0; s--) {
        if (sums.get(s)) {
          sums.set(s + f.degree());
        }
      }
    }
    return sums;
  }

  /**
   * The true factors of g from its monic factors modulo q = p^k > 2 lc(g) B (B Mignotte's bound):
   * subsets of size 1, 2, ... in lexicographic order, each accepted when lc times their product,
   * read symmetrically modulo q, has a primitive part that divides the rest of g exactly.
   */
  private static List<UnivariatePolynomial<BigInteger>> recombine(UnivariatePolynomial<BigInteger> g,
      List<UnivariatePolynomial<BigInteger>> lifted, BitSet degrees) {
    BigInteger q = ((IntegersZp) lifted.get(0).ring).modulus;
    BigInteger half = q.shiftRight(1);
    List<UnivariatePolynomial<BigInteger>> out = new ArrayList<>();
    List<UnivariatePolynomial<BigInteger>> left = new ArrayList<>(lifted);
    UnivariatePolynomial<BigInteger> rest = g;
    long tried = 0;
    int s = 1;
    search:
    while (2 * s <= left.size()) {
      int m = left.size();
      BigInteger lc = rest.lc();
      BigInteger target = lc.multiply(rest.cc());
      int[] idx = new int[s];
      BigInteger[] prefix = new BigInteger[s + 1];
      int[] degreePrefix = new int[s + 1];
      prefix[0] = lc.mod(q);
      for (int j = 0; j < s; j++) {
        idx[j] = j;
      }
      int from = 0; // prefix[from + 1 ..] are stale
      while (true) {
        for (int j = from; j < s; j++) {
          UnivariatePolynomial<BigInteger> f = left.get(idx[j]);
          prefix[j + 1] = prefix[j].multiply(f.cc()).mod(q);
          degreePrefix[j + 1] = degreePrefix[j] + f.degree();
        }
        if (++tried > MAX_SUBSETS) {
          throw new RecombinationBoundExceeded("factoring a polynomial of degree " + g.degree()
              + " over Q needs more than " + MAX_SUBSETS + " recombinations of its " + lifted.size()
              + " factors modulo a prime (a designed bound)");
        }
        if ((tried & 4095) == 0) {
          Deadline.checkCurrent();
        }
        if (degrees.get(degreePrefix[s])) {
          BigInteger c = prefix[s].compareTo(half) > 0 ? prefix[s].subtract(q) : prefix[s];
          if (!c.isZero() && target.remainder(c).isZero()) {
            UnivariatePolynomial<BigInteger> candidate = candidate(left, idx, lc, q);
            UnivariatePolynomial<BigInteger>[] qr = UnivariateDivision.divideAndRemainder(rest, candidate, true);
            if (qr != null && qr[1].isZero()) {
              out.add(candidate);
              rest = qr[0];
              List<UnivariatePolynomial<BigInteger>> remaining = new ArrayList<>();
              for (int i = 0, j = 0; i < m; i++) {
                if (j < s && idx[j] == i) {
                  j++;
                } else {
                  remaining.add(left.get(i));
                }
              }
              left = remaining;
              continue search; // the same size s on what is left
            }
          }
        }
        // the next subset of size s in lexicographic order
        int i = s - 1;
        while (i >= 0 && idx[i] == m - s + i) {
          i--;
        }
        if (i < 0) {
          break;
        }
        idx[i]++;
        for (int j = i + 1; j < s; j++) {
          idx[j] = idx[j - 1] + 1;
        }
        from = i;
      }
      s++;
    }
    if (!rest.isConstant()) {
      out.add(rest);
    }
    return out;
  }

  /** The primitive part of lc * prod_{i in idx} f_i, read symmetrically modulo q, over Z. */
  private static UnivariatePolynomial<BigInteger> candidate(List<UnivariatePolynomial<BigInteger>> factors,
      int[] idx, BigInteger lc, BigInteger q) {
    UnivariatePolynomial<BigInteger> product = factors.get(0).createConstant(lc);
    for (int i : idx) {
      product = product.multiply(factors.get(i));
    }
    UnivariatePolynomial<BigInteger> c = UnivariatePolynomial.asPolyZSymmetric(product).primitivePart();
    return c.lc().signum() < 0 ? c.negate() : c;
  }
}
