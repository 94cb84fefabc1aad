package org.lcngeo.cli.reproduce;

import java.io.IOException;
import org.lcngeo.symbolic.expr.Printer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.cli.Bounded;
import org.lcngeo.cli.CommonOptions;
import org.lcngeo.cli.Output;
import org.lcngeo.cli.OutputFiles;
import org.lcngeo.cli.PartialResult;
import org.lcngeo.cli.Progress;
import org.lcngeo.cli.TimeOptions;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.TimeLimitException;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.numeric.relu.Section5;
import org.lcngeo.symbolic.fiber.FactorSyntax;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.paper.FullyConnectedWitness;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.LatexDocument;
import org.lcngeo.symbolic.paper.PaperExample;
import org.lcngeo.symbolic.paper.PaperExamples;
import org.lcngeo.symbolic.paper.Table1;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lcn reproduce}: the paper recomputed. Table 1 from exact fibers of seeded random samples,
 * the worked Examples 15, 16, 17, 19 and 20, Lemma 5 / Cor. 6, Thm. 14 and Sec. 5; every verdict
 * decided when it runs. Where a computed verdict differs from the paper, the computed one is
 * printed with its witness.
 */
@Command(
    name = "reproduce",
    mixinStandardHelpOptions = true,
    description = "Recompute the paper: Table 1 and the worked examples, exactly, with evidence.")
public final class ReproduceCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Mixin TimeOptions time;

  @Option(names = "--seed", defaultValue = "20251126", description = "seed of the samples of Table 1 (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--latex", paramLabel = "FILE", description = "also write the examples' matrices as LaTeX to FILE")
  Path latex;

  /** The parts computed so far, filled by the worker thread in order. */
  private static final class Parts {
    volatile List<Table1.Row> rows;
    volatile List<PaperExample> examples;
    volatile PaperExample.Lemma5Check lemma5;
    volatile Section5 section5;
  }

  @Override
  public Integer call() throws IOException {
    if (latex != null) {
      OutputFiles.requireWritable(latex, "--latex");
    }
    long start = System.nanoTime();
    Parts parts = new Parts();
    Deadline deadline = time.deadline();
    String output;
    try (Progress progress = time.progress("reproduce", common.json())) {
      PartialResult partial = new PartialResult(progress);
      try {
        output = Bounded.call(deadline, () -> {
          partial.stage("Table 1: exact fibers of the sampled tuples");
          parts.rows = Table1.compute(seed);
          partial.stage("the worked examples");
          parts.examples = PaperExamples.all();
          partial.stage("Lemma 5 and Corollary 6");
          parts.lemma5 = PaperExamples.lemma5AndCorollary6(
              org.lcngeo.core.model.FilterTuple.of(PaperExamples.EX15, List.of(
                  List.of(new BigFraction(1), new BigFraction(3), new BigFraction(2)),
                  List.of(new BigFraction(2), new BigFraction(-1)))));
          partial.stage("Section 5");
          parts.section5 = Section5.compute(seed);
          partial.stage("writing the results");
          double seconds = (System.nanoTime() - start) / 1e9;
          return common.json() ? Output.jsonText(json(parts, seconds)) + "\n" : text(parts, seconds);
        });
      } catch (TimeLimitException e) {
        // what was computed, written under a short bound of its own (writing exact numbers may
        // call Symja); if even that does not finish, only the stop is reported
        double seconds = (System.nanoTime() - start) / 1e9;
        Deadline writing = Deadline.after(java.time.Duration.ofSeconds(WRITING_SECONDS));
        String head = "";
        try {
          Bounded.call(writing, () -> json(parts, seconds)).forEach(partial::put);
          head = common.json() ? "" : Bounded.call(writing, () -> text(parts, seconds));
        } catch (TimeLimitException alsoTooLong) {
          partial.put("seed", seed);
        }
        return partial.stopped("reproduce", e, common.json(), head, System.out, System.err);
      }
    }
    if (latex != null) {
      writeLatex(parts.examples);
    }
    System.out.print(output);
    return 0;
  }

  /** The bound on writing the parts computed before a time limit. */
  private static final int WRITING_SECONDS = 5;

  /** The JSON of the parts computed (all of them unless a time limit stopped the work). */
  private Map<String, Object> json(Parts parts, double seconds) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (parts.rows != null) {
      out.put("table1", parts.rows.stream().map(ReproduceCommand::row).toList());
    }
    if (parts.examples != null) {
      List<Object> ex = new ArrayList<>();
      for (PaperExample e : parts.examples) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("ok", e.ok());
        m.put("title", e.title());
        m.put("account", e.account());
        m.putAll(objects(e.objects()));
        ex.add(m);
      }
      out.put("examples", ex);
    }
    Map<String, Object> checks = new LinkedHashMap<>();
    if (parts.lemma5 != null) {
      checks.put("lemma5Corollary6", parts.lemma5);
    }
    if (parts.section5 != null) {
      checks.put("section5", parts.section5);
    }
    out.put("checks", checks);
    out.put("seed", seed);
    out.put("seconds", seconds);
    return out;
  }

  /** An example's objects as JSON fields (Ex. 19's fiber fields, then its own). */
  private static Map<String, Object> objects(PaperExample.Objects o) {
    if (o instanceof PaperExample.Example19 e) {
      Map<String, Object> m = Output.fields(e.fiber());
      m.put("paperNtksMatch", e.paperNtksMatch());
      return m;
    }
    return Output.fields((Record) o);
  }

  private static Map<String, Object> row(Table1.Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("class", r.architectureClass().id());
    m.put("balancedIndependent", r.balancedIndependent());
    m.put("genericIndependent", r.genericIndependent());
    Map<String, Object> evidence = new LinkedHashMap<>();
    if (r.architectureClass() == Table1.ArchitectureClass.FULLY_CONNECTED) {
      evidence.put("balanced", r.balancedWitnesses().stream().map(ReproduceCommand::witness).toList());
      evidence.put("generic", r.genericWitnesses().stream().map(ReproduceCommand::witness).toList());
    } else {
      evidence.put("balanced", r.balancedFibers().stream().map(ReproduceCommand::sample).toList());
      evidence.put("generic", r.genericFibers().stream().map(ReproduceCommand::sample).toList());
    }
    m.put("evidence", evidence);
    Map<String, Object> paper = new LinkedHashMap<>(); // Map.of's order changes from run to run
    paper.put("balancedIndependent", r.architectureClass().paperBalanced());
    paper.put("genericIndependent", r.architectureClass().paperGeneric());
    m.put("paper", paper);
    m.put("agreesWithPaper", r.agreesWithPaper());
    return m;
  }

  private static Map<String, Object> sample(Table1.FiberSample s) {
    Fiber f = s.fiber();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architecture", s.sample().architecture().summary());
    m.put("sample", s.sample().layers().stream().map(Rationals::formatAll).toList());
    m.put("target", Rationals.formatAll(f.target()));
    m.put("delta", Rationals.formatAll(s.delta()));
    m.put("count", f.points().size());
    m.put("complete", f.complete());
    m.put("isSingular", f.isSingular());
    m.put("votes", s.votes());
    m.put("verdict", s.verdict());
    m.put("ntkEqual", f.ntkEqual());
    List<Object> points = new ArrayList<>();
    for (Fiber.Point p : f.points()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("filters", Printer.SYMJA.entries(p.rescaled().filtersExpr()));
      pm.put("filtersDecimal", p.rescaled().filtersDecimal(20));
      pm.put("ntk", Printer.SYMJA.entries(p.ntk().ntkExpr()));
      pm.put("ntkDecimal", p.ntk().ntkDecimal(20));
      pm.put("rank", p.rank());
      points.add(pm);
    }
    m.put("points", points);
    return m;
  }

  private static Map<String, Object> witness(FullyConnectedWitness w) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("description", w.description());
    m.put("widths", w.network().widths());
    m.put("first", w.first().stream().map(Output::matrix).toList());
    m.put("second", w.second().stream().map(Output::matrix).toList());
    m.put("balanced", w.balanced());
    m.put("productsEqual", w.productsEqual());
    m.put("deltasEqual", w.deltasEqual());
    m.put("ntkEqual", w.ntkEqual());
    m.put("ntkFirst", Output.matrix(w.ntk(w.first())));
    m.put("ntkSecond", Output.matrix(w.ntk(w.second())));
    return m;
  }

  private static String text(Parts parts, double seconds) {
    StringBuilder b = new StringBuilder();
    if (parts.rows != null) {
      table1(b, parts.rows);
    }
    if (parts.examples != null) {
      examples(b, parts.examples);
    }
    if (parts.lemma5 != null && parts.section5 != null) {
      checks(b, parts.lemma5, parts.section5);
    }
    b.append(String.format("%ncomputed in %.1f s%n", seconds));
    return b.toString();
  }

  private static void table1(StringBuilder b, List<Table1.Row> rows) {
    b.append("Table 1: is the NTK parameter independent for fixed invariants? (computed; paper)\n\n");
    b.append(String.format("  %-24s %-18s %-18s %s%n", "class", "balanced", "generic", "evidence"));
    for (Table1.Row r : rows) {
      String bal = verdict(r.balancedIndependent(), r.architectureClass().paperBalanced());
      String gen = verdict(r.genericIndependent(), r.architectureClass().paperGeneric());
      b.append(String.format("  %-24s %-18s %-18s %s%n", r.architectureClass().id(), bal, gen, evidenceLine(r)));
    }
    for (Table1.Row r : rows) {
      if (Boolean.FALSE.equals(r.agreesWithPaper())) {
        b.append("\n  DIFFERS FROM THE PAPER: ").append(r.architectureClass().id()).append(". Witness:\n");
        for (Table1.FiberSample s : r.genericFibers()) {
          if (Boolean.FALSE.equals(s.verdict())) {
            b.append("    ").append(s.sample().architecture().summary()).append('\n')
                .append("    v = ").append(Rationals.formatAll(s.fiber().target())).append(", delta = ")
                .append(Rationals.formatAll(s.delta())).append(": ").append(s.fiber().points().size())
                .append(" fiber points (tangent spaces equal: ").append(s.fiber().tangentSpacesEqual())
                .append("), NTKs differ:\n");
            for (Fiber.Point p : s.fiber().points()) {
              b.append("      w = ").append(p.isRational() ? p.representative()
                  : String.join(" | ", FactorSyntax.symja(p.layerFactorizations()))).append("  K[0][0] = ")
                  .append(p.ntk().ntkDecimal(12).get(0).get(0)).append('\n');
            }
            if (s.sample().architecture().hasSwappableLayers()) {
              b.append("    The layers are swappable (Obs. 11); swapping exchanges their norms, so at"
                  + " delta != 0 the swapped tuple needs another rescaling and its NTK differs.\n");
            }
            break;
          }
        }
      }
    }
  }

  private static void examples(StringBuilder b, List<PaperExample> examples) {
    b.append("\nExamples\n");
    for (PaperExample e : examples) {
      b.append(String.format("%n  Ex. %d  [%s]  %s%n", e.id(), e.ok() ? "ok" : "FAILED", e.title()));
      b.append(wrap(e.account(), "    ")).append('\n');
    }
  }

  private static void checks(StringBuilder b, PaperExample.Lemma5Check lemma5, Section5 section5) {
    b.append("\nChecks\n");
    b.append("  Lemma 5: d mu restricted to T Theta_delta is bijective onto T M: ")
        .append(lemma5.lemma5Bijective()).append("; Cor. 6: the pushforward metric is K^-1: ")
        .append(lemma5.corollary6PushforwardIsKInverse()).append('\n');
    Section5.ReluMlp mlp = section5.reluMlp();
    b.append("  Sec. 5, shallow ReLU MLP (Ex. 20 on positive inputs): same function, NTKs differ by ")
        .append(String.format("%.3g", mlp.maxNtkDifference())).append(": parameter dependent = ")
        .append(mlp.ntkParameterDependent()).append('\n');
    b.append("  Sec. 5, shallow ReLU CNN: rescaling keeps the function and moves delta, a sign flip changes it:"
        + " NTK determined by function and delta = ")
        .append(section5.reluCnn().ntkDeterminedByFunctionAndDelta()).append('\n');
  }

  /** A computed verdict beside the paper's; an undecided one says so and claims nothing. */
  private static String verdict(Boolean computed, boolean paper) {
    if (computed == null) {
      return "undecided (paper: " + (paper ? "yes" : "no") + ")";
    }
    return (computed ? "yes" : "no") + (computed == paper ? "" : " (paper: " + (paper ? "yes" : "no") + ")");
  }

  private static String evidenceLine(Table1.Row r) {
    if (r.architectureClass() == Table1.ArchitectureClass.FULLY_CONNECTED) {
      return r.balancedWitnesses().size() + " balanced pairs (Thm. 14), "
          + r.genericWitnesses().size() + " unbalanced pairs (Ex. 20)";
    }
    long votes = r.balancedFibers().stream().filter(Table1.FiberSample::votes).count()
        + r.genericFibers().stream().filter(Table1.FiberSample::votes).count();
    long points = r.balancedFibers().stream().mapToLong(s -> s.fiber().points().size()).sum()
        + r.genericFibers().stream().mapToLong(s -> s.fiber().points().size()).sum();
    long all = r.balancedFibers().size() + r.genericFibers().size();
    return all + " exact fibers (" + votes + " decided"
        + (votes < all ? ", " + (all - votes) + " undecided and not counted" : "") + "), "
        + points + " points";
  }

  private static String wrap(String text, String indent) {
    StringBuilder b = new StringBuilder(indent);
    int col = indent.length();
    for (String word : text.split(" ")) {
      if (col + word.length() > 96) {
        b.append('\n').append(indent);
        col = indent.length();
      }
      b.append(word).append(' ');
      col += word.length() + 1;
    }
    return b.toString().stripTrailing();
  }

  /**
   * The examples' matrices as a LaTeX document (A4, every display scaled to the line width when
   * wider), written from the same expression trees as the JSON's Symja strings.
   */
  private void writeLatex(List<PaperExample> examples) throws IOException {
    LatexDocument d = new LatexDocument().comment("lcn reproduce: the examples' matrices");
    for (PaperExample e : examples) {
      d.section("Example " + e.id() + ": " + e.title());
      for (Map.Entry<String, List<List<Expr>>> m : e.matrices().entrySet()) {
        d.matrix(m.getKey(), m.getValue());
      }
    }
    OutputFiles.write(latex, "--latex", d.toString());
  }
}
