package org.lcngeo.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.TimeLimitException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.JavaSource;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.formula.DeterminantInverse;
import org.lcngeo.symbolic.formula.FactorInverse;
import org.lcngeo.symbolic.formula.Invariants;
import org.lcngeo.symbolic.formula.JasExprs;
import org.lcngeo.symbolic.formula.InverseMap;
import org.lcngeo.symbolic.formula.NtkFormula;
import org.lcngeo.symbolic.formula.NtkOfVFormula;
import org.lcngeo.symbolic.manifold.GenericFiber;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lcn formula}: the NTK as polynomials in filter symbols (Observation 3), its blocks K_l,
 * and, where mu is generically one-to-one up to scaling, the rational inverse map (Ex. 15, eq. 15)
 * and K^(delta)(v) (Thm. 4).
 */
@Command(
    name = "formula",
    mixinStandardHelpOptions = true,
    description = "Closed-form NTK: polynomials in the filter symbols a0, a1, ..., b0, ... (layer 1, "
        + "2, ... is a, b, ...; entries row-major), the blocks K_l, "
        + "and where mu is generically one-to-one up to scaling the inverse map v -> theta and "
        + "K^(delta)(v).")
final class FormulaCommand implements Callable<Integer> {
  enum Format { SYMJA, LATEX, MACAULAY2, JAVA }

  @Mixin ArchitectureOptions arch;
  @Mixin CommonOptions common;

  @Option(
      names = "--delta",
      paramLabel = "D",
      description = "invariants of K^(delta)(v): rationals, or the symbol d (or d1,d2,... per layer;"
          + " printed delta, delta1, ...); default symbolic")
  String delta;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "symja",
      description = "symja (default), latex (a document pdflatex compiles), macaulay2 (a script "
          + "M2 --script runs: rings, the map mu, the matrices), or java (a class implementing "
          + "org.lcngeo.core.plan.NtkOfV that evaluates K^(delta)(v))")
  Format format;

  @Mixin TimeOptions time;

  @Option(names = "--no-inverse", description = "print only the NTK and its blocks")
  boolean noInverse;

  /**
   * What has been computed so far. The worker fills it part by part; after a time limit the main
   * thread prints what is there (each field is written once, whole).
   */
  static final class Parts {
    volatile NtkFormula formula;
    volatile List<List<Expr>> ntk;
    volatile List<List<List<Expr>>> blocks;
    volatile InverseMap inverse;
    /** The inverse map as unexpanded determinants, where it is too large to expand (no ntkOfV). */
    volatile DeterminantInverse determinantInverse;
    /** The inverse map by factoring over Q, where the layers' bidegrees tell them apart (no ntkOfV). */
    volatile FactorInverse factorInverse;
    volatile NtkOfVFormula ntkOfV;
    /**
     * Thm. 4 in the filter symbols, where the inverse map is a program (determinants, factoring):
     * K^(delta)(v) is it at w = inverseMap(v), printed as that composition.
     */
    volatile NtkOfVFormula composedNtk;
    /** Why K^(delta)(v) of a rational inverse map is a composition rather than expanded. */
    volatile String compositionReason;
    /** The parts not computed, each with its reason (cli.md, formula: "the missing part is named"). */
    final Map<String, String> missing =
        java.util.Collections.synchronizedMap(new LinkedHashMap<>());
  }

  @Override
  public Integer call() {
    Architecture a = arch.architecture();
    Invariants invariants =
        delta == null ? Invariants.symbolic(a.depth()) : Invariants.parse(delta, a.depth());
    if (format == Format.JAVA && noInverse) {
      throw new InvalidInputException(
          "--format java writes K^(delta)(v), which needs the inverse map (not --no-inverse)");
    }
    Printer printer = switch (format) {
      case LATEX -> Printer.LATEX;
      case MACAULAY2 -> Printer.MACAULAY2;
      default -> Printer.SYMJA;
    };
    Deadline deadline = time.deadline();
    Parts parts = new Parts();
    try (Progress progress = time.progress("formula", common.json)) {
      PartialResult out = new PartialResult(progress);
      out.put("architecture", Output.architecture(a));
      out.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
      try {
        Bounded.run(deadline, () -> compute(a, invariants, printer, deadline, parts, out));
        if (format == Format.JAVA && parts.composedNtk != null) {
          throw new InvalidInputException(parts.compositionReason != null
              ? "--format java writes K^(delta)(v) expanded; here it is " + COMPOSITION + ", since "
                  + parts.compositionReason
              : "--format java writes K^(delta)(v) for rational inverse maps only; here it is "
                  + COMPOSITION);
        }
        if (format == Format.JAVA && parts.ntkOfV == null) {
          throw new InvalidInputException("--format java writes K^(delta)(v), which could not be"
              + " derived: " + parts.missing.getOrDefault("ntkOfV", "no inverse map"));
        }
        if (common.json) {
          Output.json(System.out, out.snapshot());
        } else {
          System.out.print(document(a, parts));
        }
        return 0;
      } catch (TimeLimitException e) {
        missing(parts, out, "the time limit was reached first");
        String head = format == Format.JAVA ? "" : document(a, parts);
        java.util.function.UnaryOperator<String> comment = switch (format) {
          case LATEX -> line -> "% " + line;
          case MACAULAY2 -> line -> "-- " + line;
          case JAVA -> line -> "// " + line;
          default -> line -> "(* " + line + " *)";
        };
        return out.stopped("formula", e, common.json, head, comment, System.out, System.err);
      }
    }
  }

  /** The text output: a Symja session, a LaTeX document, a Macaulay2 script or a Java class. */
  private String document(Architecture a, Parts parts) {
    return switch (format) {
      case JAVA -> JavaSource.ntkOfVClass(parts.ntkOfV.tree(), "NtkOfVGenerated");
      case LATEX -> FormulaDocuments.latex(a, parts);
      case MACAULAY2 -> FormulaDocuments.macaulay2(a, parts);
      default -> FormulaDocuments.symja(a, parts);
    };
  }

  /**
   * Computes the NTK and its blocks, decides whether mu is generically one-to-one, then derives
   * the inverse map and K^(delta)(v), recording each part in {@code parts} and {@code out} as it is
   * done. A part that cannot be computed is named under {@code missing} with the reason.
   */
  private void compute(Architecture a, Invariants invariants, Printer printer, Deadline deadline,
      Parts parts, PartialResult out) {
    out.stage("writing the NTK as polynomials in the filter symbols");
    NtkFormula formula = NtkFormula.of(a);
    parts.formula = formula;
    out.put("parameters", formula.parameters());
    out.put("mu", formula.mu().stream().map(p -> printer.print(JasExprs.of(p))).toList());
    List<List<Expr>> ntk = JasExprs.polynomials(formula.ntk());
    parts.ntk = ntk;
    out.put("ntk", printer.entries(ntk));
    List<List<List<Expr>>> blocks = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      Deadline.checkCurrent();
      blocks.add(JasExprs.polynomials(formula.block(l)));
    }
    parts.blocks = blocks;
    out.put("blocks", blocks.stream().map(printer::entries).toList());
    out.stage("deciding whether mu is generically one-to-one (the fiber at a random point)");
    GenericFiber fiber = GenericFiber.of(a);
    out.put("genericallyOneToOne", fiber.oneToOne());
    out.put("genericallyOneToOneReason", fiber.reason());
    out.put("fiberLength", fiber.fiberLength());
    if (noInverse) {
      return;
    }
    if (Boolean.FALSE.equals(fiber.oneToOne())) {
      missing(parts, out, "mu is not generically one-to-one up to scaling: " + fiber.reason());
      return;
    }
    out.stage("deriving the inverse map (interpolation modulo primes, verified exactly)");
    Optional<InverseMap> found;
    try {
      // the interpolation ends by its work bounds; the time left is only the outer bound
      Duration left = deadline.remaining();
      found = InverseMap.derive(a, left == null ? Duration.ofDays(7) : left);
    } catch (InvalidInputException | LimitExceededException | TimeLimitException e) {
      deadline.check();
      if (DeterminantInverse.applies(a)) {
        determinants(a, fiber, printer, parts, out);
        composition(a, invariants, printer, parts, out, null);
        return;
      }
      if (FactorInverse.applies(a) && Boolean.TRUE.equals(fiber.oneToOne())) {
        factoring(a, parts, out);
        composition(a, invariants, printer, parts, out, null);
        return;
      }
      missing(parts, out, Boolean.TRUE.equals(fiber.oneToOne())
          ? e.getMessage() + "; mu is generically one-to-one up to scaling, so a rational inverse"
              + " exists, but no closed form of it is written here (the determinant form covers 1-D"
              + " networks with k_l > s_l >= 2 in every layer l < H)"
          : e.getMessage());
      return;
    }
    if (found.isEmpty()) {
      missing(parts, out, "no inverse map was found");
      return;
    }
    InverseMap inverse = found.get();
    if (!Boolean.TRUE.equals(fiber.oneToOne())) {
      out.put("genericallyOneToOne", true);
      out.put("genericallyOneToOneReason",
          "the inverse map below is verified exactly: theta(mu(w)) = w");
    }
    parts.inverse = inverse;
    Map<String, Object> inv = new LinkedHashMap<>();
    inv.put("variables", inverse.variables());
    inv.put("filters",
        Output.layers(a, printer.entries(JasExprs.quotients(inverse.theta().layers())), s -> s));
    out.put("inverse", inv);
    out.stage("writing K^(delta)(v)");
    long estimate = NtkOfVFormula.expansionEstimate(inverse);
    if (estimate > NtkOfVFormula.MAX_EXPANSION_ESTIMATE) {
      composition(a, invariants, printer, parts, out, "the expanded form is estimated at "
          + estimate + " term products per entry from the inverse map's size, above the bound "
          + NtkOfVFormula.MAX_EXPANSION_ESTIMATE);
      return;
    }
    NtkOfVFormula k;
    try {
      k = NtkOfVFormula.of(inverse, invariants);
    } catch (NtkOfVFormula.ExpansionBoundReached e) {
      composition(a, invariants, printer, parts, out, "the expanded form is estimated at " + estimate
          + " term products per entry, within the bound " + NtkOfVFormula.MAX_EXPANSION_ESTIMATE
          + ", but " + e.getMessage());
      return;
    }
    out.put("delta", deltas(k, printer));
    out.put("ntkOfV", printer.entries(k.ntkOfV()));
    scalar(a, k, printer, out);
    if (format == Format.JAVA) {
      out.put("java", JavaSource.ntkOfVMethodBody(k.tree()));
    }
    parts.ntkOfV = k;
  }

  /** How K^(delta)(v) is given where the inverse map is a program (ntkOfV.form in the JSON). */
  static final String COMPOSITION = "composition: K^(delta)(v) = K^(delta)(w) at w = theta(v) ="
      + " inverseMap(v), with K^(delta)(w) = sum_l K_l(w) N_l(w) / (beta_1 + c_l) (Thm. 4) in the"
      + " filter symbols, N_l(w) = ||w_l||^2 and beta_1 (or lambda2 = beta_1 / N_1) taken at the"
      + " same w";

  /** The invariants delta_l of a formula, as printed. */
  private static List<String> deltas(NtkOfVFormula k, Printer printer) {
    return k.invariants().deltas().stream().map(d -> printer.print(JasExprs.of(d))).toList();
  }

  /** ntkOfVScalar, beta1 and lambdaSquared of a formula (in v, or in the filter symbols). */
  private void scalar(Architecture a, NtkOfVFormula k, Printer printer, PartialResult out) {
    Map<String, String> scalar = new LinkedHashMap<>();
    scalar.put("symbol", printer.print(k.scalarSymbol()));
    if (format != Format.MACAULAY2) {
      scalar.put("definition", printer.print(k.scalarDefinition()));
    }
    scalar.put("relation", printer.print(k.scalarRelation()));
    out.put("ntkOfVScalar", scalar);
    if (format != Format.MACAULAY2) {
      out.put("beta1", printer.print(k.beta1()));
      if (a.depth() == 2) {
        out.put("lambdaSquared", printer.print(k.lambdaSquared()));
      }
    }
  }

  /**
   * K^(delta)(v) as {@link #COMPOSITION}: ntkOfV has form and the matrix in the filter symbols, and
   * for a rational inverse map, which could also be expanded, the reason it is not.
   */
  private void composition(Architecture a, Invariants invariants, Printer printer, Parts parts,
      PartialResult out, String reason) {
    out.stage("writing K^(delta)(v) as Thm. 4 at w = inverseMap(v)");
    NtkOfVFormula k = NtkOfVFormula.inFilterSymbols(a, invariants);
    Map<String, Object> ntk = new LinkedHashMap<>();
    ntk.put("form", COMPOSITION);
    if (reason != null) {
      ntk.put("reason", reason);
      parts.compositionReason = reason;
    }
    ntk.put("inFilterSymbols", printer.entries(k.ntkOfV()));
    out.put("delta", deltas(k, printer));
    out.put("ntkOfV", ntk);
    scalar(a, k, printer, out);
    parts.composedNtk = k;
  }

  /**
   * The inverse map as unexpanded determinants ({@link DeterminantInverse}) where the rational
   * functions are beyond interpolation; K^(delta)(v) is then printed as a composition ({@link
   * #composition}).
   */
  private void determinants(Architecture a, GenericFiber fiber, Printer printer, Parts parts,
      PartialResult out) {
    out.stage("writing the inverse map as determinants (checked exactly at a random point)");
    DeterminantInverse inverse = DeterminantInverse.of(a).orElseThrow();
    if (!Boolean.TRUE.equals(fiber.oneToOne())) {
      out.put("genericallyOneToOne", true);
      out.put("genericallyOneToOneReason",
          "the inverse map below is proven by its determinants' ranks at a random point");
    }
    parts.determinantInverse = inverse;
    Map<String, Object> inv = new LinkedHashMap<>();
    inv.put("variables", inverse.variables());
    inv.put("filters", Output.layers(a, printer.entries(inverse.theta()), s -> s));
    inv.put("form", inverse.nested()
        ? "nested determinants of order up to " + inverse.order() + ", unexpanded: layer 1 and u ="
            + " mu(w_2, ..., w_H) (times w_1,0) from v by determinants with entries 0 or +-v_m, then"
            + " layers 2, ..., H from u the same way, with u's entries in place of v_m (eq. 8)"
        : "determinants of order up to " + inverse.order() + " with entries 0 or +-v_m, unexpanded");
    out.put("inverse", inv);
  }

  /**
   * The inverse map by factoring v(x, y) over Q ({@link FactorInverse}) where mu is generically
   * one-to-one but its rational inverse is beyond interpolation and elimination: a program in the
   * format's system, not an expression; K^(delta)(v) is printed as a composition.
   */
  private void factoring(Architecture a, Parts parts, PartialResult out) {
    out.stage("writing the inverse map by factoring (checked exactly at a random point)");
    FactorInverse inverse = FactorInverse.of(a).orElseThrow();
    parts.factorInverse = inverse;
    Map<String, Object> inv = new LinkedHashMap<>();
    List<String> variables = new ArrayList<>();
    for (int m = 0; m < a.endToEndEntries(); m++) {
      variables.add("v" + m);
    }
    inv.put("variables", variables);
    inv.put("form", "factoring over Q: " + FormulaDocuments.factoringDescription());
    List<Map<String, Object>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      Map<String, Object> layer = new LinkedHashMap<>();
      layer.put("bidegree", List.of(inverse.bidegree(l)[0], inverse.bidegree(l)[1]));
      layer.put("constantTerm", l + 1 < a.depth() ? "1" : "v0");
      layers.add(layer);
    }
    inv.put("layers", layers);
    if (format == Format.MACAULAY2) {
      inv.put("program", FormulaDocuments.macaulay2Factoring(inverse));
    } else if (format != Format.LATEX) {
      inv.put("program", FormulaDocuments.symjaFactoring(inverse));
    }
    out.put("inverse", inv);
  }

  /** Names the parts not computed (NTK, blocks, inverse map, K^(delta)(v)) with the reason. */
  private void missing(Parts parts, PartialResult out, String reason) {
    if (parts.ntk == null) {
      parts.missing.putIfAbsent("ntk", reason);
    }
    if (parts.blocks == null) {
      parts.missing.putIfAbsent("blocks", reason);
    }
    if (!noInverse && parts.ntkOfV == null && parts.composedNtk == null) {
      if (parts.inverse == null && parts.determinantInverse == null && parts.factorInverse == null) {
        parts.missing.putIfAbsent("inverse", reason);
      }
      parts.missing.putIfAbsent("ntkOfV", reason);
    }
    if (!parts.missing.isEmpty()) {
      synchronized (parts.missing) {
        out.put("missing", new LinkedHashMap<>(parts.missing));
      }
    }
  }
}
