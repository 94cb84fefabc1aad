package org.lcngeo.numeric.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.internal.chartpart.Chart;
import org.lcngeo.core.InvalidInputException;

/**
 * A figure: panels (XChart charts of one width) stacked in a column, rendered headless as PNG or
 * SVG. {@link FlowPlot} builds them in the one style of {@code flow --plot}, {@code sweep --plot}
 * and the notebooks. Files are written to a temporary sibling and moved into place, so a reader
 * never sees half a figure.
 */
public final class Figure {
  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private final String title;
  private final List<? extends Chart<?, ?>> panels;

  Figure(String title, List<? extends Chart<?, ?>> panels) {
    this.title = title;
    this.panels = List.copyOf(panels);
  }

  /** The figure's title (the first panel's), also its text in a notebook without images. */
  public String title() {
    return title;
  }

  List<? extends Chart<?, ?>> panels() {
    return panels;
  }

  private int width() {
    return panels.stream().mapToInt(Chart::getWidth).max().orElse(0);
  }

  private int height() {
    return panels.stream().mapToInt(Chart::getHeight).sum();
  }

  private void paint(Graphics2D g) {
    int y = 0;
    for (Chart<?, ?> c : panels) {
      Graphics2D panel = (Graphics2D) g.create(0, y, c.getWidth(), c.getHeight());
      c.paint(panel, c.getWidth(), c.getHeight());
      panel.dispose();
      y += c.getHeight();
    }
  }

  /** The figure as PNG bytes. */
  public byte[] png() {
    BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    paint(g);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The figure as an SVG document. */
  public byte[] svg() {
    VectorGraphics2D g = new VectorGraphics2D();
    paint(g);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width(), height()))
          .writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the figure to {@code file}, as PNG or SVG by its extension.
   *
   * @throws InvalidInputException if the extension is neither .png nor .svg
   */
  public void write(Path file) throws IOException {
    byte[] bytes = switch (extension(file)) {
      case "png" -> png();
      case "svg" -> svg();
      default -> throw new InvalidInputException(
          "a figure is written as .png or .svg, not " + file.getFileName());
    };
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, ".plot", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        out.write(bytes);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Checks a figure file's extension before any work. */
  public static void requireFormat(Path file) {
    String ext = extension(file);
    if (!ext.equals("png") && !ext.equals("svg")) {
      throw new InvalidInputException(
          "a figure is written as .png or .svg, not " + file.getFileName());
    }
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
