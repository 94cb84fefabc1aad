package org.lcngeo.numeric.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.lcngeo.core.InvalidInputException;

/**
 * The plots of flows and sweeps, in one style for {@code flow --plot}, {@code sweep --plot} and the
 * notebooks (XChart, headless, PNG or SVG through {@link Figure}).
 *
 * <p>A flow shows the loss L(theta(t)), the invariant drift max_l |delta_l(t) - delta_l(0)| (eq. 1
 * is conserved, so this is integration error) and the function-space deviation
 * ||mu(theta(t)) - v(t)|| (Thm. 4 says it vanishes for D &gt;= 2 and 1-D strides &gt; 1, not for
 * Ex. 19), one panel each. The rules, for a reader who trusts what is drawn:
 * <ul>
 *   <li>Time runs on a log axis when the loss does 95% of its fall in the first 5% of the time
 *       (t = 0 cannot be drawn there, and the axis title says so); otherwise linearly.</li>
 *   <li>A quantity spanning two decades or more is drawn on a log axis; its zeros (the drift at
 *       t = 0) cannot be, and the panel title counts them instead of drawing them at the bottom.</li>
 *   <li>Tick labels are rounded finer than the tick spacing ({@link Ticks}), so no two read alike;
 *       log axes are drawn in log10 of the value, labelled with the value.</li>
 *   <li>Histograms: values equal to nine significant digits make one bar; up to twelve distinct
 *       values get a bar each, labelled with the value; more are binned with a round width from
 *       Sturges' count.</li>
 * </ul>
 */
public final class FlowPlot {
  private static final int WIDTH = 800;
  private static final int PANEL_HEIGHT = 300;
  /** Values whose spread is below this fraction of their magnitude are one value in a histogram. */
  private static final double SAME_VALUE = 1e-9;
  /** Up to this many distinct values get a bar each; more are binned. */
  private static final int MAX_LEVELS = 12;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
    new Color(0xff7f0e), new Color(0x8c564b)};

  /** One curve of a panel: its legend name and its points. */
  public record Curve(String name, double[] x, double[] y) {
    public Curve {
      if (x.length == 0 || x.length != y.length) {
        throw new InvalidInputException(
            "the curve " + name + " has " + y.length + " values for " + x.length + " abscissae");
      }
    }
  }

  private FlowPlot() {}

  /**
   * The flow's panels.
   *
   * @param t sample times, increasing from 0
   * @param loss loss at each time
   * @param drift invariant drift at each time, or null to leave the panel out
   * @param deviation function-space deviation at each time, or null to leave the panel out
   */
  public static Figure flow(double[] t, double[] loss, double[] drift, double[] deviation) {
    boolean logTime = fastStart(t, loss);
    List<XYChart> charts = new ArrayList<>();
    charts.add(panel(String.format(Locale.ROOT, "loss: %s at t = 0, %s at t = %s",
            Ticks.label(loss[0], exponent(loss[0], 4)),
            Ticks.label(loss[loss.length - 1], exponent(loss[loss.length - 1], 4)),
            Ticks.label(t[t.length - 1], exponent(t[t.length - 1], 4))),
        "t", "L(theta(t))", List.of(new Curve("loss", t, loss)), logTime, true));
    if (drift != null) {
      charts.add(panel("invariant drift (integration error)", "t", "max_l |delta_l(t) - delta_l(0)|",
          List.of(new Curve("drift", t, drift)), logTime, true));
    }
    if (deviation != null) {
      charts.add(panel("function-space deviation", "t", "||mu(theta(t)) - v(t)||",
          List.of(new Curve("deviation", t, deviation)), logTime, true));
    }
    return new Figure(charts.get(0).getTitle(), charts);
  }

  /** Writes {@link #flow} to a PNG or SVG file (by extension). */
  public static void write(Path file, double[] t, double[] loss, double[] drift,
      double[] deviation) throws IOException {
    flow(t, loss, drift, deviation).write(file);
  }

  /** One panel of curves sharing linear x; y on a log axis if it spans two decades. */
  public static Figure curves(String title, String xTitle, String yTitle, List<Curve> curves) {
    return new Figure(title, List.of(panel(title, xTitle, yTitle, curves, false, true)));
  }

  /** One panel of curves in a plane: both axes linear (a picture of a set, not of a quantity). */
  public static Figure plane(String title, String xTitle, String yTitle, List<Curve> curves) {
    return new Figure(title, List.of(panel(title, xTitle, yTitle, curves, false, false)));
  }

  /**
   * A histogram of {@code values} with bins chosen for the data.
   *
   * @param what what a value is, with its unit if it has one (the x axis title)
   * @param counted what one count is (the y axis title), e.g. "runs"
   */
  public static Figure histogram(String what, String counted, double[] values) {
    double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    if (finite.length == 0) {
      throw new InvalidInputException("a histogram needs at least one finite value");
    }
    double min = finite[0];
    double max = finite[finite.length - 1];
    double scale = Math.max(Math.max(Math.abs(min), Math.abs(max)), Double.MIN_NORMAL);
    List<String> labels = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    String title;
    String axis;
    List<double[]> levels = levels(finite);
    if (levels.size() == 1) {
      labels.add(Ticks.label(min, exponent(min, 10)));
      counts.add(finite.length);
      title = String.format(Locale.ROOT, "%s of %d %s: all equal to 10 digits (spread %s)",
          what, finite.length, counted, Ticks.label(max - min, exponent(max - min, 2)));
      axis = what;
    } else if (levels.size() <= MAX_LEVELS) {
      // Few distinct values (a sweep's runs end at a few minima): one bar each.
      double gap = Double.POSITIVE_INFINITY;
      for (int i = 1; i < levels.size(); i++) {
        gap = Math.min(gap, levels.get(i)[0] - levels.get(i - 1)[0]);
      }
      int e = Math.min(exponent(gap, 2), exponent(scale, 10));
      for (double[] level : levels) {
        labels.add(Ticks.label(level[0], e));
        counts.add((int) level[1]);
      }
      title = String.format(Locale.ROOT, "%s of %d %s: %d distinct values", what, finite.length,
          counted, levels.size());
      axis = what + " (one bar per value equal to 10 digits)";
    } else {
      int bins = (int) Math.ceil(Math.log(finite.length) / Math.log(2)) + 1;
      double width = niceCeil((max - min) / bins);
      double first = Math.floor(min / width) * width;
      int n = (int) Math.floor((max - first) / width) + 1;
      int[] count = new int[n];
      for (double v : finite) {
        count[Math.min(n - 1, (int) Math.floor((v - first) / width))]++;
      }
      int e = (int) Math.floor(Math.log10(width)) - 1;
      for (int i = 0; i < n; i++) {
        labels.add(Ticks.label(first + (i + 0.5) * width, e));
        counts.add(count[i]);
      }
      title = String.format(Locale.ROOT, "%s of %d %s (%s to %s)", what, finite.length, counted,
          Ticks.label(min, exponent(max - min, 4)), Ticks.label(max, exponent(max - min, 4)));
      axis = what + " (bin centres, bin width " + Ticks.label(width, e) + ")";
    }
    int skipped = values.length - finite.length;
    if (skipped > 0) {
      title += ", " + skipped + " not finite";
    }
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(2 * PANEL_HEIGHT)
        .title(title).xAxisTitle(axis).yAxisTitle(counted).build();
    style(chart.getStyler(), false);
    chart.getStyler().setXAxisLabelRotation(labels.size() > 12 ? 45 : 0);
    chart.getStyler().setOverlapped(true);
    chart.getStyler().setAvailableSpaceFill(labels.size() == 1 ? 0.25 : 0.9);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("#0");
    chart.addSeries(counted, labels, counts);
    return new Figure(title, List.of(chart));
  }

  /** Writes a histogram of a sweep's final losses to a PNG or SVG file (by extension). */
  public static void writeHistogram(Path file, double[] finalLosses) throws IOException {
    histogram("final loss", "runs", finalLosses).write(file);
  }

  /**
   * The distinct values of sorted {@code v}, each with its count: a run of values within
   * {@link #SAME_VALUE} relative of its first is one value (their mean).
   */
  private static List<double[]> levels(double[] v) {
    List<double[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= v.length; i++) {
      if (i == v.length
          || v[i] - v[start] > SAME_VALUE * Math.max(Math.abs(v[i]), Double.MIN_NORMAL)) {
        double sum = 0;
        for (int j = start; j < i; j++) {
          sum += v[j];
        }
        out.add(new double[] {sum / (i - start), i - start});
        start = i;
      }
    }
    return out;
  }

  /**
   * Whether the loss does 95% of its fall in the first 5% of the time (then {@link #flow} draws t on
   * a log axis, and a flow to be drawn is best sampled on a
   * {@link org.lcngeo.numeric.flow.FlowSettings.Spacing#GEOMETRIC} grid: a uniform one has at most
   * a few samples where the loss falls).
   */
  public static boolean fastStart(double[] t, double[] loss) {
    if (t.length < 3 || loss.length != t.length || !(t[t.length - 1] > 0)) {
      return false;
    }
    double fall = loss[0] - loss[loss.length - 1];
    if (!(fall > 0)) {
      return false;
    }
    for (int i = 0; i < t.length; i++) {
      if (loss[0] - loss[i] >= 0.95 * fall) {
        return t[i] < 0.05 * t[t.length - 1];
      }
    }
    return false;
  }

  private static XYChart panel(String title, String xTitle, String yTitle, List<Curve> curves,
      boolean logX, boolean allowLogY) {
    List<Curve> shown = new ArrayList<>();
    int zeros = 0;
    int dropped = 0;
    boolean logY = allowLogY && spansDecades(curves);
    for (Curve c : curves) {
      double[] x = c.x();
      double[] y = c.y();
      List<double[]> kept = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        boolean xOk = Double.isFinite(x[i]) && (!logX || x[i] > 0);
        boolean yOk = Double.isFinite(y[i]) && (!logY || y[i] > 0);
        if (xOk && yOk) {
          kept.add(new double[] {logX ? Math.log10(x[i]) : x[i], logY ? Math.log10(y[i]) : y[i]});
        } else if (xOk && logY && y[i] == 0) {
          zeros++;
        } else if (!(logX && x[i] == 0)) {
          dropped++;
        }
      }
      shown.add(new Curve(c.name(), kept.stream().mapToDouble(p -> p[0]).toArray(),
          kept.stream().mapToDouble(p -> p[1]).toArray()));
    }
    String fullTitle = title;
    if (zeros > 0) {
      fullTitle += String.format(Locale.ROOT, " (%d zero%s: not drawable on the log axis)",
          zeros, zeros == 1 ? "" : "s");
    }
    if (dropped > 0) {
      fullTitle += String.format(Locale.ROOT, " (%d not finite)", dropped);
    }
    double[] xs = shown.stream().flatMapToDouble(c -> Arrays.stream(c.x())).toArray();
    double[] ys = shown.stream().flatMapToDouble(c -> Arrays.stream(c.y())).toArray();
    if (xs.length == 0) {
      throw new InvalidInputException("nothing to draw in the panel " + title);
    }
    Scale sx = logX ? Scale.LOG : Scale.linear(xs, false);
    Scale sy = logY ? Scale.LOG : Scale.linear(ys, true);
    String yAxis = logY ? yTitle + " (log scale)"
        : sy.offset() != 0 && !sy.constant() ? yTitle + " - " + Ticks.label(sy.offset(), exponent(sy.offset(), 12))
        : yTitle;
    XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(fullTitle)
        .xAxisTitle(logX ? xTitle + " (log scale; t = 0 not drawable)" : xTitle)
        .yAxisTitle(yAxis).build();
    style(chart.getStyler(), curves.size() > 1);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    // On a log time axis mark every sample, so a reader sees where the data are (a uniform grid
    // has few in the early decades).
    chart.getStyler().setMarkerSize(logX ? 4 : 0);
    chart.setCustomXAxisTickLabelsFormatter(sx.labels(WIDTH));
    chart.setCustomYAxisTickLabelsFormatter(sy.labels(PANEL_HEIGHT));
    if (sy.constant()) {
      // One value: drawn mid-panel on an axis around it.
      chart.getStyler().setYAxisMin(-1.0);
      chart.getStyler().setYAxisMax(1.0);
    }
    for (Curve c : shown) {
      if (c.x().length > 0) {
        chart.addSeries(c.name(), sx.plotted(c.x()), sy.plotted(c.y()));
      }
    }
    return chart;
  }

  /**
   * How an axis's values are drawn. XChart's tick placement fails on spans below about 1e-10 (one
   * tick left), so values are drawn as (v - offset) / unit, of order one, and labelled with what
   * they mean: log axes with 10^u, linear ones with the value (minus the offset the axis title
   * names, when the values differ only after their third significant digit).
   */
  private record Scale(boolean log, double offset, double unit, double span, boolean constant) {
    static final Scale LOG = new Scale(true, 0, 1, 0, false);

    static Scale linear(double[] v, boolean withOffset) {
      double lo = min(v);
      double hi = max(v);
      double scale = Math.max(Math.abs(lo), Math.abs(hi));
      if (!(hi > lo)) {
        double unit = scale > 0 ? Math.pow(10, Math.floor(Math.log10(scale)) - 1) : 1;
        return new Scale(false, lo, unit, 2 * unit, true);
      }
      double unit = Math.pow(10, Math.floor(Math.log10(hi - lo)));
      double offset = withOffset && hi - lo < 1e-3 * scale ? Math.floor(lo / unit) * unit : 0;
      return new Scale(false, offset, unit, hi - lo, false);
    }

    double[] plotted(double[] v) {
      return log ? v : Arrays.stream(v).map(x -> (x - offset) / unit).toArray();
    }

    Function<Double, String> labels(int pixels) {
      if (log) {
        return Ticks.powersOfTen();
      }
      if (constant) {
        // The axis runs from value - unit to value + unit, labelled by value.
        Function<Double, String> real = Ticks.linear(offset - unit, offset + unit, pixels);
        return u -> real.apply(offset + u * unit);
      }
      Function<Double, String> real = Ticks.linear(0, span, pixels);
      return u -> real.apply(u * unit);
    }
  }

  /** Whether the positive values of the curves span two decades or more (and none is negative). */
  private static boolean spansDecades(List<Curve> curves) {
    double[] y = curves.stream().flatMapToDouble(c -> Arrays.stream(c.y()))
        .filter(Double::isFinite).toArray();
    if (Arrays.stream(y).anyMatch(v -> v < 0)) {
      return false;
    }
    double[] positive = Arrays.stream(y).filter(v -> v > 0).toArray();
    return positive.length > 1 && max(positive) >= 100 * min(positive);
  }

  private static void style(AxesChartStyler s, boolean legend) {
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderColor(Color.DARK_GRAY);
    s.setPlotGridLinesColor(new Color(0xdddddd));
    s.setPlotGridLinesStroke(new BasicStroke(0.8f));
    s.setChartTitleBoxVisible(false);
    s.setChartTitleFont(font.deriveFont(Font.BOLD, 14f));
    s.setAxisTitleFont(font);
    s.setAxisTickLabelsFont(font.deriveFont(11f));
    s.setLegendFont(font.deriveFont(11f));
    s.setLegendVisible(legend);
    s.setLegendPosition(LegendPosition.OutsideS);
    s.setSeriesColors(PALETTE);
  }

  /** The exponent of the last of {@code digits} significant digits of {@code v}. */
  private static int exponent(double v, int digits) {
    return v == 0 ? 0 : (int) Math.floor(Math.log10(Math.abs(v))) - digits + 1;
  }

  /** The smallest of 1, 2, 5 times a power of ten that is at least {@code x}. */
  private static double niceCeil(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= x * (1 - 1e-12)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElse(0);
  }

  private static double max(double[] v) {
    return Arrays.stream(v).max().orElse(0);
  }
}
