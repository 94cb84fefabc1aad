package org.lcngeo.numeric.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Axis;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lcngeo.core.InvalidInputException;
import org.junit.jupiter.api.io.TempDir;

class FlowPlotTest {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static BufferedImage assertPng(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(1000);
    assertThat(Arrays.copyOf(bytes, 8)).isEqualTo(PNG_SIGNATURE);
    BufferedImage image = ImageIO.read(file.toFile());
    assertThat(image).isNotNull();
    return image;
  }

  @Test
  void aFlowPlotIsAThreePanelPngRenderedHeadless(@TempDir Path dir) throws IOException {
    assertThat(GraphicsEnvironment.isHeadless()).isTrue();
    int n = 200;
    double[] t = new double[n];
    double[] loss = new double[n];
    double[] drift = new double[n];
    double[] deviation = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 20.0 * i / (n - 1);
      loss[i] = 2302.9 + 1e4 * Math.exp(-t[i]);
      drift[i] = i == 0 ? 0 : 1e-12 * Math.sqrt(i);
      deviation[i] = i == 0 ? 0 : 1e-9 * t[i];
    }
    Path file = dir.resolve("flow.png");
    FlowPlot.write(file, t, loss, drift, deviation);
    BufferedImage image = assertPng(file);
    assertThat(image.getHeight()).isGreaterThan(2 * image.getWidth() / 3);
    Path lossOnly = dir.resolve("loss.png");
    FlowPlot.write(lossOnly, t, loss, null, null);
    assertThat(assertPng(lossOnly).getHeight()).isLessThan(image.getHeight());
    assertThat(dir.toFile().list()).containsExactlyInAnyOrder("flow.png", "loss.png");
  }

  @Test
  void aSweepHistogramIsAPng(@TempDir Path dir) throws IOException {
    double[] losses = new double[200];
    for (int i = 0; i < losses.length; i++) {
      losses[i] = new double[] {891.17, 912.92, 952.08, 2302.91}[i % 4];
    }
    Path file = dir.resolve("hist.png");
    FlowPlot.writeHistogram(file, losses);
    assertPng(file);
    FlowPlot.writeHistogram(file, new double[] {5.0});
    assertPng(file);
  }

  /** The tick labels XChart drew on each axis of each panel (read after painting). */
  private static List<List<String>> tickLabels(Figure figure) throws Exception {
    figure.png();
    List<List<String>> labels = new ArrayList<>();
    for (Chart<?, ?> chart : figure.panels()) {
      Method pair = Chart.class.getDeclaredMethod("getAxisPair");
      pair.setAccessible(true);
      Object axes = pair.invoke(chart);
      for (String getter : List.of("getXAxis", "getYAxis")) {
        Method axis = axes.getClass().getDeclaredMethod(getter);
        axis.setAccessible(true);
        Axis<?, ?> a = (Axis<?, ?>) axis.invoke(axes);
        labels.add(a.getAxisTickCalculator().getTickLabels());
      }
    }
    return labels;
  }

  private static void assertDistinctTickLabels(Figure figure) throws Exception {
    for (List<String> axis : tickLabels(figure)) {
      assertThat(axis).as("tick labels of one axis").hasSizeGreaterThan(1).doesNotHaveDuplicates();
    }
  }

  @Test
  void tickLabelsDifferOnNarrowWideAndOffsetRanges() throws Exception {
    int n = 200;
    double[] t = new double[n];
    double[] loss = new double[n];
    double[] drift = new double[n];
    double[] offset = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 5.0 * i / (n - 1);
      loss[i] = 15.4 + 90 * Math.exp(-200 * t[i]);
      // The figure: a drift within 6e-10 +- 1e-11 read "6E-10" twice.
      drift[i] = i == 0 ? 0 : 6e-10 + 1e-11 * Math.sin(i);
      offset[i] = 103.6 + 1e-7 * i;
    }
    assertDistinctTickLabels(FlowPlot.flow(t, loss, drift, offset));
    assertDistinctTickLabels(FlowPlot.curves("offset", "t", "y",
        List.of(new FlowPlot.Curve("y", t, offset))));
    double[] spread = new double[40];
    for (int i = 0; i < spread.length; i++) {
      spread[i] = 103.6 + 1e-5 * (i % 7);
    }
    assertDistinctTickLabels(FlowPlot.histogram("final loss", "runs", spread));
  }

  @Test
  void aFastFallPutsTimeOnALogAxisAndCountsTheZerosItCannotDraw() throws Exception {
    int n = 200;
    double[] t = new double[n];
    double[] loss = new double[n];
    double[] drift = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 5.0 * i / (n - 1);
      loss[i] = 15.4 + 90 * Math.exp(-200 * t[i]);
      drift[i] = i == 0 ? 0 : 1e-12 * Math.pow(10, 4.0 * i / n);
    }
    assertThat(FlowPlot.fastStart(t, loss)).isTrue();
    XYChart fast = (XYChart) FlowPlot.flow(t, loss, drift, null).panels().get(1);
    assertThat(fast.getXAxisTitle()).contains("log scale; t = 0 not drawable");
    assertThat(fast.getYAxisTitle()).contains("log scale");
    double[] slow = new double[n];
    for (int i = 0; i < n; i++) {
      slow[i] = 15.4 + 90 * Math.exp(-t[i]);
    }
    assertThat(FlowPlot.fastStart(t, slow)).isFalse();
    XYChart linear = (XYChart) FlowPlot.flow(t, slow, drift, null).panels().get(1);
    assertThat(linear.getXAxisTitle()).isEqualTo("t");
    assertThat(linear.getTitle()).contains("1 zero: not drawable on the log axis");
  }

  @Test
  void identicalValuesMakeOneBar() {
    double[] same = new double[40];
    for (int i = 0; i < same.length; i++) {
      same[i] = 103.61428 + (i % 2) * 1e-13;
    }
    CategoryChart chart = (CategoryChart) FlowPlot.histogram("final loss", "runs", same).panels().get(0);
    assertThat(chart.getSeriesMap().values().iterator().next().getXData()).hasSize(1);
    assertThat(chart.getTitle()).contains("40 runs").contains("all equal");
  }

  @Test
  void fewDistinctValuesGetABarEachAndManyAreBinned() throws Exception {
    double[] levels = new double[200];
    double[] spread = new double[200];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = new double[] {891.17, 912.92, 952.08, 2302.91}[i % 4];
      spread[i] = 103.6 + 1e-6 * Math.sin(i);
    }
    CategoryChart bars = (CategoryChart) FlowPlot.histogram("final loss", "runs", levels).panels().get(0);
    assertThat(bars.getSeriesMap().values().iterator().next().getXData().toString())
        .isEqualTo("[891.17, 912.92, 952.08, 2302.91]");
    CategoryChart bins = (CategoryChart) FlowPlot.histogram("final loss", "runs", spread).panels().get(0);
    assertThat(bins.getXAxisTitle()).contains("bin width 5e-7");
    assertDistinctTickLabels(FlowPlot.histogram("final loss", "runs", spread));
  }

  @Test
  void svgByExtensionAndNothingElse(@TempDir Path dir) throws IOException {
    Figure f = FlowPlot.histogram("final loss", "runs", new double[] {1, 2, 2, 3});
    Path svg = dir.resolve("h.svg");
    f.write(svg);
    assertThat(Files.readString(svg)).contains("<svg").contains("<path");
    assertThatThrownBy(() -> f.write(dir.resolve("h.jpg"))).isInstanceOf(InvalidInputException.class);
    assertThat(dir.toFile().list()).containsExactly("h.svg");
  }
}
