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

  @Mixin TimeOptions time;

  @Option(names = "--no-inverse", description = "print only the NTK and its blocks")
  boolean noInverse;

  @Override
  public Integer call() {
    Architecture a = arch.architecture();
    Invariants invariants =
        delta == null ? Invariants.symbolic(a.depth()) : Invariants.parse(delta, a.depth());
    if (format == Format.JAVA && noInverse) {
      throw new InvalidInputException(
          "--format java writes K^(delta)(v), which needs the inverse map (not --no-inverse)");
    }
    Notation notation = format == Format.LATEX ? Notation.LATEX : Notation.SYMJA;
    Deadline deadline = time.deadline();
    try (Progress progress = time.progress("formula", common.json)) {
      PartialResult out = new PartialResult(progress);
      out.put("architecture", Output.architecture(a));
      out.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
      try {
        Optional<NtkOfVFormula> ntkOfV =
            Bounded.call(deadline, () -> compute(a, invariants, notation, deadline, out));
        if (format == Format.JAVA && ntkOfV.isEmpty()) {
          throw new InvalidInputException("--format java: " + missingReason(out));
        }
        Map<String, Object> m = out.snapshot();
        if (common.json) {
          Output.json(System.out, m);
        } else if (format == Format.JAVA) {
          System.out.print(ntkOfV.get().javaClass("NtkOfVGenerated"));
        } else {
          System.out.print(notation == Notation.LATEX ? latex(a, m) : symja(a, m));
        }
        return 0;
      } catch (TimeLimitException e) {
        Map<String, Object> m = out.snapshot();
        missing(out, m, "the time limit was reached first");
        String head = format == Format.JAVA ? ""
            : notation == Notation.LATEX ? latex(a, out.snapshot()) : symja(a, out.snapshot());
        java.util.function.UnaryOperator<String> comment = notation == Notation.LATEX
            ? line -> "% " + line : line -> "(* " + line + " *)";
        return out.stopped("formula", e, common.json, head, comment, System.out, System.err);
      }
    }
  }

  /**
   * Computes the NTK and its blocks, then the inverse map and K^(delta)(v), recording each part
   * in {@code out} as it is done. A part that cannot be computed (no inverse: elimination beyond
   * its bounds) is named under {@code missing} with the reason; the rest is kept.
   */
  private Optional<NtkOfVFormula> compute(Architecture a, Invariants invariants, Notation notation,
      Deadline deadline, PartialResult out) {
    out.stage("writing the NTK as polynomials in the filter symbols");
    NtkFormula formula = NtkFormula.of(a);
    out.put("parameters", formula.parameters());
    out.put("ntk", NtkFormula.write(formula.ntk(), notation));
    List<Object> blocks = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      Deadline.checkCurrent();
      blocks.add(NtkFormula.write(formula.block(l), notation));
    }
    out.put("blocks", blocks);
    out.stage("deciding whether mu is generically one-to-one (the fiber at a random point)");
    GenericFiber fiber = GenericFiber.of(a);
    out.put("genericallyOneToOne", fiber.oneToOne());
    out.put("genericallyOneToOneReason", fiber.reason());
    out.put("fiberLength", fiber.fiberLength());
    if (noInverse) {
      return Optional.empty();
    }
    if (Boolean.FALSE.equals(fiber.oneToOne())) {
      missing(out, out.snapshot(),
          "mu is not generically one-to-one up to scaling: " + fiber.reason());
      return Optional.empty();
    }
    out.stage("deriving the inverse map (interpolation modulo primes, verified exactly)");
    Optional<InverseMap> inverse;
    try {
      Duration left = deadline.remaining();
      inverse = InverseMap.derive(a, left == null ? Duration.ofDays(7) : left);
    } catch (InvalidInputException | LimitExceededException e) {
      deadline.check();
      missing(out, out.snapshot(), e.getMessage());
      return Optional.empty();
    }
    if (inverse.isEmpty()) {
      missing(out, out.snapshot(), "no inverse map was found");
      return Optional.empty();
    }
    if (!Boolean.TRUE.equals(fiber.oneToOne())) {
      out.put("genericallyOneToOne", true);
      out.put("genericallyOneToOneReason",
          "the inverse map below is verified exactly: theta(mu(w)) = w");
    }
    Map<String, Object> inv = new LinkedHashMap<>();
    inv.put("variables", inverse.get().variables());
    inv.put("filters", Output.layers(a, inverse.get().write(notation), s -> s));
    out.put("inverse", inv);
    out.stage("writing K^(delta)(v)");
    NtkOfVFormula k = NtkOfVFormula.of(inverse.get(), invariants);
    out.put("delta", k.invariants().deltas().stream().map(notation::polynomial).toList());
    out.put("ntkOfV", k.write(notation));
    Map<String, Object> scalar = new LinkedHashMap<>(); // Map.of's order changes from run to run
    scalar.put("symbol", k.scalarSymbol(notation));
    scalar.put("definition", k.scalarDefinition(notation));
    out.put("ntkOfVScalar", scalar);
    out.put("beta1", k.beta1(notation));
    if (a.depth() == 2) {
      out.put("lambdaSquared", k.lambdaSquared(notation));
    }
    if (format == Format.JAVA) {
      out.put("java", k.javaMethodBody());
    }
    return Optional.of(k);
  }

  /** Names the parts not computed (cli.md, formula: "the missing part is named"). */
  private void missing(PartialResult out, Map<String, Object> m, String reason) {
    Map<String, Object> missing = new LinkedHashMap<>();
    for (String part : List.of("ntk", "blocks")) {
      if (!m.containsKey(part)) {
        missing.put(part, reason);
      }
    }
    if (!noInverse && !m.containsKey("ntkOfV")) {
      if (!m.containsKey("inverse")) {
        missing.put("inverse", reason);
      }
      missing.put("ntkOfV", reason);
    }
    if (!missing.isEmpty()) {
      out.put("missing", missing);
    }
  }

  @SuppressWarnings("unchecked")
  private static String missingReason(PartialResult out) {
    Object m = out.snapshot().get("missing");
    return m instanceof Map<?, ?> map && !map.isEmpty()
        ? "K^(delta)(v) could not be derived: " + map.values().iterator().next()
        : "K^(delta)(v) could not be derived";
  }

  @SuppressWarnings("unchecked")
  private static String symja(Architecture a, Map<String, Object> out) {
    StringBuilder b = new StringBuilder();
    b.append("(* ").append(a.summary()).append(" *)\n");
    if (out.containsKey("parameters")) {
      b.append("parameters = ").append(list((List<String>) out.get("parameters"))).append(";\n");
    }
    if (out.containsKey("ntk")) {
      b.append("ntk = ").append(matrix((List<List<String>>) out.get("ntk"))).append(";\n");
    }
    List<Object> blocks = (List<Object>) out.getOrDefault("blocks", List.of());
    for (int l = 0; l < blocks.size(); l++) {
      b.append("K").append(l + 1).append(" = ")
          .append(matrix((List<List<String>>) blocks.get(l))).append(";\n");
    }
    if (out.containsKey("ntkOfV")) {
      Map<String, Object> inv = (Map<String, Object>) out.get("inverse");
      b.append("inverse = ").append(TextFormat.nested(inv.get("filters")).replace('[', '{').replace(']', '}'))
          .append(";\n");
      Map<String, String> scalar = (Map<String, String>) out.get("ntkOfVScalar");
      b.append(scalar.get("symbol")).append(" = ").append(scalar.get("definition")).append(";\n");
      b.append("ntkOfV = ").append(matrix((List<List<String>>) out.get("ntkOfV"))).append(";\n");
    }
    ((Map<String, Object>) out.getOrDefault("missing", Map.of())).forEach((part, why) ->
        b.append("(* not computed: ").append(part).append(": ").append(why).append(" *)\n"));
    return b.toString();
  }

  @SuppressWarnings("unchecked")
  private static String latex(Architecture a, Map<String, Object> out) {
    StringBuilder b = new StringBuilder();
    b.append("% ").append(a.summary()).append("\n");
    if (out.containsKey("ntk")) {
      b.append("K = ").append(bmatrix((List<List<String>>) out.get("ntk"))).append("\n\n");
    }
    List<Object> blocks = (List<Object>) out.getOrDefault("blocks", List.of());
    for (int l = 0; l < blocks.size(); l++) {
      b.append("K_{").append(l + 1).append("} = ")
          .append(bmatrix((List<List<String>>) blocks.get(l))).append("\n\n");
    }
    if (out.containsKey("ntkOfV")) {
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
    ((Map<String, Object>) out.getOrDefault("missing", Map.of())).forEach((part, why) ->
        b.append("% not computed: ").append(part).append(": ").append(why).append("\n"));
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
