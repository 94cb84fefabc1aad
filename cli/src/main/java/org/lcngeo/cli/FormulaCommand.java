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
import org.lcngeo.core.TimeLimitException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.formula.Invariants;
import org.lcngeo.symbolic.formula.InverseMap;
import org.lcngeo.symbolic.formula.Notation;
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
    description = "Closed-form NTK: polynomials in the filter symbols w<l>_<j>, the blocks K_l, "
        + "and where mu is generically one-to-one up to scaling the inverse map v -> theta and "
        + "K^(delta)(v).")
final class FormulaCommand implements Callable<Integer> {
  enum Format { SYMJA, LATEX, JAVA }

  @Mixin ArchitectureOptions arch;
  @Mixin CommonOptions common;

  @Option(
      names = "--delta",
      paramLabel = "D",
      description = "invariants of K^(delta)(v): rationals, or the symbol d (or d1,d2,... per layer);"
          + " default symbolic")
  String delta;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "symja",
      description = "symja (default), latex, or java (a class implementing "
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
    GenericFiber fiber;
    String inverseMissing = null;
    boolean stopped = false;
    try (Deadline.Scope scope = Deadline.after(bound).enter()) {
      fiber = GenericFiber.of(a);
    } catch (TimeLimitException e) {
      fiber = new GenericFiber(null, 0, "undecided: " + e.getMessage());
      stopped = true;
    }
    Optional<InverseMap> inverse = Optional.empty();
    if (!noInverse && !stopped && !Boolean.FALSE.equals(fiber.oneToOne())) {
      try {
        inverse = deriveInverse(a, bound);
      } catch (InvalidInputException | TimeLimitException e) {
        if (format == Format.JAVA) {
          throw e;
        }
        inverseMissing = e.getMessage();
        stopped = e instanceof TimeLimitException;
      }
    } else if (!noInverse) {
      inverseMissing = stopped ? fiber.reason()
          : "mu is not generically one-to-one up to scaling: " + fiber.reason();
    }
    Boolean oneToOne = inverse.isPresent() ? Boolean.TRUE : fiber.oneToOne();
    Optional<NtkOfVFormula> ntkOfV = inverse.map(i -> NtkOfVFormula.of(i, invariants));
    if (format == Format.JAVA && ntkOfV.isEmpty()) {
      throw new InvalidInputException(
          "--format java writes K^(delta)(v), which needs mu to be generically one-to-one up to "
              + "scaling; " + (inverseMissing == null ? fiber.reason() : inverseMissing));
    }
    Notation notation = format == Format.LATEX ? Notation.LATEX : Notation.SYMJA;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("architecture", Output.architecture(a));
    out.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
    out.put("parameters", formula.parameters());
    out.put("ntk", NtkFormula.write(formula.ntk(), notation));
    List<Object> blocks = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      blocks.add(NtkFormula.write(formula.block(l), notation));
    }
    out.put("blocks", blocks);
    out.put("genericallyOneToOne", oneToOne);
    out.put("genericallyOneToOneReason", inverse.isPresent() && !Boolean.TRUE.equals(fiber.oneToOne())
        ? "the inverse map below is verified exactly: theta(mu(w)) = w" : fiber.reason());
    out.put("fiberLength", fiber.fiberLength());
    if (inverseMissing != null) {
      out.put("inverseMissing", inverseMissing);
    }
    if (stopped) {
      out.put("complete", false);
      out.put("stopped", "timeout");
    }
    if (inverse.isPresent()) {
      Map<String, Object> inv = new LinkedHashMap<>();
      inv.put("variables", inverse.get().variables());
      inv.put("filters", Output.layers(a, inverse.get().write(notation), s -> s));
      out.put("inverse", inv);
      NtkOfVFormula k = ntkOfV.get();
      out.put("delta", k.invariants().deltas().stream().map(notation::polynomial).toList());
      out.put("ntkOfV", k.write(notation));
      out.put("ntkOfVScalar", Map.of("symbol", k.scalarSymbol(notation), "definition", k.scalarDefinition(notation)));
      out.put("beta1", k.beta1(notation));
      if (a.depth() == 2) {
        out.put("lambdaSquared", k.lambdaSquared(notation));
      }
      if (format == Format.JAVA) {
        out.put("java", k.javaMethodBody());
      }
    }
    if (common.json) {
      Output.json(System.out, out);
    } else if (format == Format.JAVA) {
      System.out.print(ntkOfV.get().javaClass("NtkOfVGenerated"));
    } else {
      System.out.print(notation == Notation.LATEX ? latex(a, out) : symja(a, out));
    }
    return stopped ? 3 : 0;
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

  @SuppressWarnings("unchecked")
  private static String symja(Architecture a, Map<String, Object> out) {
    StringBuilder b = new StringBuilder();
    b.append("(* ").append(a.summary()).append(" *)\n");
    b.append("parameters = ").append(list((List<String>) out.get("parameters"))).append(";\n");
    b.append("ntk = ").append(matrix((List<List<String>>) out.get("ntk"))).append(";\n");
    List<Object> blocks = (List<Object>) out.get("blocks");
    for (int l = 0; l < blocks.size(); l++) {
      b.append("K").append(l + 1).append(" = ")
          .append(matrix((List<List<String>>) blocks.get(l))).append(";\n");
    }
    if (out.containsKey("inverse")) {
      Map<String, Object> inv = (Map<String, Object>) out.get("inverse");
      b.append("inverse = ").append(TextFormat.nested(inv.get("filters")).replace('[', '{').replace(']', '}'))
          .append(";\n");
      Map<String, String> scalar = (Map<String, String>) out.get("ntkOfVScalar");
      b.append(scalar.get("symbol")).append(" = ").append(scalar.get("definition")).append(";\n");
      b.append("ntkOfV = ").append(matrix((List<List<String>>) out.get("ntkOfV"))).append(";\n");
    } else if (out.containsKey("inverseMissing")) {
      b.append("(* no inverse map, no K^(delta)(v): ").append(out.get("inverseMissing")).append(" *)\n");
    }
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static String latex(Architecture a, Map<String, Object> out) {
    StringBuilder b = new StringBuilder();
    b.append("% ").append(a.summary()).append("\n");
    b.append("K = ").append(bmatrix((List<List<String>>) out.get("ntk"))).append("\n\n");
    List<Object> blocks = (List<Object>) out.get("blocks");
    for (int l = 0; l < blocks.size(); l++) {
      b.append("K_{").append(l + 1).append("} = ")
          .append(bmatrix((List<List<String>>) blocks.get(l))).append("\n\n");
    }
    if (out.containsKey("inverse")) {
      Map<String, Object> inv = (Map<String, Object>) out.get("inverse");
      List<Object> filters = (List<Object>) inv.get("filters");
      for (int l = 0; l < filters.size(); l++) {
        b.append("w_{").append(l + 1).append("} = ")
            .append(TextFormat.nested(filters.get(l)).replace("[", "\\left(").replace("]", "\\right)"))
            .append("\n\n");
      }
      Map<String, String> scalar = (Map<String, String>) out.get("ntkOfVScalar");
      b.append(scalar.get("symbol")).append(" = ").append(scalar.get("definition")).append("\n\n");
      b.append("K^{(\\delta)}(v) = ").append(bmatrix((List<List<String>>) out.get("ntkOfV"))).append("\n");
    }
    return b.toString();
  }

  private static String list(List<String> xs) {
    return "{" + String.join(", ", xs) + "}";
  }

  private static String matrix(List<List<String>> m) {
    List<String> rows = m.stream().map(FormulaCommand::list).toList();
    return "{" + String.join(",\n  ", rows) + "}";
  }

  private static String bmatrix(List<List<String>> m) {
    List<String> rows = m.stream().map(r -> String.join(" & ", r)).toList();
    return "\\begin{pmatrix}\n" + String.join(" \\\\\n", rows) + "\n\\end{pmatrix}";
  }
}
