package org.lcngeo.numeric.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
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
    FlowPlot.writeHistogram(file, losses, 20);
    assertPng(file);
    FlowPlot.writeHistogram(file, new double[] {5.0}, 3);
    assertPng(file);
  }
}
