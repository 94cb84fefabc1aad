package org.lcngeo.cli;

import java.math.BigInteger;
import org.lcngeo.symbolic.expr.Printer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.Limits;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.model.FullyConnectedNetwork;
import org.lcngeo.core.plan.FullyConnectedPlan;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.ntk.ExactRank;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;
import org.lcngeo.symbolic.rescale.RescaledNtk;
import org.lcngeo.symbolic.rescale.RescaledTuple;
import org.lcngeo.symbolic.rescale.Rescaling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lcn ntk}: the neural tangent kernel K = J J^T = sum_l K_l (Observation 3) at a filter
 * tuple of a linear convolutional network, or, with {@code --matrices}, of a fully connected
 * linear network (eq. 7), exactly over Q.
 */
@Command(
    name = "ntk",
    mixinStandardHelpOptions = true,
    description = {
      "Neural tangent kernel K = J J^T at a filter tuple, exactly: end-to-end filter, invariants,"
          + " rank of the Jacobian and K on the row-major flattening of the end-to-end filter.",
      "With --matrices: a fully connected linear network W_H...W_1; K acts on the row-major"
          + " vec(Z) of d_H x d_0 matrices Z."
    })
final class NtkCommand implements Callable<Integer> {
  private static final RationalRing Q = RationalRing.INSTANCE;

  @Mixin ArchitectureOptions arch;
  @Mixin CommonOptions common;
  @Mixin TimeOptions time;

  @Option(names = "--filters", paramLabel = "JSON", description = "JSON array of the H layer filters")
  String filters;

  @Option(
      names = "--matrices",
      paramLabel = "JSON",
      description = "fully connected network: JSON array of W_1..W_H (W_l has d_l rows, d_(l-1) columns)")
  String matrices;

  @Option(
      names = "--delta",
      paramLabel = "D",
      description = "rescale the tuple to the invariants delta_1..delta_(H-1) first (Prop. 2)")
  String delta;

  @Override
  public Integer call() {
    if (matrices != null) {
      if (filters != null || arch.sizes != null || arch.strides != null || delta != null) {
        throw new InvalidInputException(
            "--matrices describes a fully connected network: do not combine it with --sizes,"
                + " --strides, --filters or --delta");
      }
      return time.run("ntk", common.json,
          partial -> partial.stage("computing the fully connected NTK exactly"),
          partial -> fullyConnected(), partial -> "");
    }
    Architecture a = arch.architecture();
    Limits.checkDenseSquare(a.endToEndEntries(), "the NTK");
    FilterTuple<BigFraction> theta = ArchitectureOptions.filters(a, filters);
    List<BigFraction> d = delta == null ? null : ArchitectureOptions.delta(a, delta);
    int digits = common.digits();
    return time.run("ntk", common.json,
        partial -> partial.put("architecture", Output.architecture(a)),
        partial -> d == null
            ? convolutional(a, theta, digits, partial)
            : rescaled(a, theta, d, digits, partial),
        partial -> header(a, partial));
  }

  /** The text output's first lines from what was computed before a time limit. */
  private static String header(Architecture a, PartialResult partial) {
    Object endToEnd = partial.snapshot().get("endToEnd");
    return endToEnd == null ? a.summary() + "\n" : header(a, endToEnd).toString();
  }

  private String convolutional(
      Architecture a, FilterTuple<BigFraction> theta, int digits, PartialResult partial) {
    partial.stage("computing J and the NTK exactly");
    ExactNtk e = ExactNtk.of(theta);
    ScaledIntegerMatrix k = e.ntk();
    Object endToEnd = Output.nested(e.endToEnd(), a.endToEndSize());
    List<String> invariants = e.invariants().stream().map(Rationals::format).toList();
    int rank = e.rank();
    partial.stage("writing the NTK");
    if (common.json) {
      return Output.jsonText(json(a,
          Output.layers(a, theta.layers(), Rationals::format),
          Output.layers(a, theta.layers(), x -> Rationals.toDecimal(x, digits)),
          endToEnd, invariants, strings(k, digits, false), strings(k, digits, true), rank)) + "\n";
    }
    StringBuilder b = header(a, endToEnd);
    b.append("invariants delta: ").append(invariants.isEmpty() ? "none (H = 1)"
        : String.join(", ", invariants)).append('\n');
    b.append(rankLine(rank, Neuromanifold.dimension(a)));
    b.append("NTK K = J J^T (").append(k.rows()).append('x').append(k.rows()).append("):\n");
    b.append(Output.table(strings(k, digits, false), "  "));
    return b.toString();
  }

  /**
   * The NTK at the tuple rescaled to the invariants delta (Prop. 2 / 12): exact in Q(beta_1), with
   * the layer kernels of the fast exact executor.
   */
  private String rescaled(Architecture a, FilterTuple<BigFraction> theta, List<BigFraction> d,
      int digits, PartialResult partial) {
    List<String> invariants = d.stream().map(Rationals::format).toList();
    partial.put("delta", invariants);
    partial.stage("computing J and the layer kernels exactly");
    ExactNtk e = ExactNtk.of(theta);
    Object endToEnd = Output.nested(e.endToEnd(), a.endToEndSize());
    partial.put("endToEnd", endToEnd);
    partial.stage("rescaling to delta (Prop. 2): the root beta_1");
    RescaledTuple r = Rescaling.rescale(theta, d);
    partial.put("beta1", Printer.SYMJA.print(r.beta1().toExpr()));
    partial.stage("assembling K^(delta) exactly");
    RescaledNtk k =
        r.ntk(e.layerKernels().stream().map(ScaledIntegerMatrix::toFractions).toList());
    partial.stage("writing the rescaled filters and K^(delta)");
    List<List<String>> filtersExact = Printer.SYMJA.entries(r.filtersExpr());
    List<List<String>> filtersDecimal = r.filtersDecimal(digits);
    partial.stage("computing the rank of J");
    int rank = e.rank();
    partial.stage("writing K^(delta)");
    if (common.json) {
      Map<String, Object> m = json(a,
          Output.layers(a, filtersExact, x -> x), Output.layers(a, filtersDecimal, x -> x),
          endToEnd, invariants, Printer.SYMJA.entries(k.ntkExpr()), k.ntkDecimal(digits), rank);
      m.put("beta1", Printer.SYMJA.print(r.beta1().toExpr()));
      m.put("beta1Decimal", r.beta1().toDecimalString(digits));
      m.put("beta1Certificate", Output.certificate(r.beta1()));
      m.put("lambdaSquared", r.lambdaSquared().stream().map(x -> Printer.SYMJA.print(x.toExpr())).toList());
      m.put("filtersCertificate", Output.layers(a, r.filters().layers(), Output::certificate));
      m.put("ntkCertificate", Output.certificates(k.toRealAlgebraic()));
      return Output.jsonText(m) + "\n";
    } else {
      StringBuilder b = header(a, endToEnd);
      b.append("rescaled to delta = ").append(String.join(", ", invariants))
          .append(" (Prop. 2): beta_1 = ").append(Printer.SYMJA.print(r.beta1().toExpr())).append(" = ")
          .append(r.beta1().toDecimalString(digits)).append('\n');
      for (int l = 0; l < a.depth(); l++) {
        b.append("  w_").append(l + 1).append(" = ").append(filtersExact.get(l)).append('\n');
      }
      b.append(rankLine(rank, Neuromanifold.dimension(a)));
      b.append("NTK K^(delta), exact:\n").append(Output.table(Printer.SYMJA.entries(k.ntkExpr()), "  "));
      b.append("NTK K^(delta), decimal:\n").append(Output.table(k.ntkDecimal(digits), "  "));
      return b.toString();
    }
  }

  /** The JSON fields common to the NTK at a tuple and at its rescaling (cli.md, "lcn ntk"). */
  private static Map<String, Object> json(Architecture a, List<Object> filters,
      List<Object> filtersDecimal, Object endToEnd, List<String> invariants, Object ntk,
      Object ntkDecimal, int rank) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("architecture", Output.architecture(a));
    m.put("filters", filters);
    m.put("filtersDecimal", filtersDecimal);
    m.put("endToEnd", endToEnd);
    m.put("delta", invariants);
    m.put("ntk", ntk);
    m.put("ntkDecimal", ntkDecimal);
    m.put("rank", rank);
    return m;
  }

  /** The first lines of the text output: the architecture and the end-to-end filter. */
  private static StringBuilder header(Architecture a, Object endToEnd) {
    return new StringBuilder()
        .append(a.summary()).append('\n')
        .append("end-to-end filter: ").append(TextFormat.nested(endToEnd)).append('\n');
  }

  private static String rankLine(int rank, int dimension) {
    return "rank of J: " + rank + " (neuromanifold dimension " + dimension + ")\n";
  }

  private String fullyConnected() {
    List<List<List<BigFraction>>> w = ArchitectureOptions.matrices(matrices);
    FullyConnectedNetwork net = FullyConnectedNetwork.ofMatrices(w);
    Limits.checkDenseSquare(net.outputEntries(), "the NTK");
    int digits = common.digits();
    FullyConnectedPlan plan = FullyConnectedPlan.of(net);
    Neuromanifold.Result dim = plan.certifiedDimension();
    List<List<BigFraction>> k = plan.ntk(Q, w);
    List<List<BigFraction>> product = plan.product(Q, w);
    List<List<List<BigFraction>>> deltas = plan.deltas(Q, w);
    int rank = ExactRank.ofRational(plan.jacobian(Q, w), dim.certain() ? dim.dimension() : -1);
    if (common.json) {
      Map<String, Object> archObject = new LinkedHashMap<>();
      archObject.put("widths", net.widths());
      archObject.put("parameters", net.parameterCount());
      archObject.put("dimension", dim.dimension());
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("architecture", archObject);
      m.put("product", Output.matrix(product));
      m.put("Delta", deltas.stream().map(Output::matrix).toList());
      m.put("ntk", Output.matrix(k));
      m.put("ntkDecimal", map(k, x -> Rationals.toDecimal(x, digits)));
      m.put("rank", rank);
      return Output.jsonText(m) + "\n";
    } else {
      StringBuilder b = new StringBuilder();
      b.append(net.summary()).append('\n');
      b.append("product W_H...W_1:\n").append(Output.table(Output.matrix(product), "  "));
      for (int i = 0; i < deltas.size(); i++) {
        b.append("Delta_").append(i + 1).append(" = W_").append(i + 2).append("^T W_").append(i + 2)
            .append(" - W_").append(i + 1).append(" W_").append(i + 1).append("^T:\n")
            .append(Output.table(Output.matrix(deltas.get(i)), "  "));
      }
      b.append(rankLine(rank, dim.dimension()));
      b.append("NTK K on row-major vec(Z) (").append(k.size()).append('x').append(k.size())
          .append("):\n");
      b.append(Output.table(Output.matrix(k), "  "));
      return b.toString();
    }
  }

  /**
   * Entries of an exact matrix as exact strings (lowest terms) or decimal strings, without
   * building a fraction per entry when numerator and denominator are machine integers.
   */
  static List<List<String>> strings(ScaledIntegerMatrix k, int digits, boolean decimal) {
    BigInteger den = k.denominator();
    boolean fast = k.hasLongNumerators() && den.bitLength() < 63;
    long d = fast ? den.longValue() : 1;
    long limit = Long.MAX_VALUE; // integers below 10^digits print exactly as decimals
    if (digits < 19) {
      limit = 1;
      for (int i = 0; i < digits; i++) {
        limit *= 10;
      }
    }
    List<List<String>> out = new ArrayList<>(k.rows());
    for (int i = 0; i < k.rows(); i++) {
      List<String> row = new ArrayList<>(k.cols());
      for (int j = 0; j < k.cols(); j++) {
        String text = null;
        if (fast) {
          long num = k.numerator(i, j).longValue();
          long g = gcd(Math.abs(num), d);
          long p = num / g;
          long q = d / g;
          if (q == 1 && (!decimal || Math.abs(p) < limit)) {
            text = Long.toString(p);
          } else if (!decimal) {
            text = p + "/" + q;
          }
        }
        if (text == null) {
          BigFraction x = k.get(i, j);
          text = decimal ? Rationals.toDecimal(x, digits) : Rationals.format(x);
        }
        row.add(text);
      }
      out.add(row);
    }
    return out;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static List<List<String>> map(List<List<BigFraction>> m, Function<BigFraction, String> f) {
    return m.stream().map(r -> r.stream().map(f).toList()).toList();
  }
}
