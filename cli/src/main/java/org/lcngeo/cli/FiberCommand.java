package org.lcngeo.cli;

import java.util.ArrayList;
import org.lcngeo.symbolic.expr.Printer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Limits;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.fiber.FactorSyntax;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.fiber.FiberFactor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lcn fiber}: every filter tuple with a given end-to-end filter and invariants (one per sign
 * class), by factoring pi_1(v) (eq. 8, Lemma 9), with each point's exact NTK K^(delta) and the
 * exact decision whether they all agree (Thm. 4 / 13, Examples 16 and 19).
 */
@Command(
    name = "fiber",
    mixinStandardHelpOptions = true,
    description = {
      "All filter tuples with a given end-to-end filter and invariants delta, one per sign class"
          + " (first non-zero entry of layers 1..H-1 positive), exactly: the factorisation of the"
          + " end-to-end polynomial over Q (split over R where layers share a factor), each point's"
          + " layer polynomials, its NTK K^(delta) and rank, and whether all NTKs agree. Irrational"
          + " entries print as radicals (degree <= 4) or Newton limits FixedPoint(...) of their minimal"
          + " polynomials (degree >= 5; docs/cli.md), and as decimals.",
      "'complete' says whether the list is the whole real fiber; factors that split over R"
          + " are split exactly (real algebraic coefficients, printed the same way; for D >= 2"
          + " via their absolutely irreducible components); it is false, with 'reason', where a"
          + " factor may split over R and that is not resolved (a number field or degree beyond"
          + " the bounds). 'inManifold' is true, false or undecided; a target outside the"
          + " neuromanifold has count 0 and its certificate in 'reason'. Verdicts that were not"
          + " decided print as undecided (JSON null)."
    })
final class FiberCommand implements Callable<Integer> {
  @Mixin ArchitectureOptions arch;
  @Mixin CommonOptions common;
  @Mixin TimeOptions time;

  @Option(names = "--target", paramLabel = "JSON", description = "the end-to-end filter v, a nested JSON array")
  String target;

  @Option(
      names = "--delta",
      paramLabel = "D",
      description = "the invariants delta_1..delta_(H-1); one value for all; default 0 (balanced)")
  String delta;

  @Override
  public Integer call() {
    Architecture a = arch.architecture();
    List<BigFraction> v = ArchitectureOptions.target(a, target);
    List<BigFraction> d = delta == null
        ? Collections.nCopies(a.depth() - 1, BigFraction.ZERO)
        : ArchitectureOptions.delta(a, delta);
    Limits.checkDenseSquare(a.endToEndEntries(), "the NTK");
    int digits = common.digits();
    return time.run("fiber", common.json, partial -> {
      partial.put("architecture", Output.architecture(a));
      partial.put("target", Output.nested(v, a.endToEndSize()));
      partial.put("delta", d.stream().map(Rationals::format).toList());
      partial.put("count", 0);
      partial.put("points", List.of());
      partial.put("inManifold", null);
      partial.put("ntkEqual", null);
      partial.stage("factoring the end-to-end polynomial and enumerating the fiber");
    }, partial -> {
      Fiber fiber = Fiber.compute(a, v, d);
      partial.stage("writing the fiber");
      return common.json ? Output.jsonText(json(fiber, digits)) + "\n" : text(fiber, digits);
    }, partial -> a.summary() + "\n");
  }

  private static Map<String, Object> json(Fiber fiber, int digits) {
    Architecture a = fiber.architecture();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architecture", Output.architecture(a));
    m.put("target", Output.nested(fiber.target(), a.endToEndSize()));
    m.put("delta", fiber.delta().stream().map(Rationals::format).toList());
    m.put("count", fiber.points().size());
    List<Object> points = new ArrayList<>();
    for (Fiber.Point p : fiber.points()) {
      Map<String, Object> q = new LinkedHashMap<>();
      q.put("filters", p.isRational()
          ? Output.layers(a, p.rescaled().filters().layers(), x -> Printer.SYMJA.print(x.toExpr()))
          : Output.layers(a, Printer.SYMJA.entries(p.rescaled().filtersExpr()), x -> x));
      q.put("filtersDecimal", Output.layers(a, p.rescaled().filtersDecimal(digits), x -> x));
      q.put("ntk", Printer.SYMJA.entries(p.ntk().ntkExpr()));
      q.put("ntkDecimal", p.ntk().ntkDecimal(digits));
      q.put("rank", p.rank());
      q.put("filtersExact", Output.layers(a, p.filters().layers(), FiberCommand::exact));
      q.put("layerPolynomials", FactorSyntax.symja(p.layerFactorizations()));
      List<String> lambdas = new ArrayList<>();
      for (int l = 0; l < a.depth(); l++) {
        lambdas.add(Printer.SYMJA.print(p.rescaled().lambdaExpr(l)));
      }
      q.put("lambdas", lambdas);
      q.put("filtersCertificate", Output.layers(a, p.rescaled().filters().layers(), Output::certificate));
      q.put("ntkCertificate", Output.certificates(p.ntk().toRealAlgebraic()));
      points.add(q);
    }
    m.put("points", points);
    m.put("ntkEqual", fiber.ntkVerdict().orElse(null));
    m.put("complete", fiber.complete());
    m.put("inManifold", fiber.inManifold().orElse(null));
    fiber.reason().map(r -> fiber.ntkReason().map(n -> r + "; " + n).orElse(r))
        .or(fiber::ntkReason).ifPresent(r -> m.put("reason", r));
    List<Object> factors = new ArrayList<>();
    for (FiberFactor f : fiber.enumeration().factors()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("factor", FactorSyntax.symja(f.toLayerFactor()));
      x.put("multiplicity", f.multiplicity());
      x.put("realIrreducibilityCertificate", f.realCertificate().orElse(null));
      factors.add(x);
    }
    Map<String, Object> factorization = new LinkedHashMap<>();
    factorization.put("unit", fiber.enumeration().factorization().unit().toString());
    factorization.put("factors", factors);
    m.put("factorization", factorization);
    m.put("genericRank", fiber.genericRank());
    m.put("tangentSpacesEqual", fiber.tangentSpacesVerdict().orElse(null));
    m.put("isSingular", fiber.singularVerdict().orElse(null));
    return m;
  }

  /** An entry of a representative: "p/q", or a radical / Root form for an irrational one. */
  private static String exact(FieldElement x) {
    return x.isRational() ? Rationals.format(x.toRational()) : Printer.SYMJA.print(x.toRealAlgebraic().toExpr());
  }

  private static String text(Fiber fiber, int digits) {
    Architecture a = fiber.architecture();
    StringBuilder b = new StringBuilder();
    b.append(a.summary()).append('\n');
    b.append("target v: ")
        .append(TextFormat.nested(Output.nested(fiber.target(), a.endToEndSize()))).append('\n');
    b.append("invariants delta: ").append(fiber.delta().isEmpty() ? "none (H = 1)"
        : String.join(", ", fiber.delta().stream().map(Rationals::format).toList())).append('\n');
    b.append("pi_1(v) over Q (z_m = y_m/x_m; x_m is a factor at infinity): ").append(fiber.enumeration().factorization().unit());
    for (FiberFactor f : fiber.enumeration().factors()) {
      b.append(" * ").append(f).append(f.realCertificate().map(c -> "").orElse(" [may split over R]"));
    }
    b.append('\n');
    b.append(fiber.points().size()).append(" point").append(fiber.points().size() == 1 ? "" : "s")
        .append(fiber.complete() ? " (the complete real fiber)" : " (INCOMPLETE: "
            + fiber.reason().orElse("") + ")").append('\n');
    b.append("in the neuromanifold: ").append(verdict(fiber.inManifold()));
    if (fiber.complete()) {
      fiber.reason().ifPresent(r -> b.append(" (").append(r).append(')'));
    }
    b.append('\n');
    int i = 0;
    for (Fiber.Point p : fiber.points()) {
      b.append("\npoint ").append(++i).append(": rank of J ").append(p.rank()).append(" (generic ")
          .append(fiber.genericRank()).append(")\n");
      for (int l = 0; l < a.depth(); l++) {
        b.append("  layer ").append(l + 1).append(": ")
            .append(FactorSyntax.symja(p.layerFactorizations().get(l)))
            .append("   w = ").append(TextFormat.nested(Output.nest(
                p.filters().layer(l), a.size(l), FiberCommand::exact)))
            .append("   scaled by ").append(Printer.SYMJA.print(p.rescaled().lambdaExpr(l))).append('\n');
      }
      b.append("  NTK K^(delta):\n").append(Output.table(p.ntk().ntkDecimal(digits), "    "));
    }
    b.append("\nNTKs equal: ").append(verdict(fiber.ntkVerdict()))
        .append(fiber.ntkReason().map(r -> " (" + r + ")").orElse(""))
        .append("; tangent spaces equal: ").append(verdict(fiber.tangentSpacesVerdict()))
        .append("; singular: ").append(verdict(fiber.singularVerdict())).append('\n');
    return b.toString();
  }

  /** A three-valued verdict as text: true, false, or undecided. */
  private static String verdict(java.util.Optional<Boolean> v) {
    return v.map(String::valueOf).orElse("undecided");
  }
}
