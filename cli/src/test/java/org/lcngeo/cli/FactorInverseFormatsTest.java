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
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
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

  record Case(FilterTuple<BigFraction> theta) {
    @Override
    public String toString() {
      return theta.architecture().summary() + " theta=" + theta;
    }
  }

  /** 2-D, stride 1, H = 2..3 layers of pairwise distinct sizes up to 3x3 with >= 2 entries. */
  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<int[]> size = Combinators.combine(Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 3)).as((p, q) -> new int[] {p, q}).filter(s -> s[0] * s[1] >= 2);
    Arbitrary<Architecture> a = Arbitraries.integers().between(2, 3).flatMap(h -> size.list().ofSize(h)
        .filter(l -> l.stream().map(s -> s[0] * 10 + s[1]).distinct().count() == h)
        .map(l -> {
          int[][] strides = new int[h][];
          for (int i = 0; i < h; i++) {
            strides[i] = new int[] {1, 1};
          }
          return Architecture.of(l.toArray(int[][]::new), strides);
        }));
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

  private static String list(List<BigFraction> v) {
    return "{" + String.join(", ", v.stream().map(Rationals::format).toList()) + "}";
  }

  @Property(tries = 8, edgeCases = EdgeCasesMode.NONE)
  void symjaEvaluatesTheInverseMap(@ForAll("cases") Case c) {
    List<BigFraction> v = image(c);
    Assume.that(v != null);
    Architecture a = c.theta().architecture();
    ExprEvaluator symja = Symja.quietEvaluator();
    String session = FormulaDocuments.symja(a, parts(a)).replaceAll("(?m)^\\(\\*.*\\*\\)$", "");
    for (String statement : session.split(";\n")) {
      if (!statement.isBlank()) {
        symja.eval(statement);
      }
    }
    List<String> layers = new ArrayList<>();
    for (List<BigFraction> layer : FactorInverse.normalized(c.theta()).layers()) {
      layers.add(list(layer));
    }
    String want = "{" + String.join(", ", layers) + "}";
    String diff = symja.eval("inverseMap(" + list(v) + ") - " + want).toString();
    assertThat(diff).as("inverseMap(%s) - %s", list(v), want)
        .isEqualTo(symja.eval("0*" + want).toString());
  }

  @Property(tries = 5, edgeCases = EdgeCasesMode.NONE)
  void macaulay2EvaluatesTheInverseMap(@ForAll("cases") Case c) throws Exception {
    Assumptions.assumeTrue(FormulaFormatsRoundTripTest.has("M2"), "Macaulay2 (M2) is not installed; .ci/run installs it");
    List<BigFraction> v = image(c);
    Assume.that(v != null);
    Architecture a = c.theta().architecture();
    String script = FormulaDocuments.macaulay2(a, parts(a))
        + "print toString flatten inverseMap " + list(v) + ";\n";
    Path dir = Files.createTempDirectory("lcn-m2fac");
    Files.writeString(dir.resolve("inverse.m2"), script);
    List<String> lines = FormulaFormatsRoundTripTest.run(dir, "M2", "--script", "inverse.m2").lines().toList();
    FormulaFormatsRoundTripTest.delete(dir);
    assertThat(lines).hasSize(1);
    assertThat(FormulaFormatsRoundTripTest.rationals(lines.get(0))).as(lines.get(0))
        .isEqualTo(FactorInverse.normalized(c.theta()).flat());
  }

  @Property(tries = 3, edgeCases = EdgeCasesMode.NONE)
  void latexCompilesOnA4(@ForAll("cases") Case c) throws Exception {
    Architecture a = c.theta().architecture();
    Path dir = Files.createTempDirectory("lcn-texfac");
    FormulaFormatsRoundTripTest.assertCompilesOnA4(dir, FormulaDocuments.latex(a, parts(a)));
    FormulaFormatsRoundTripTest.delete(dir);
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
    String got = symja.eval("Flatten(inverseMap(" + list(v) + "))").toString();
    assertThat(got).isEqualTo(symja.eval(list(FactorInverse.normalized(theta).flat())).toString());
  }

  /** --format java refuses with the reason: K^(delta)(v) is a composition with a program here. */
  @Test
  void javaFormatRefusesWithTheReason() {
    CommandRun r = CommandRun.of("formula", "--sizes", "2x2,2x3", "--format", "java");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("for rational inverse maps only; here it is composition");
  }
}
