package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcngeo.cli.FormulaRoundTrips.Case;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.Symja;
import org.lcngeo.symbolic.formula.InverseMap;
import org.matheclipse.core.eval.ExprEvaluator;

/**
 * The formats of {@code lcn formula} run in the systems they are written for: the Symja output of
 * Ex. 15 in Symja; the Macaulay2 script, as printed plus lines that evaluate its matrices at a
 * random rational point, by {@code M2 --script} (the same mu, NTK, blocks and K^(delta)(v) as the
 * exact executor); the LaTeX documents of {@code formula --format latex} and {@code reproduce
 * --latex} by {@code pdflatex} on A4 with no overfull box. CI installs Macaulay2 and pdflatex
 * ({@code .ci/run}); a machine without them skips those checks.
 */
class FormulaFormatsRoundTripTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  /** 1-D networks of 2 or 3 layers (some with inner strides > 1, so with an inverse map) and 2-D ones. */
  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Architecture> oneD = Arbitraries.integers().between(2, 3).flatMap(h -> Combinators.combine(
            Arbitraries.integers().between(1, 3).list().ofSize(h), Arbitraries.integers().between(1, 3).list().ofSize(h))
        .as((k, s) -> {
          int[] strides = s.stream().mapToInt(Integer::intValue).toArray();
          strides[h - 1] = 1;
          return Architecture.oneDimensional(k.stream().mapToInt(Integer::intValue).toArray(), strides);
        }));
    Arbitrary<Architecture> twoD = Arbitraries.of(
        Architecture.of(new int[][] {{2, 2}, {2, 2}}, new int[][] {{1, 1}, {1, 1}}),
        Architecture.of(new int[][] {{2, 1}, {1, 2}}, new int[][] {{1, 1}, {1, 1}}));
    Arbitrary<Architecture> a = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, oneD), net.jqwik.api.Tuple.of(1, twoD));
    return a.flatMap(arch -> Combinators.combine(
            Arbitraries.integers().between(-5, 5).filter(p -> p != 0), Arbitraries.integers().between(1, 3))
        .as(BigFraction::new).list().ofSize(arch.parameterCount())
        .map(flat -> new Case(FilterTuple.fromFlat(arch, flat))));
  }

  /** --sizes or --strides of an architecture: layers by commas, axes by x. */
  private static String option(Architecture a, boolean sizes) {
    List<String> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      int[] k = sizes ? a.size(l) : a.stride(l);
      layers.add(String.join("x", java.util.Arrays.stream(k).mapToObj(Integer::toString).toList()));
    }
    return String.join(",", layers);
  }

  private static List<BigFraction> flat(List<List<BigFraction>> m) {
    return m.stream().flatMap(List::stream).toList();
  }

  /** The case: Ex. 15's ntk[2][2] at a = (1,0,2), b = (2,1) is 10 in Symja (it was 0). */
  @Test
  void symjaReadsTheSymbolsAsSymbols() {
    JsonNode j = CommandRun.jsonOf("formula", "--sizes", "3,2", "--strides", "2,1", "--json");
    ExprEvaluator symja = Symja.quietEvaluator();
    symja.eval("a0 = 1; a1 = 0; a2 = 2; b0 = 2; b1 = 1");
    assertThat(symja.eval(j.get("ntk").get(2).get(2).asText()).toString()).isEqualTo("10");
    assertThat(symja.eval("Expand((a0+b1)^2)").toString()).isEqualTo("4");
  }

  @Property(tries = 6)
  void macaulay2ScriptsGiveTheSameMatrices(@ForAll("cases") Case c) throws Exception {
    FormulaRoundTrips.assumeMacaulay2();
    Architecture a = c.theta().architecture();
    CommandRun r = CommandRun.of("formula", "--sizes", option(a, true), "--strides",
        option(a, false), "--format", "macaulay2");
    assertThat(r.code()).as(r.err()).isZero();
    MuPlan plan = MuPlan.compile(a);
    List<BigFraction> v = plan.mu(Q, c.theta());
    StringBuilder script = new StringBuilder(r.out());
    script.append("use R;\npt = map(QQ, R, ").append(FormulaRoundTrips.list(c.theta().flat())).append(");\n");
    script.append("print toString entries pt mu vars S;\nprint toString entries pt ntk;\n");
    for (int l = 0; l < a.depth(); l++) {
      script.append("print toString entries pt K").append(l + 1).append(";\n");
    }
    List<List<BigFraction>> expected = new ArrayList<>();
    expected.add(v);
    expected.add(flat(plan.ntk(Q, c.theta())));
    for (int l = 0; l < a.depth(); l++) {
      expected.add(flat(plan.ntkLayer(Q, c.theta(), l)));
    }
    if (r.out().contains("\nntkOfV = ")) {
      Assume.that(insideTheDomain(a, v));
      List<BigFraction> point = new ArrayList<>(v);
      List<BigFraction> deltas = c.theta().invariants(Q);
      point.addAll(a.depth() == 2 ? deltas.subList(0, 1) : deltas);
      FilterTuple<BigFraction> back = InverseMap.derive(a, java.time.Duration.ofSeconds(60)).orElseThrow().apply(v);
      BigFraction beta1 = c.theta().squaredNorm(Q, 0);
      point.add(a.depth() == 2 ? beta1.divide(back.squaredNorm(Q, 0)) : beta1);
      script.append("use T;\nq = map(QQ, T, ").append(FormulaRoundTrips.list(point)).append(");\n");
      script.append("print toString entries q ntkOfV;\nprint toString q scalarRelation;\n");
      expected.add(flat(plan.ntk(Q, c.theta())));
      expected.add(List.of(BigFraction.ZERO));
    }
    List<String> lines = FormulaRoundTrips.runMacaulay2("lcn-m2", "formula.m2", script).lines().toList();
    assertThat(lines).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(FormulaRoundTrips.rationals(lines.get(i))).as("line %d: %s", i, lines.get(i)).isEqualTo(expected.get(i));
    }
  }

  private static boolean insideTheDomain(Architecture a, List<BigFraction> v) {
    try {
      InverseMap.derive(a, java.time.Duration.ofSeconds(60)).orElseThrow().apply(v);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  @Property(tries = 4)
  void latexOfFormulasCompilesAndFitsA4(@ForAll("cases") Case c) throws Exception {
    Architecture a = c.theta().architecture();
    CommandRun r = CommandRun.of("formula", "--sizes", option(a, true), "--strides",
        option(a, false), "--format", "latex");
    assertThat(r.code()).as(r.err()).isZero();
    FormulaRoundTrips.assertCompilesOnA4("lcn-tex", r.out());
  }

  /** Wide matrices (a 22 x 22 NTK with long entries) are scaled to the line width. */
  @Test
  void wideMatricesFitA4(@TempDir Path dir) throws Exception {
    CommandRun r = CommandRun.of("formula", "--sizes", "4,4,4", "--strides", "2,2,1", "--format", "latex",
        "--no-inverse");
    assertThat(r.code()).as(r.err()).isZero();
    FormulaRoundTrips.assertCompilesOnA4(dir, r.out());
  }

  @Test
  void reproduceLatexCompilesAndFitsA4(@TempDir Path dir) throws Exception {
    Path tex = dir.resolve("examples.tex");
    CommandRun r = CommandRun.of("reproduce", "--latex", tex.toString());
    assertThat(r.code()).as(r.err()).isZero();
    String s = Files.readString(tex);
    assertThat(s).contains("b_{0}^{2}", "\\lambda^{2}", "v_{0}").doesNotContain("w2\\_").doesNotContain("lambda2");
    FormulaRoundTrips.assertCompilesOnA4(dir, s);
  }
}
