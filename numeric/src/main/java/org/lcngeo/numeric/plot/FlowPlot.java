package org.lcngeo.numeric.plot;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lcngeo.core.InvalidInputException;

/**
 * PNG plots of flows and sweeps (issue 5, item 8), rendered headless with XChart: for a flow the
 * loss L(theta(t)) (log scale; loss non-increasing along the gradient flow), the invariant drift
 * max_l |delta_l(t) - delta_l(0)| (eq. 1 is conserved, so this shows integration error) and the
 * function-space deviation ||mu(theta(t)) - v(t)|| (the paper's main result says it vanishes for
 * D &gt;= 2 and 1-D strides &gt; 1, not for Example 19), one panel each; for a sweep a histogram of
 * the final losses.
 *
 * <p>Drift and deviation span many orders of magnitude and are drawn on log scales too; values
 * that are zero (exact at t = 0) are drawn at the smallest positive value of their series. The file
 * is written to a temporary sibling and moved into place, so a reader never sees half a PNG. The
 * class sets {@code java.awt.headless=true} unless the property is already set.
 */
public final class FlowPlot {
  private static final int WIDTH = 800;
  private static final int PANEL_HEIGHT = 300;

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private FlowPlot() {}

  /**
   * Writes the flow's panels to a PNG.
   *
   * @param file the PNG to write
   * @param t sample times, increasing
   * @param loss loss at each time
   * @param drift invariant drift at each time, or null to leave the panel out
   * @param deviation function-space deviation at each time, or null to leave the panel out
   */
  public static void write(Path file, double[] t, double[] loss, double[] drift,
      double[] deviation) throws IOException {
    List<XYChart> charts = new ArrayList<>();
    charts.add(panel("loss", "L(theta(t))", t, loss));
    if (drift != null) {
      charts.add(panel("invariant drift", "max |delta(t) - delta(0)|", t, drift));
    }
    if (deviation != null) {
      charts.add(panel("function-space deviation", "||mu(theta(t)) - v(t)||", t, deviation));
    }
    save(file, charts);
  }

  /**
   * Writes a histogram of a sweep's final losses to a PNG.
   *
   * @param bins number of bins (at least one)
   */
  public static void writeHistogram(Path file, double[] finalLosses, int bins)
      throws IOException {
    if (finalLosses.length == 0 || bins < 1) {
      throw new InvalidInputException("a histogram needs at least one loss and one bin");
    }
    double min = Arrays.stream(finalLosses).min().getAsDouble();
    double max = Arrays.stream(finalLosses).max().getAsDouble();
    if (max == min) {
      double pad = Math.max(Math.abs(min) * 1e-3, 1e-12);
      min -= pad;
      max += pad;
    }
    Histogram h = new Histogram(Arrays.stream(finalLosses).boxed().toList(), bins, min, max);
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(2 * PANEL_HEIGHT)
        .title("final losses of " + finalLosses.length + " runs").xAxisTitle("final loss")
        .yAxisTitle("runs").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisDecimalPattern("0.###E0");
    chart.getStyler().setXAxisLabelRotation(45);
    chart.addSeries("runs", h.getxAxisData(), h.getyAxisData());
    save(file, List.of(chart));
  }

  private static XYChart panel(String title, String yTitle, double[] t, double[] y) {
    if (t.length == 0 || y.length != t.length) {
      throw new InvalidInputException(
          "the " + title + " series has " + y.length + " values for " + t.length + " times");
    }
    XYChart chart = new XYChartBuilder().width(WIDTH).height(PANEL_HEIGHT).title(title)
        .xAxisTitle("t").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setXAxisDecimalPattern("0.###");
    double floor = Arrays.stream(y).filter(v -> v > 0 && Double.isFinite(v)).min().orElse(0);
    double[] shown = y.clone();
    if (floor > 0) {
      chart.getStyler().setYAxisLogarithmic(true);
      for (int i = 0; i < shown.length; i++) {
        shown[i] = Double.isFinite(shown[i]) ? Math.max(shown[i], floor) : floor;
      }
    }
    chart.addSeries(title, t, shown);
    return chart;
  }

  private static <C extends Chart<?, ?>> void save(Path file, List<C> charts) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".plot", ".png.tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        BitmapEncoder.saveBitmap(charts, charts.size(), 1, out, BitmapFormat.PNG);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
