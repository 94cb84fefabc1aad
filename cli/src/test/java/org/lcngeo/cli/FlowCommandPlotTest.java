package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.cli.FlowCommandTest.assertBadInput;
import static org.lcngeo.cli.FlowCommandTest.json;
import static org.lcngeo.cli.FlowCommandTest.lcn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lcn flow --plot}: a PNG or SVG with the three panels (loss, drift, deviation), bad paths. */
class FlowCommandPlotTest {
  @Test
  void plotHasThreePanels(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("flow.png");
    json(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "10", "--time", "1",
        "--json", "--plot", png.toString()));
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img.getWidth()).isEqualTo(800);
    assertThat(img.getHeight()).isEqualTo(900);
    assertBadInput(lcn("flow", "--sizes", "3,2", "--samples", "5", "--time", "1", "--plot",
        dir.resolve("missing/p.png").toString()), "--plot");
  }

  /**
   * A fast fall (the loss drops tenfold before T/200) is plotted from a second run on the geometric
   * grid; the JSON (but its run time) and the CSV on the uniform grid are those without --plot.
   */
  @Test
  void aPlotLeavesTheJsonAndTheCsvAsTheyAre(@TempDir Path dir) throws Exception {
    String[] flow = {"flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "50", "--seed",
        "1", "--time", "5", "--json", "--csv"};
    Path plain = dir.resolve("plain.csv");
    Path plotted = dir.resolve("plotted.csv");
    Path png = dir.resolve("flow.png");
    JsonNode without = json(lcn(concat(flow, plain.toString())));
    JsonNode with = json(lcn(concat(flow, plotted.toString(), "--plot", png.toString())));
    ((ObjectNode) without).remove("seconds");
    ((ObjectNode) with).remove("seconds");
    assertThat(with.toString()).isEqualTo(without.toString());
    assertThat(Files.readAllBytes(plotted)).isEqualTo(Files.readAllBytes(plain));
    assertThat(Files.readAllLines(plain)).hasSize(202);
    assertThat(ImageIO.read(png.toFile()).getHeight()).isEqualTo(900);
  }

  private static String[] concat(String[] head, String... tail) {
    String[] all = Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  @Test
  void svgByExtensionAndOtherExtensionsRejectedBeforeAnyWork(@TempDir Path dir) throws Exception {
    Path svg = dir.resolve("flow.svg");
    json(lcn("flow", "--sizes", "3,2", "--strides", "2,1", "--samples", "10", "--time", "1",
        "--json", "--plot", svg.toString()));
    assertThat(Files.readString(svg)).startsWith("<?xml").contains("<svg");
    assertBadInput(lcn("flow", "--sizes", "3,2", "--samples", "5", "--time", "1", "--plot",
        dir.resolve("p.jpg").toString()), ".png or .svg");
    assertThat(dir.toFile().list()).containsExactly("flow.svg");
  }
}
