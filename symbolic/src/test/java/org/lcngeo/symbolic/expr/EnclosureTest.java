package org.lcngeo.symbolic.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * Certified enclosures against known values and against Symja itself: for random trees of the
 * constructs radical forms use (Sqrt, CubeRoot, Cos, ArcCos, Pi over rationals; arccos inside
 * (-1, 1), as in Viete's form), Symja's N(s, 50) lies inside our 40-digit enclosure, so our
 * branches are Symja's.
 */
class EnclosureTest {
  private static Expr q(long p, long r) {
    return Exprs.num(new BigFraction(p, r));
  }

  private static void assertEncloses(Expr e, String value) {
    Enclosure.Bounds b = Enclosure.of(e, 40);
    BigDecimal v = new BigDecimal(value);
    assertThat(b.lo()).isLessThanOrEqualTo(v);
    assertThat(b.hi()).isGreaterThanOrEqualTo(v);
    assertThat(b.hi().subtract(b.lo())).isLessThan(new BigDecimal("1e-35"));
  }

  @Test
  void knownValues() {
    assertEncloses(new Expr.CubeRoot(Exprs.num(-2)), "-1.25992104989487316476721060727822835057025146470150798");
    assertEncloses(Exprs.sqrt(Exprs.num(2)), "1.41421356237309504880168872420969807856967187537694807");
    assertEncloses(new Expr.ArcCos(q(-1, 3)), "1.9106332362490185563277142050315155084868293900200109819194");
    assertEncloses(new Expr.Cos(Exprs.num(3)), "-0.98999249660044545727157279473126130239367909661558");
    assertEncloses(new Expr.Pi(), "3.14159265358979323846264338327950288419716939937510");
  }

  @Test
  void notRealAndUndecided() {
    assertThatThrownBy(() -> Enclosure.of(Exprs.sqrt(Exprs.num(-1)), 30))
        .isInstanceOf(Enclosure.NotRealException.class);
    assertThatThrownBy(() -> Enclosure.of(new Expr.ArcCos(Exprs.num(2)), 30))
        .isInstanceOf(Enclosure.NotRealException.class);
    assertThatThrownBy(() -> Enclosure.of(new Expr.Quotient(Exprs.ONE, Exprs.ZERO), 30))
        .isInstanceOf(Enclosure.NotRealException.class);
    // sqrt(2)^2 - 2 is 0 but its enclosure straddles 0: its square root and 1 over it are undecided
    Expr zero = Exprs.sum(Exprs.power(Exprs.sqrt(Exprs.num(2)), 2), Exprs.num(-2));
    assertThat(Enclosure.of(Exprs.sqrt(zero), 30)).isNull();
    assertThat(Enclosure.of(Exprs.quotient(Exprs.ONE, zero), 30)).isNull();
  }

  @Provide
  Arbitrary<Expr> trees() {
    Arbitrary<Expr> leaf = Combinators.combine(
            Arbitraries.integers().between(-9, 9), Arbitraries.integers().between(1, 5))
        .as((p, r) -> Exprs.num(new BigFraction(p, r)));
    return Arbitraries.recursive(() -> Arbitraries.oneOf(leaf, Arbitraries.just(new Expr.Pi())),
        t -> Arbitraries.oneOf(
            Combinators.combine(t, t).as(Exprs::sum),
            Combinators.combine(t, t).as(Exprs::product),
            t.map(x -> Exprs.sqrt(Exprs.power(x, 2))),
            t.map(x -> Exprs.sqrt(Exprs.sum(Exprs.power(x, 2), Exprs.ONE))),
            t.map(Expr.CubeRoot::new),
            t.map(x -> new Expr.Cos(Exprs.quotient(x, Exprs.num(4)))),
            t.map(x -> new Expr.ArcCos(Exprs.quotient(x, Exprs.sum(Exprs.power(x, 2), Exprs.ONE)))),
            Combinators.combine(t, t).as((a, b) -> Exprs.quotient(a, Exprs.sum(Exprs.power(b, 2), Exprs.ONE)))),
        1, 4);
  }

  @Property(tries = 60)
  void symjaEvaluatesInsideOurEnclosure(@ForAll("trees") Expr e) {
    Enclosure.Bounds b = Enclosure.of(e, 40);
    if (b == null) {
      return; // undecided at 40 digits (a zero radicand or denominator): nothing to compare
    }
    String s = Printer.SYMJA.print(e);
    BigDecimal[] v = SymjaEvaluation.numeric(s, 50);
    assertThat(v).as(s).isNotNull();
    BigDecimal slack = v[0].abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-44"));
    assertThat(v[1].abs()).as(s).isLessThanOrEqualTo(slack);
    assertThat(v[0]).as(s).isBetween(b.lo().subtract(slack), b.hi().add(slack));
    assertThat(b.hi().subtract(b.lo())).as(s)
        .isLessThanOrEqualTo(b.hi().abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-30")));
  }

  @Property(tries = 5)
  void noRoundingEscapesTheEnclosure(@ForAll("trees") Expr e) {
    Enclosure.Bounds coarse = Enclosure.of(e, 20);
    Enclosure.Bounds fine = Enclosure.of(e, 60);
    if (coarse != null && fine != null) {
      assertThat(fine.lo()).isGreaterThanOrEqualTo(coarse.lo().subtract(new BigDecimal("1e-18")));
      assertThat(List.of(fine.lo(), fine.hi())).allMatch(x -> x.compareTo(coarse.hi().add(new BigDecimal("1e-18"))) <= 0);
    }
  }
}
