package org.lcngeo.symbolic.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.rescale.RescaledFilters;
import org.lcngeo.symbolic.rescale.RescaledNtk;
import org.lcngeo.symbolic.rescale.RescaledTuple;
import org.lcngeo.symbolic.rescale.Rescaling;

/**
 * Every exact string of a rescaled tuple and its NTK (random H = 2..5, random invariants) and of
 * irrational fiber points, evaluated by Symja itself to 50 digits, equals its decimal to 40
 * significant digits, and every certificate isolates its number and says that Symja evaluates the
 * string. Numbers without radicals (degree >= 5) print as Newton iterations, which Symja also
 * evaluates at 100 digits to the decimal to 90 digits: the form follows the working precision.
 */
class AlgebraicSymjaRoundTripProperties {
  record Case(FilterTuple<BigFraction> theta, List<BigFraction> delta) {
    @Override
    public String toString() {
      return theta.architecture().summary() + " theta=" + theta + " delta=" + delta;
    }
  }

  @Provide
  Arbitrary<Case> rescalings() {
    return Arbitraries.integers().between(2, 5).flatMap(h -> Combinators.combine(
            Arbitraries.integers().between(1, 2).list().ofSize(h),
            Arbitraries.integers().between(1, 2).list().ofSize(h))
        .as((k, s) -> Architecture.oneDimensional(
            k.stream().mapToInt(Integer::intValue).toArray(), s.stream().mapToInt(Integer::intValue).toArray()))
        .flatMap(a -> {
          List<Arbitrary<List<BigFraction>>> layers = new ArrayList<>();
          for (int l = 0; l < h; l++) {
            layers.add(Arbitraries.integers().between(-4, 4).map(BigFraction::new)
                .list().ofSize(a.layerParameters(l)).filter(w -> w.stream().anyMatch(x -> x.signum() != 0)));
          }
          Arbitrary<List<BigFraction>> delta = Combinators.combine(
                  Arbitraries.integers().between(-5, 5), Arbitraries.integers().between(1, 3))
              .as(BigFraction::new).list().ofSize(h - 1);
          return Combinators.combine(Combinators.combine(layers).as(ls -> ls), delta)
              .as((f, d) -> new Case(FilterTuple.of(a, f), d));
        }));
  }

  /** A target of sizes 2,2 and invariants. */
  record Target(List<BigFraction> v, List<BigFraction> delta) {}

  /** A target (1, b, c) with irrational real roots over sizes 2,2, and a random delta. */
  @Provide
  Arbitrary<Target> irrationalFibers() {
    return Combinators.combine(
            Arbitraries.integers().between(-6, 6), Arbitraries.integers().between(-6, 6),
            Arbitraries.integers().between(-4, 4), Arbitraries.integers().between(1, 2))
        .as((b, c, d, q) -> new int[] {b, c, d, q})
        .filter(x -> {
          long disc = (long) x[0] * x[0] - 4L * x[1];
          long r = (long) Math.sqrt(disc);
          return disc > 0 && r * r != disc && x[1] != 0;
        })
        .map(x -> new Target(List.of(BigFraction.ONE, new BigFraction(x[0]), new BigFraction(x[1])),
            List.of(new BigFraction(x[2], x[3]))));
  }

  static void assertEvaluates(Expr e, RealAlgebraicNumber x) {
    String s = Printer.SYMJA.print(e);
    RealAlgebraicNumber.Certificate c = x.certificate();
    // the certificate: x is the only root of its minimal polynomial in the interval
    if (x.isRational()) {
      assertThat(c.lo()).isEqualTo(x.toRational()).isEqualTo(c.hi());
    } else {
      List<BigFraction> p = c.minimalPolynomial().stream().map(BigFraction::new).toList();
      assertThat(RealAlgebraicNumber.root(p, c.lo(), c.hi())).isEqualTo(x);
    }
    assertThat(c.symjaEvaluates()).as(s).isTrue();
    BigDecimal expected = x.toBigDecimal(45);
    assertThat(SymjaEvaluation.evaluatesTo(s, expected)).as("%s = %s", s, expected).isTrue();
    if (Exprs.contains(e, Expr.RealRoot.class)) {
      BigDecimal longer = x.toBigDecimal(95);
      assertThat(SymjaEvaluation.evaluatesTo(s, longer, 100, 90)).as("%s = %s", s, longer).isTrue();
    }
  }

  private static void assertTuple(RescaledFilters r, RescaledNtk k, int maxEntries) {
    List<List<Expr>> filters = r.filtersExpr();
    for (int l = 0; l < filters.size(); l++) {
      for (int j = 0; j < filters.get(l).size(); j++) {
        assertEvaluates(filters.get(l).get(j), r.filters().layer(l).get(j));
      }
    }
    List<List<Expr>> ntk = k.ntkExpr();
    int checked = 0;
    for (int i = 0; i < ntk.size() && checked < maxEntries; i++) {
      for (int j = i; j < ntk.size() && checked < maxEntries; j++, checked++) {
        FieldElement e = k.entry(i, j);
        assertEvaluates(ntk.get(i).get(j), e.toRealAlgebraic());
      }
    }
  }

  @Property(tries = 12)
  void rescaledTuplesAndNtks(@ForAll("rescalings") Case c) {
    RescaledTuple r = Rescaling.rescale(c.theta, c.delta);
    assertEvaluates(r.beta1().toExpr(), r.beta1());
    assertTuple(r, r.ntk(), 6);
  }

  /** Integer polynomials of degree 3 and 4 with a non-zero leading and constant coefficient. */
  @Provide
  Arbitrary<List<BigFraction>> cubicsAndQuartics() {
    return Arbitraries.integers().between(3, 4).flatMap(n -> Arbitraries.integers().between(-60, 60)
        .list().ofSize(n + 1)
        .filter(c -> c.get(0) != 0 && c.get(n) != 0)
        .map(c -> c.stream().map(BigFraction::new).toList()));
  }

  /**
   * Every real root of degree 3 or 4 prints as real radicals, certified by our own enclosure
   * (never the Newton form), and Symja evaluates the radicals to the root.
   */
  @Property(tries = 25)
  void rootsOfCubicsAndQuarticsAreCertifiedRadicals(@ForAll("cubicsAndQuartics") List<BigFraction> p) {
    for (RealAlgebraicNumber x : RealAlgebraicNumber.realRoots(p)) {
      Expr e = x.toExpr();
      if (x.degree() >= 3) {
        assertThat(Exprs.contains(e, Expr.RealRoot.class)).as(Printer.SYMJA.print(e)).isFalse();
      }
      assertEvaluates(e, x);
    }
  }

  /** Integer polynomials of degree 5 to 8 with a non-zero leading and constant coefficient. */
  @Provide
  Arbitrary<List<BigFraction>> highDegree() {
    return Arbitraries.integers().between(5, 8).flatMap(n -> Arbitraries.integers().between(-30, 30)
        .list().ofSize(n + 1)
        .filter(c -> c.get(0) != 0 && c.get(n) != 0)
        .map(c -> c.stream().map(BigFraction::new).toList()));
  }

  /**
   * Every real root of a random polynomial of degree 5 to 8 (its minimal polynomial mostly of
   * degree >= 5, so the Newton form): Symja evaluates each string to the root, at 50 and at 100
   * digits, whatever the order of the roots.
   */
  @Property(tries = 10)
  void rootsOfHighDegreePolynomials(@ForAll("highDegree") List<BigFraction> p) {
    for (RealAlgebraicNumber x : RealAlgebraicNumber.realRoots(p)) {
      net.jqwik.api.statistics.Statistics.label("degree").collect(x.degree());
      assertEvaluates(x.toExpr(), x);
    }
  }

  @Property(tries = 6)
  void irrationalFiberPoints(@ForAll("irrationalFibers") Target t) {
    Architecture a = Architecture.oneDimensional(new int[] {2, 2}, new int[] {1, 1});
    Fiber f = Fiber.compute(a, t.v(), t.delta());
    assertThat(f.points()).isNotEmpty();
    for (Fiber.Point p : f.points()) {
      assertTuple(p.rescaled(), p.ntk(), 3);
    }
  }
}
