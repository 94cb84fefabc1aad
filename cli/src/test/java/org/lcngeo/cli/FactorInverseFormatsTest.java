package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.cli.FormulaRoundTrips.Case;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.Symja;
import org.lcngeo.symbolic.formula.FactorInverse;
import org.matheclipse.core.eval.ExprEvaluator;

/**
 * The inverse map by factoring ({@link FactorInverse}) runs in the systems it is written for: the
 * Symja session's {@code inverseMap} (in-process) and the Macaulay2 script's (by {@code M2
 * --script}) return theta normalized at random images, exactly; the LaTeX document compiles on A4;
 * {@code formula} prints it for 2x2,2x3 with exit 0 and nothing missing (K^(delta)(v) as a composition).
 */
class FactorInverseFormatsTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  /** 2-D, stride 1, H = 2..3 layers of pairwise distinct sizes up to 3x3 with >= 2 entries. */
  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Architecture> a = FormulaRoundTrips.factoringArchitectures(Arbitraries.integers().between(2, 3));
    return a.flatMap(arch -> Combinators.combine(
            Arbitraries.integers().between(-9, 9).filter(x -> x != 0), Arbitraries.integers().between(1, 3))
        .as(BigFraction::new).list().ofSize(arch.parameterCount())
        .map(flat -> new Case(FilterTuple.fromFlat(arch, flat))));
  }

  private static FormulaCommand.Parts parts(Architecture a) {
    FormulaCommand.Parts parts = new FormulaCommand.Parts();
    parts.factorInverse = FactorInverse.of(a).orElseThrow();
    return parts;
  }

  /** v, or nothing when v is outside the map's domain (a layer polynomial factors there). */
  private static List<BigFraction> image(Case c) {
    Architecture a = c.theta().architecture();
    List<BigFraction> v = MuPlan.compile(a).mu(Q, c.theta());
    try {
      FilterTuple<BigFraction> back = FactorInverse.of(a).orElseThrow().apply(v);
      assertThat(back).isEqualTo(FactorInverse.normalized(c.theta()));
      return v;
    } catch (InvalidInputException outside) {
      return null;
    }
  }

  @Property(tries = 8, edgeCases = EdgeCasesMode.NONE)
  void symjaEvaluatesTheInverseMap(@ForAll("cases") Case c) {
    List<BigFraction> v = image(c);
    Assume.that(v != null);
    Architecture a = c.theta().architecture();
    ExprEvaluator symja = Symja.quietEvaluator();
    FormulaRoundTrips.evalSession(symja, FormulaDocuments.symja(a, parts(a)));
    List<String> layers = new ArrayList<>();
    for (List<BigFraction> layer : FactorInverse.normalized(c.theta()).layers()) {
      layers.add(FormulaRoundTrips.list(layer));
    }
    String want = "{" + String.join(", ", layers) + "}";
    String diff = symja.eval("inverseMap(" + FormulaRoundTrips.list(v) + ") - " + want).toString();
    assertThat(diff).as("inverseMap(%s) - %s", FormulaRoundTrips.list(v), want)
        .isEqualTo(symja.eval("0*" + want).toString());
  }

  @Property(tries = 5, edgeCases = EdgeCasesMode.NONE)
  void macaulay2EvaluatesTheInverseMap(@ForAll("cases") Case c) throws Exception {
    FormulaRoundTrips.assumeMacaulay2();
    List<BigFraction> v = image(c);
    Assume.that(v != null);
    Architecture a = c.theta().architecture();
    String script = FormulaDocuments.macaulay2(a, parts(a))
        + "print toString flatten inverseMap " + FormulaRoundTrips.list(v) + ";\n";
    List<String> lines = FormulaRoundTrips.runMacaulay2("lcn-m2fac", "inverse.m2", script).lines().toList();
    assertThat(lines).hasSize(1);
    assertThat(FormulaRoundTrips.rationals(lines.get(0))).as(lines.get(0))
        .isEqualTo(FactorInverse.normalized(c.theta()).flat());
  }

  @Property(tries = 3, edgeCases = EdgeCasesMode.NONE)
  void latexCompilesOnA4(@ForAll("cases") Case c) throws Exception {
    Architecture a = c.theta().architecture();
    FormulaRoundTrips.assertCompilesOnA4("lcn-texfac", FormulaDocuments.latex(a, parts(a)));
  }

  /** The architecture: the inverse is printed, exit 0, K^(delta)(v) as a composition. */
  @Test
  void formulaPrintsTheInverseOf2x2And2x3() {
    JsonNode j = CommandRun.jsonOf("formula", "--sizes", "2x2,2x3", "--json");
    assertThat(j.get("genericallyOneToOne").asBoolean()).isTrue();
    assertThat(j.get("inverse").get("form").asText()).startsWith("factoring over Q");
    assertThat(j.has("missing")).isFalse();
    assertThat(j.get("ntkOfV").get("form").asText()).startsWith("composition");
    Architecture a = Architecture.of(new int[][] {{2, 2}, {2, 3}}, new int[][] {{1, 1}, {1, 1}});
    FilterTuple<BigFraction> theta = FilterTuple.fromFlat(a, List.of(3, -2, 5, 7, 1, -4, 2, 6, -3, 5)
        .stream().map(BigFraction::new).toList());
    List<BigFraction> v = MuPlan.compile(a).mu(Q, theta);
    ExprEvaluator symja = Symja.quietEvaluator();
    symja.eval("inverseMap = " + j.get("inverse").get("program").asText());
    String got = symja.eval("Flatten(inverseMap(" + FormulaRoundTrips.list(v) + "))").toString();
    assertThat(got).isEqualTo(symja.eval(FormulaRoundTrips.list(FactorInverse.normalized(theta).flat())).toString());
  }

  /** --format java refuses with the reason: K^(delta)(v) is a composition with a program here. */
  @Test
  void javaFormatRefusesWithTheReason() {
    CommandRun r = CommandRun.of("formula", "--sizes", "2x2,2x3", "--format", "java");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("for rational inverse maps only; here it is composition");
  }
}
