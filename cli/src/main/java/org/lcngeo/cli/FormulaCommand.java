package org.lcngeo.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.formula.Invariants;
import org.lcngeo.symbolic.formula.JasExprs;
import org.lcngeo.symbolic.formula.InverseMap;
import org.lcngeo.symbolic.formula.NtkFormula;
import org.lcngeo.symbolic.formula.NtkOfVFormula;
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

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "time bound of the elimination deriving the inverse map (default ${DEFAULT-VALUE})")
  int timeout;

  @Option(names = "--no-inverse", description = "print only the NTK and its blocks")
  boolean noInverse;

  @Override
  public Integer call() {
    Architecture a = arch.architecture();
    Duration bound = CommonOptions.timeout(timeout);
    Invariants invariants =
        delta == null ? Invariants.symbolic(a.depth()) : Invariants.parse(delta, a.depth());
    NtkFormula formula = NtkFormula.of(a);
    Optional<InverseMap> inverse =
        noInverse ? Optional.empty() : deriveInverse(a, bound);
    Optional<NtkOfVFormula> ntkOfV = inverse.map(i -> NtkOfVFormula.of(i, invariants));
    if (format == Format.JAVA && ntkOfV.isEmpty()) {
      throw new InvalidInputException(
          "--format java writes K^(delta)(v), which needs mu to be generically one-to-one up to "
              + "scaling (1-D with strides > 1 but the last, or D >= 2 per Observation 11)");
    }
    Printer printer = switch (format) {
      case LATEX -> Printer.LATEX;
      case MACAULAY2 -> Printer.MACAULAY2;
      default -> Printer.SYMJA;
    };
    List<List<Expr>> ntk = JasExprs.polynomials(formula.ntk());
    List<List<List<Expr>>> blocks = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      blocks.add(JasExprs.polynomials(formula.block(l)));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("architecture", Output.architecture(a));
    out.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
    out.put("parameters", formula.parameters());
    out.put("mu", formula.mu().stream().map(p -> printer.print(JasExprs.of(p))).toList());
    out.put("ntk", printer.entries(ntk));
    out.put("blocks", blocks.stream().map(printer::entries).toList());
    out.put("genericallyOneToOne", InverseMap.applies(a));
    if (inverse.isPresent()) {
      Map<String, Object> inv = new LinkedHashMap<>();
      inv.put("variables", inverse.get().variables());
      inv.put("filters", Output.layers(a, printer.entries(JasExprs.quotients(inverse.get().theta().layers())), s -> s));
      out.put("inverse", inv);
      NtkOfVFormula k = ntkOfV.get();
      out.put("delta", k.invariants().deltas().stream().map(d -> printer.print(JasExprs.of(d))).toList());
      out.put("ntkOfV", printer.entries(k.ntkOfV()));
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
      if (format == Format.JAVA) {
        out.put("java", k.javaMethodBody());
      }
    } else if (!noInverse) {
      out.put("inverseMissing", "mu is not generically one-to-one up to scaling (Thm. 4, Obs. 11):"
          + " no inverse map, no K^(delta)(v)");
    }
    if (common.json) {
      Output.json(System.out, out);
    } else {
      System.out.print(switch (format) {
        case JAVA -> ntkOfV.get().javaClass("NtkOfVGenerated");
        case LATEX -> FormulaDocuments.latex(a, formula, ntk, blocks, inverse, ntkOfV);
        case MACAULAY2 -> FormulaDocuments.macaulay2(a, formula, ntk, blocks, inverse, ntkOfV);
        default -> FormulaDocuments.symja(a, formula, ntk, blocks, inverse, ntkOfV);
      });
    }
    return 0;
  }

  private static Optional<InverseMap> deriveInverse(Architecture a, Duration bound) {
    try {
      return InverseMap.derive(a, bound);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          e.getMessage() + " (use --no-inverse to print only the NTK and its blocks, or a larger"
              + " --timeout)");
    }
  }
}
