package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lcngeo.cli.FlowCommandTest.assertBadInput;
import static org.lcngeo.cli.FlowCommandTest.json;
import static org.lcngeo.cli.FlowCommandTest.lcn;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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
