package org.lcngeo.symbolic.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.expr.SymjaEvaluation;

/**
 * The determinant form of the inverse map (1-D, s_l >= 2 and k_l > s_l for l < H; nested for H >=
 * 3): theta(mu(theta)) is theta normalized, exactly, at random points of random architectures, and
 * the printed Symja strings ({@code Det(...)}) evaluate in Symja to the same exact values.
 */
class DeterminantInverseTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  record Case(Architecture a, long seed) {
    @Override
    public String toString() {
      return a.summary() + " seed " + seed;
    }
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Architecture> a = Arbitraries.integers().between(2, 4).flatMap(s -> Combinators.combine(
            Arbitraries.integers().between(s + 1, 9), Arbitraries.integers().between(1, 6))
        .as((k1, k2) -> Architecture.oneDimensional(new int[] {k1, k2}, new int[] {s, 1})));
    return Combinators.combine(Arbitraries.oneOf(a, nested()), Arbitraries.longs()).as(Case::new);
  }

  /** H = 3..4: every layer but the last with s_l in 2..3 and k_l in s_l + 1..s_l + 2. */
  static Arbitrary<Architecture> nested() {
    return Arbitraries.integers().between(3, 4).flatMap(h -> Arbitraries.integers().between(2, 3)
        .list().ofSize(h - 1).flatMap(strides -> Arbitraries.integers().between(1, 2).list()
            .ofSize(h - 1).flatMap(extra -> Arbitraries.integers().between(1, 3).map(last -> {
              int[] k = new int[h];
              int[] s = new int[h];
              for (int l = 0; l + 1 < h; l++) {
                s[l] = strides.get(l);
                k[l] = s[l] + extra.get(l);
              }
              k[h - 1] = last;
              s[h - 1] = 1;
              return Architecture.oneDimensional(k, s);
            }))));
  }

  /**
   * Entries (-9..9) / (1..3); without 0 for H >= 3, where a zero first or last entry of any of
   * the three or more layers (a dropped degree: outside the domain) would skip most draws.
   */
  private static FilterTuple<BigFraction> randomTuple(Architecture a, Random random) {
    List<BigFraction> flat = new ArrayList<>();
    for (int i = 0; i < a.parameterCount(); i++) {
      int x = random.nextInt(19) - 9;
      while (x == 0 && a.depth() > 2) {
        x = random.nextInt(19) - 9;
      }
      flat.add(new BigFraction(x, random.nextInt(3) + 1));
    }
    return FilterTuple.fromFlat(a, flat);
  }

  /**
   * A point whose entries 0 of layers 1..H-1 are non-zero (the normalization divides by them).
   */
  private static FilterTuple<BigFraction> point(Architecture a, Random random) {
    FilterTuple<BigFraction> theta = randomTuple(a, random);
    while (!normalizable(theta)) {
      theta = randomTuple(a, random);
    }
    return theta;
  }

  private static boolean normalizable(FilterTuple<BigFraction> theta) {
    for (int l = 0; l + 1 < theta.architecture().depth(); l++) {
      if (theta.layer(l).get(0).signum() == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The issue's nested case (5,5,5)/(2,2,1), where interpolation does not finish: layer 1 from
   * v, u = mu(w_2, w_3) from v, then (w_2, w_3) from u.
   */
  @Test
  void theNestedArchitectureOfTheIssueIsInverted() {
    Architecture a = Architecture.oneDimensional(new int[] {5, 5, 5}, new int[] {2, 2, 1});
    DeterminantInverse inv = DeterminantInverse.of(a).orElseThrow();
    assertThat(inv.nested()).isTrue();
    assertThat(inv.theta()).hasSize(3);
    invertsAtRandomPoints(a, inv, new Random(5));
  }

  @Test
  void theIssuesArchitectureIsInverted() {
    Architecture a = Architecture.oneDimensional(new int[] {8, 8}, new int[] {2, 1});
    DeterminantInverse inv = DeterminantInverse.of(a).orElseThrow();
    assertThat(inv.order()).isEqualTo(7);
    invertsAtRandomPoints(a, inv, new Random(8));
  }

  /** At 10 random points theta: the inverse returns theta normalized, and mu of it is v again. */
  private static void invertsAtRandomPoints(Architecture a, DeterminantInverse inv, Random random) {
    MuPlan plan = MuPlan.compile(a);
    for (int trial = 0; trial < 10; trial++) {
      FilterTuple<BigFraction> theta = point(a, random);
      List<BigFraction> v = plan.mu(Q, theta);
      assertThat(inv.apply(v)).isEqualTo(DeterminantInverse.normalized(theta));
      assertThat(plan.mu(Q, inv.apply(v))).isEqualTo(v);
    }
  }

  @Test
  void determinantsPrintInEveryFormat() {
    Expr d = new Expr.Det(List.of(
        List.of(org.lcngeo.symbolic.expr.Exprs.symbol("v", 0), org.lcngeo.symbolic.expr.Exprs.ZERO),
        List.of(org.lcngeo.symbolic.expr.Exprs.negate(org.lcngeo.symbolic.expr.Exprs.symbol("v", 3)),
            org.lcngeo.symbolic.expr.Exprs.symbol("v", 1))));
    assertThat(Printer.SYMJA.print(d)).isEqualTo("Det({{v0, 0}, {-v3, v1}})");
    assertThat(Printer.MACAULAY2.print(d)).isEqualTo("det(matrix{{v0, 0}, {-v3, v1}}, Strategy => Cofactor)");
    assertThat(Printer.LATEX.print(d))
        .isEqualTo("\\det\\begin{pmatrix}\n  v_{0} & 0 \\\\\n  -v_{3} & v_{1}\n\\end{pmatrix}");
    assertThat(SymjaEvaluation.eval("Expand(" + Printer.SYMJA.print(d) + ")")).isEqualTo("v0*v1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Expr.Det(List.of(List.of(d, d))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void coversOneDimensionalLayersWithEveryInnerStrideBelowItsSize() {
    assertThat(DeterminantInverse.applies(Architecture.oneDimensional(new int[] {8, 8}, new int[] {2, 1}))).isTrue();
    assertThat(DeterminantInverse.applies(Architecture.oneDimensional(new int[] {2, 8}, new int[] {2, 1}))).isFalse();
    assertThat(DeterminantInverse.applies(Architecture.oneDimensional(new int[] {8, 8}, new int[] {1, 1}))).isFalse();
    assertThat(DeterminantInverse.applies(Architecture.oneDimensional(new int[] {3, 3, 2}, new int[] {2, 2, 1}))).isTrue();
    assertThat(DeterminantInverse.applies(Architecture.oneDimensional(new int[] {3, 2, 2}, new int[] {2, 2, 1}))).isFalse();
    assertThat(DeterminantInverse.applies(Architecture.oneDimensional(new int[] {3, 3, 2}, new int[] {2, 1, 1}))).isFalse();
    assertThat(DeterminantInverse.applies(Architecture.oneDimensional(new int[] {4, 3, 2}, new int[] {1, 2, 1}))).isFalse();
    assertThat(DeterminantInverse.of(Architecture.of(new int[][] {{3, 3}, {2, 2}}, new int[][] {{1, 1}, {1, 1}}))).isEmpty();
  }

  /**
   * At random images (non-generic ones, where a determinant of a denominator vanishes, are
   * rejected with an error and skipped), theta(mu(theta)) is theta normalized, exactly; a
   * non-generic image is rare, so most tries check.
   */
  @Property(tries = 40)
  void invertsMuAtRandomImages(@ForAll("cases") Case c) {
    DeterminantInverse inv = DeterminantInverse.of(c.a()).orElseThrow();
    MuPlan plan = MuPlan.compile(c.a());
    Random random = new Random(c.seed());
    int checked = 0;
    for (int trial = 0; trial < 5; trial++) {
      FilterTuple<BigFraction> theta = point(c.a(), random);
      List<BigFraction> v = plan.mu(Q, theta);
      Optional<FilterTuple<BigFraction>> generic = applyGeneric(inv, v);
      if (generic.isEmpty()) {
        continue;
      }
      FilterTuple<BigFraction> back = generic.get();
      assertThat(plan.mu(Q, back)).isEqualTo(v);
      assertThat(back).isEqualTo(DeterminantInverse.normalized(theta));
      checked++;
    }
    assertThat(checked).isPositive();
  }

  /** Symja reads the printed Det(...) forms and evaluates them to the exact theta(v). */
  @Property(tries = 8)
  void symjaEvaluatesThePrintedDeterminants(@ForAll("cases") Case c) {
    DeterminantInverse inv = DeterminantInverse.of(c.a()).orElseThrow();
    MuPlan plan = MuPlan.compile(c.a());
    FilterTuple<BigFraction> theta = point(c.a(), new Random(c.seed()));
    List<BigFraction> v = plan.mu(Q, theta);
    Optional<FilterTuple<BigFraction>> generic = applyGeneric(inv, v);
    if (generic.isEmpty()) {
      return;
    }
    FilterTuple<BigFraction> expected = generic.get();
    List<List<Expr>> printed = inv.theta();
    StringBuilder assign = new StringBuilder();
    for (int m = 0; m < v.size(); m++) {
      assign.append("v").append(m).append(" = ").append(Rationals.format(v.get(m))).append("; ");
    }
    SymjaEvaluation.eval(assign.toString());
    try {
      for (int l = 0; l < c.a().depth(); l++) {
        for (int i = 0; i < printed.get(l).size(); i++) {
          String s = Printer.SYMJA.print(printed.get(l).get(i));
          assertThat(SymjaEvaluation.equalsExactly(s, expected.layer(l).get(i))).as(s).isTrue();
        }
      }
    } finally {
      SymjaEvaluation.clear(String.join(",", inv.variables()));
    }
  }

  /** theta(v), or empty at a non-generic image (a denominator's determinant vanishes). */
  private static Optional<FilterTuple<BigFraction>> applyGeneric(DeterminantInverse inv, List<BigFraction> v) {
    try {
      return Optional.of(inv.apply(v));
    } catch (org.lcngeo.core.InvalidInputException degenerate) {
      return Optional.empty();
    }
  }
}
