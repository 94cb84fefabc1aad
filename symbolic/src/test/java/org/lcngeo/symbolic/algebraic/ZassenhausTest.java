package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cc.redberry.rings.bigint.BigInteger;
import cc.redberry.rings.poly.PolynomialFactorDecomposition;
import cc.redberry.rings.poly.univar.UnivariateFactorization;
import cc.redberry.rings.poly.univar.UnivariatePolynomial;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.TimeLimitException;

/**
 * The bounded factoring over Z: the same factors as Rings' own {@code FactorInZ} on random
 * products, irreducibility proven where recombination is short, and a Swinnerton-Dyer polynomial
 * (irreducible, but a product of 32 quadratics modulo every prime) stopped by the recombination
 * bound or by the running command's deadline instead of running for hours.
 */
class ZassenhausTest {
  private static UnivariatePolynomial<BigInteger> poly(long... c) {
    BigInteger[] b = new BigInteger[c.length];
    for (int i = 0; i < c.length; i++) {
      b[i] = BigInteger.valueOf(c[i]);
    }
    return UnivariatePolynomial.create(cc.redberry.rings.Rings.Z, b);
  }

  /**
   * The Swinnerton-Dyer polynomial of the first n primes: prod (x +- sqrt 2 +- sqrt 3 ... +- sqrt
   * p_n), of degree 2^n, irreducible over Q and split into factors of degree at most 2 modulo every
   * prime. S_{k+1}(x) = S_k(x + sqrt p) S_k(x - sqrt p) = A^2 - p B^2 where S_k(x + sqrt p) = A + B
   * sqrt p.
   */
  static UnivariatePolynomial<BigInteger> swinnertonDyer(int n) {
    long[] primes = {2, 3, 5, 7, 11, 13, 17};
    UnivariatePolynomial<BigInteger> s = poly(-2, 0, 1);
    UnivariatePolynomial<BigInteger> x = poly(0, 1);
    for (int k = 1; k < n; k++) {
      long p = primes[k];
      UnivariatePolynomial<BigInteger> a = poly(0);
      UnivariatePolynomial<BigInteger> b = poly(0);
      UnivariatePolynomial<BigInteger> powA = poly(1);
      UnivariatePolynomial<BigInteger> powB = poly(0);
      for (int i = 0; i <= s.degree(); i++) {
        a = a.add(powA.clone().multiply(s.get(i)));
        b = b.add(powB.clone().multiply(s.get(i)));
        // (powA + powB sqrt p)(x + sqrt p)
        UnivariatePolynomial<BigInteger> nextA = powA.clone().multiply(x).add(powB.clone().multiply(p));
        UnivariatePolynomial<BigInteger> nextB = powB.clone().multiply(x).add(powA);
        powA = nextA;
        powB = nextB;
      }
      s = a.clone().multiply(a).subtract(b.clone().multiply(b).multiply(p));
    }
    return s;
  }

  private static Map<UnivariatePolynomial<BigInteger>, Integer> factors(
      PolynomialFactorDecomposition<UnivariatePolynomial<BigInteger>> d) {
    Map<UnivariatePolynomial<BigInteger>, Integer> out = new HashMap<>();
    for (int i = 0; i < d.size(); i++) {
      UnivariatePolynomial<BigInteger> f = d.get(i).clone();
      if (f.isConstant()) {
        continue;
      }
      if (f.lc().signum() < 0) {
        f = f.negate();
      }
      out.merge(f, d.getExponent(i), Integer::sum);
    }
    return out;
  }

  /** Products of 2..5 random integer polynomials of degree 1..9, some squared. */
  @Provide
  Arbitrary<UnivariatePolynomial<BigInteger>> products() {
    Arbitrary<UnivariatePolynomial<BigInteger>> factor = Arbitraries.integers().between(1, 9)
        .flatMap(d -> Arbitraries.longs().between(-6, 6).array(long[].class).ofSize(d + 1))
        .filter(c -> c[c.length - 1] != 0 && c[0] != 0)
        .map(ZassenhausTest::poly);
    return factor.list().ofMinSize(2).ofMaxSize(5)
        .flatMap(fs -> Arbitraries.integers().between(0, fs.size() - 1).map(sq -> {
          UnivariatePolynomial<BigInteger> p = poly(1);
          for (UnivariatePolynomial<BigInteger> f : fs) {
            p = p.multiply(f);
          }
          return p.multiply(fs.get(sq)).primitivePart();
        }));
  }

  @Property(tries = 60)
  void sameFactorsAsRings(@ForAll("products") UnivariatePolynomial<BigInteger> p) {
    PolynomialFactorDecomposition<UnivariatePolynomial<BigInteger>> ours = Zassenhaus.factor(p);
    assertThat((Object) ours.multiply()).isEqualTo(p);
    assertThat(factors(ours)).isEqualTo(factors(UnivariateFactorization.FactorInZ(p)));
  }

  /**
   * Products of many cyclotomic-like factors x^k - a and of Swinnerton-Dyer polynomials split into
   * many factors modulo every prime: above the degree where Rings alone is used, with true factors
   * found by the recombination.
   */
  @Example
  void manyModularFactorsRecombined() {
    UnivariatePolynomial<BigInteger> p = swinnertonDyer(3).multiply(swinnertonDyer(4))
        .multiply(poly(-3, 0, 0, 0, 1)).multiply(poly(5, 0, 0, 0, 0, 0, 1));
    assertThat(p.degree()).isGreaterThan(Zassenhaus.RINGS_MAX_DEGREE);
    PolynomialFactorDecomposition<UnivariatePolynomial<BigInteger>> ours = Zassenhaus.factor(p);
    assertThat((Object) ours.multiply()).isEqualTo(p);
    assertThat(factors(ours)).containsOnlyKeys(swinnertonDyer(3), swinnertonDyer(4),
        poly(-3, 0, 0, 0, 1), poly(5, 0, 0, 0, 0, 0, 1));
  }

  /** S_5 (degree 32, 16 modular quadratics): irreducible, proven within the bound. */
  @Example
  void swinnertonDyerOfDegree32IsIrreducible() {
    UnivariatePolynomial<BigInteger> s = swinnertonDyer(5);
    assertThat(s.degree()).isEqualTo(32);
    PolynomialFactorDecomposition<UnivariatePolynomial<BigInteger>> f = Zassenhaus.factor(s);
    assertThat(factors(f)).containsOnlyKeys(s);
  }

  /**
   * S_6 (degree 64, 32 modular quadratics, about 2^31 subsets to prove it irreducible; Rings'
   * recombination would run for hours): the designed bound stops it, a {@link
   * FieldExtensions.DegreeBoundExceeded} that fibers report as the reason they are incomplete.
   */
  @Example
  void swinnertonDyerOfDegree64StopsAtTheBound() {
    UnivariatePolynomial<BigInteger> s = swinnertonDyer(6);
    long start = System.nanoTime();
    assertThatThrownBy(() -> Zassenhaus.factor(s))
        .isInstanceOf(FieldExtensions.DegreeBoundExceeded.class)
        .hasMessageContaining("degree 64").hasMessageContaining("designed bound");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(120));
  }

  /** Under a deadline of 1 s the same factoring ends with the time limit, soon after it. */
  @Example
  void swinnertonDyerOfDegree64StopsAtTheDeadline() {
    UnivariatePolynomial<BigInteger> s = swinnertonDyer(6);
    long start = System.nanoTime();
    try (Deadline.Scope scope = Deadline.after(Duration.ofSeconds(1)).enter()) {
      assertThatThrownBy(() -> Polynomials.irreducibleFactors(fractions(s)))
          .isInstanceOf(TimeLimitException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  /**
   * The norm method of {@link FieldExtensions#adjoinRoot}: sqrt 13 over K = Q(sqrt 2 + sqrt 3 +
   * sqrt 5 + sqrt 7 + sqrt 11) (degree 32) has a norm of degree 64 that is a Swinnerton-Dyer
   * polynomial up to a shift: the adjunction ends with the factoring bound as its reason, not after
   * hours in the recombination, and within the deadline when one is set.
   */
  @Example
  void normFactoringIsBounded() {
    BigFraction[] s5 = fractions(swinnertonDyer(5));
    List<RealAlgebraicNumber> roots = RealAlgebraicNumber.realRoots(List.of(s5));
    RealAlgebraicNumber gamma = roots.get(roots.size() - 1); // the largest, sqrt 2 + ... + sqrt 11
    NumberField k = NumberField.of(gamma);
    assertThat(k.degree()).isEqualTo(32);
    List<FieldElement> p = List.of(k.element(new BigFraction(-13)), k.zero(), k.one());
    RealAlgebraicNumber b = RealAlgebraicNumber.realRoots(List.of(
        new BigFraction(-13), BigFraction.ZERO, BigFraction.ONE)).get(1);
    long start = System.nanoTime();
    assertThatThrownBy(() -> FieldExtensions.adjoinRoot(k, p, b, 128))
        .isInstanceOf(FieldExtensions.DegreeBoundExceeded.class)
        .hasMessageContaining("recombinations");
    Duration toTheBound = Duration.ofNanos(System.nanoTime() - start);
    assertThat(toTheBound).isLessThan(Duration.ofSeconds(180));
    // a deadline at a quarter of that work (a fixed 2 s let a quiet machine reach the bound first)
    start = System.nanoTime();
    try (Deadline.Scope scope = Deadline.after(toTheBound.dividedBy(4)).enter()) {
      assertThatThrownBy(() -> FieldExtensions.adjoinRoot(k, p, b, 128))
          .isInstanceOf(TimeLimitException.class);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  private static BigFraction[] fractions(UnivariatePolynomial<BigInteger> p) {
    BigFraction[] out = new BigFraction[p.degree() + 1];
    for (int i = 0; i <= p.degree(); i++) {
      out[i] = new BigFraction(new java.math.BigInteger(p.get(i).toByteArray()));
    }
    return out;
  }
}
