package org.lcngeo.symbolic.algebraic;

import static org.assertj.core.api.Assertions.assertThat;
import org.lcngeo.symbolic.expr.Printer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.rescale.RescaledNtk;
import org.lcngeo.symbolic.rescale.RescaledTuple;
import org.lcngeo.symbolic.rescale.Rescaling;
import org.matheclipse.core.eval.ExprEvaluator;

/** Every printed form is parsed back by Symja and evaluates to the same number (30 digits). */
class SymjaRoundTripTest {
  private static final ExprEvaluator SYMJA = new ExprEvaluator();

  static BigFraction q(long p) {
    return new BigFraction(p);
  }

  static void assertRoundTrip(RealAlgebraicNumber x) {
    String s = Printer.SYMJA.print(x.toExpr());
    String v = SYMJA.eval("N(Re(" + s + "),40)").toString();
    String im = SYMJA.eval("N(Im(" + s + "),40)").toString();
    BigDecimal expected = x.toBigDecimal(30);
    BigDecimal got = decimal(v);
    BigDecimal tol = expected.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-25"));
    assertThat(got.subtract(expected).abs()).as("%s = %s vs %s", s, v, expected).isLessThanOrEqualTo(tol);
    assertThat(decimal(im).abs()).as("%s imaginary part %s", s, im)
        .isLessThanOrEqualTo(tol);
  }

  static BigDecimal decimal(String v) {
    String t = v.replace(" ", "");
    int e = t.indexOf("*10^");
    return e < 0
        ? new BigDecimal(t)
        : new BigDecimal(t.substring(0, e)).scaleByPowerOfTen(Integer.parseInt(t.substring(e + 4)));
  }

  @Test
  void rootsOfCubicsAndQuarticsAreCheckedRealRadicals() {
    List<List<BigFraction>> polys = List.of(
        List.of(q(1), q(-3), q(0), q(1)),          // three real roots: Viete's cosines
        List.of(q(-1), q(-1), q(0), q(1)),         // one real root: Cardano's real cube roots
        List.of(q(1), q(0), q(-10), q(0), q(1)),   // +-sqrt2 +- sqrt3 = +-Sqrt(5 +- 2 Sqrt(6))
        List.of(q(-1), q(-1), q(0), q(0), q(1)));  // x^4 - x - 1: two real roots, Ferrari
    List<RealAlgebraicNumber> all = new ArrayList<>();
    for (List<BigFraction> p : polys) {
      all.addAll(RealAlgebraicNumber.realRoots(p));
    }
    assertThat(all).hasSize(10);
    for (RealAlgebraicNumber x : all) {
      assertRoundTrip(x);
    }
    assertThat(Printer.SYMJA.print(all.get(4).toExpr())).isEqualTo("-Sqrt(5+2*Sqrt(6))");
    assertThat(Printer.SYMJA.print(all.get(0).toExpr())).contains("ArcCos(").doesNotContain("FixedPoint");
    assertThat(Printer.SYMJA.print(all.get(3).toExpr())).contains("CubeRoot(").doesNotContain("FixedPoint");
    assertThat(Printer.SYMJA.print(all.get(9).toExpr())).contains("CubeRoot(").doesNotContain("FixedPoint");
    // the quartic: Symja 3.0.0 evaluates Root(Function(...),2) to 3.927, not a root
    List<RealAlgebraicNumber> quartic = RealAlgebraicNumber.realRoots(List.of(
        q(-16070145), q(-10368), q(12672), q(-4608), q(512)));
    for (RealAlgebraicNumber x : quartic) {
      assertRoundTrip(x);
      assertThat(Printer.SYMJA.print(x.toExpr())).doesNotContain("FixedPoint");
      assertThat(x.certificate().symjaEvaluates()).isTrue();
    }
  }

  /**
   * Degree five: no radicals; every real root of x^5 - 4x + 2 (three of them: the form must pick
   * the right one, whatever Symja's root order) and the H = 5 beta_1 of 2x^5 + 11x^4 + 19x^3 +
   * 10x^2 - 10000 print as Newton iterations from certified starts, which Symja evaluates.
   */
  @Test
  void quinticRootsAreNewtonIterationsSymjaEvaluates() {
    List<RealAlgebraicNumber> roots = new ArrayList<>(RealAlgebraicNumber.realRoots(
        List.of(q(2), q(-4), q(0), q(0), q(0), q(1))));
    roots.addAll(RealAlgebraicNumber.realRoots(List.of(q(-10000), q(0), q(10), q(19), q(11), q(2))));
    assertThat(roots).hasSize(4);
    for (RealAlgebraicNumber x : roots) {
      assertThat(Printer.SYMJA.print(x.toExpr())).startsWith("FixedPoint(Function(");
      assertThat(x.certificate().symjaEvaluates()).isTrue();
      assertRoundTrip(x);
    }
    // the shortest certified start: Fourier's condition holds on [4, 5] (beta_1 = 4.485...)
    assertThat(Printer.SYMJA.print(roots.get(3).toExpr())).endsWith("N(5))");
  }

  @Test
  void radicalsAndRationals() {
    assertRoundTrip(RealAlgebraicNumber.of(new BigFraction(-7, 3)));
    assertRoundTrip(RealAlgebraicNumber.of(2).sqrt().add(RealAlgebraicNumber.of(new BigFraction(1, 3))));
    assertRoundTrip(RealAlgebraicNumber.of(12).sqrt().multiply(new BigFraction(-5, 7)));
  }

  @Test
  void fieldElementsOfACubicField() {
    RealAlgebraicNumber theta = RealAlgebraicNumber.root(List.of(q(1), q(-3), q(0), q(1)), q(0), q(1));
    NumberField f = NumberField.of(theta);
    FieldElement e = f.element(List.of(new BigFraction(1, 2), q(-3), new BigFraction(2, 7)));
    String s = Printer.SYMJA.print(e.toExpr());
    assertThat(s).contains("ArcCos(").doesNotContain("FixedPoint");
    String v = SYMJA.eval("N(Re(" + s + "),40)").toString();
    BigDecimal got = decimal(v);
    assertThat(got.subtract(e.toBigDecimal(35)).abs()).as("%s = %s", s, v).isLessThan(new BigDecimal("1e-25"));
  }

  @Test
  void rescaledFiltersAndNtksParseBack() {
    // Example 19, first factorization: a = 2^(1/4) (0,1,0), b = 2^(-1/4) (1,1)
    Architecture ex19 = Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1});
    RescaledTuple r = Rescaling.rescale(
        FilterTuple.of(ex19, List.of(List.of(q(0), q(1), q(0)), List.of(q(1), q(1)))), List.of(q(0)));
    assertThat(Printer.SYMJA.entries(r.filtersExpr())).containsExactly(
        List.of("0", "Sqrt(Sqrt(2))", "0"), List.of("Sqrt(Sqrt(2)/2)", "Sqrt(Sqrt(2)/2)"));
    // a cubic beta_1 (H = 3): filters as Sqrt of an element of Q(beta_1), NTK entries in radicals
    Architecture arch = Architecture.oneDimensional(new int[] {2, 2, 2}, new int[] {2, 2, 1});
    RescaledTuple c = Rescaling.rescale(
        FilterTuple.of(arch, List.of(List.of(q(1), q(2)), List.of(q(1), q(-1)), List.of(q(3), q(1)))),
        List.of(q(1), new BigFraction(-1, 2)));
    List<List<String>> exact = Printer.SYMJA.entries(c.filtersExpr());
    List<List<String>> dec = c.filtersDecimal(30);
    for (int l = 0; l < exact.size(); l++) {
      for (int j = 0; j < exact.get(l).size(); j++) {
        BigDecimal got = decimal(SYMJA.eval("N(Re(" + exact.get(l).get(j) + "),40)").toString());
        assertThat(got.subtract(new BigDecimal(dec.get(l).get(j))).abs())
            .as("%s vs %s", exact.get(l).get(j), dec.get(l).get(j))
            .isLessThan(new BigDecimal("1e-25"));
      }
    }
    RescaledNtk k = c.ntk();
    String e = Printer.SYMJA.entries(k.ntkExpr()).get(1).get(1);
    BigDecimal got = decimal(SYMJA.eval("N(Re(" + e + "),40)").toString());
    assertThat(got.subtract(k.entry(1, 1).toBigDecimal(30)).abs()).as(e).isLessThan(new BigDecimal("1e-25"));
  }
}
