package org.lcngeo.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.TimeLimitException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.formula.Notation;
import org.lcngeo.symbolic.manifold.NeuromanifoldEquations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lcn manifold}: the dimension of the neuromanifold and generators of the ideal of its
 * Zariski closure (elimination, Ex. 15: v0 v3^2 + v1^2 v4 - v1 v2 v3).
 */
@Command(
    name = "manifold",
    mixinStandardHelpOptions = true,
    description = "The neuromanifold: its dimension and the equations of its Zariski closure in "
        + "v0, v1, ... (row-major end-to-end entries).")
final class ManifoldCommand implements Callable<Integer> {
  enum Format { SYMJA, LATEX, MACAULAY2 }

  @Mixin ArchitectureOptions arch;
  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "F",
      defaultValue = "symja",
      description = "symja (default), latex, or macaulay2 (a session defining the ring and ideal)")
  Format format;

  @Mixin TimeOptions time;

  @Override
  public Integer call() {
    Architecture a = arch.architecture();
    Deadline deadline = time.deadline();
    // The implicitization stops itself a little before the command's deadline and returns the
    // equations found so far (complete = false, stopped), so that they are printed, not cut off.
    Deadline own = Deadline.after(time.limit().multipliedBy(19).dividedBy(20));
    NeuromanifoldEquations m;
    try (Progress progress = time.progress("manifold", common.json)) {
      PartialResult partial = new PartialResult(progress);
      partial.put("architecture", Output.architecture(a));
      partial.put("equations", java.util.List.of());
      partial.stage("implicitization: equations by interpolation modulo primes, verified exactly");
      try {
        m = Bounded.call(deadline, () -> {
          try (Deadline.Scope scope = own.enter()) {
            return NeuromanifoldEquations.compute(a);
          }
        });
      } catch (TimeLimitException e) {
        return partial.stopped("manifold", e, common.json, a.summary() + "\n", System.out,
            System.err);
      }
    }
    Notation notation =
        switch (format) {
          case SYMJA -> Notation.SYMJA;
          case LATEX -> Notation.LATEX;
          case MACAULAY2 -> Notation.MACAULAY2;
        };
    if (common.json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("architecture", Output.architecture(a));
      out.put("dimension", m.dimension());
      out.put("dimensionCertain", m.dimensionCertain());
      out.put("variables", m.variables());
      out.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
      out.put("degree", m.degree() == null ? null : m.degree().toString());
      out.put("parametrizationDegree",
          m.parametrizationDegree() == null ? null : m.parametrizationDegree().toString());
      out.put("equations", m.write(notation));
      out.put("complete", m.complete());
      if (!m.complete()) {
        out.put("reason", m.reason());
      }
      if (m.stopped()) {
        out.put("stopped", "timeout");
      }
      if (format == Format.MACAULAY2) {
        out.put("macaulay2", ManifoldScript.macaulay2(m));
      }
      Output.json(System.out, out);
    } else if (format == Format.MACAULAY2) {
      System.out.print("-- " + a.summary() + "\n-- dim = " + m.dimension()
          + (m.degree() == null ? "" : ", degree = " + m.degree()) + "\n" + ManifoldScript.macaulay2(m));
    } else {
      StringBuilder b = new StringBuilder();
      b.append(a.summary()).append('\n');
      b.append("dimension: ").append(m.dimension())
          .append(m.dimensionCertain() ? "" : " (lower bound, not certified)")
          .append(" in R^").append(a.endToEndEntries()).append('\n');
      b.append("degree: ").append(m.degree() == null ? "unknown" : m.degree()).append('\n');
      if (!m.complete()) {
        b.append("NOT proven complete: ").append(m.reason())
            .append("\nthe equations below vanish on the neuromanifold but may not generate its ideal\n");
      }
      if (m.equations().isEmpty() && m.complete()) {
        b.append("equations: none (the neuromanifold is Zariski dense)\n");
      } else {
        b.append("equations (").append(m.equations().size()).append("), each = 0:\n");
        for (String e : m.write(notation)) {
          b.append("  ").append(e).append('\n');
        }
      }
      System.out.print(b);
    }
    return m.stopped() ? 3 : 0;
  }
}
