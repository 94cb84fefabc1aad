package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.expr.Expr;

/**
 * {@link FieldElement#toRealAlgebraic}'s fast route (a squarefree characteristic polynomial taken
 * as the minimal polynomial, isolated and counted at the field's real embeddings) against the
 * route that factors it and picks the root by Descartes' bounds, on random elements of fields with
 * several real embeddings, including elements of proper subfields (non-squarefree characteristic
 * polynomials); and the integer Sturm sequences against JAS' on their minimal polynomials.
 */
class FieldElementRealAlgebraicTest {
  static BigFraction q(long p) {
    return new BigFraction(p);
  }

  /** Fields of degree 5 (three real embeddings: z^5 - 4z + 2, S5) and 6 (six: (z^3 - 3z)^2 - 2, even, with the cubic subfield of its square). */
  static final List<NumberField> FIELDS = List.of(
      NumberField.of(RealAlgebraicNumber.root(List.of(q(2), q(-4), q(0), q(0), q(0), q(1)), q(1), q(2))),
      NumberField.of(RealAlgebraicNumber.root(List.of(q(2), q(-4), q(0), q(0), q(0), q(1)), q(-2), q(-1))),
      NumberField.of(RealAlgebraicNumber.root(List.of(q(-2), q(0), q(9), q(0), q(-6), q(0), q(1)), q(0), q(1))));

  @Provide
  Arbitrary<FieldElement> elements() {
    Arbitrary<NumberField> field = Arbitraries.of(FIELDS);
    Arbitrary<List<Integer>> coefficients = Arbitraries.integers().between(-30, 30)
        .injectDuplicates(0.3).list().ofSize(6);
    Arbitrary<Integer> denominator = Arbitraries.integers().between(1, 12);
    Arbitrary<Boolean> evenOnly = Arbitraries.of(false, false, true);
    return Combinators.combine(field, coefficients, denominator, evenOnly).as((k, c, d, even) -> {
      List<BigFraction> x = new java.util.ArrayList<>();
      for (int i = 0; i < k.degree(); i++) {
        x.add(even && i % 2 == 1 ? BigFraction.ZERO : new BigFraction(c.get(i), d));
      }
      return k.element(x);
    });
  }

  @Property(tries = 200)
  void fastRouteAgreesWithFactoring(@ForAll("elements") FieldElement a,
      @ForAll("probes") List<BigFraction> probes) {
    if (a.isRational()) {
      return;
    }
    RealAlgebraicNumber fast = a.toRealAlgebraic();
    RealAlgebraicNumber slow = a.slowRealAlgebraic(a.field().characteristicPolynomial(a));
    assertThat(fast.minimalPolynomial()).isEqualTo(slow.minimalPolynomial());
    assertThat(fast).isEqualTo(slow);
    assertThat(fast.toDecimalString(30)).isEqualTo(a.toDecimalString(30));
    assertThat(index(fast.toExpr())).isEqualTo(index(slow.toExpr()));
    // the square root: without factoring when a real conjugate is negative (Capelli), else factored
    FieldElement positive = a.signum() < 0 ? a.negate() : a;
    RealAlgebraicNumber root = positive.toRealAlgebraic().sqrt();
    RealAlgebraicNumber slowRoot =
        positive.slowRealAlgebraic(positive.field().characteristicPolynomial(positive)).sqrt();
    assertThat(root.minimalPolynomial()).isEqualTo(slowRoot.minimalPolynomial());
    assertThat(root).isEqualTo(slowRoot);
    RealAlgebraicNumber.Certificate c = fast.certificate();
    assertThat(c.lo().compareTo(c.hi())).isLessThan(0);
    BigFraction[] m = fast.minimalArray();
    List<BigFraction> sorted = probes.stream().sorted().distinct().toList();
    for (int i = 0; i + 1 < sorted.size(); i++) {
      BigFraction lo = sorted.get(i);
      BigFraction hi = sorted.get(i + 1);
      long jas = Polynomials.rootCount(Polynomials.sturmSequence(m), lo, hi);
      assertThat(fast.rootCount(lo, hi)).as("roots of %s in (%s, %s)", fast, lo, hi).isEqualTo(jas);
      assertThat(slow.rootCount(lo, hi)).as("roots of %s in (%s, %s)", slow, lo, hi).isEqualTo(jas);
      assertThat(Polynomials.sturmCount(Polynomials.integerSturmSequence(m), lo, hi)).isEqualTo(jas);
    }
  }

  @Provide
  Arbitrary<List<BigFraction>> probes() {
    return Combinators.combine(Arbitraries.integers().between(-400, 400), Arbitraries.integers().between(1, 7))
        .as((n, d) -> new BigFraction(n, d * 13)).list().ofMinSize(2).ofMaxSize(5);
  }

  /** The index of a real-root form, or 0 for a radical form (degree <= 4 in a subfield). */
  private static int index(Expr e) {
    return e instanceof Expr.RealRoot r ? r.k() : 0;
  }
}
