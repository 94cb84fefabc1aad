package org.lcngeo.notebooks;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.lcngeo.numeric.plot.Figure;

/**
 * Rich output of a notebook cell, as IPython's {@code display}: a cell calls
 * {@code Display.latex(...)} or {@code Display.figure(...)}, and the kernel sends the item as
 * Jupyter {@code display_data} (LaTeX as {@code text/latex}, figures as {@code image/png}) after
 * the cell's printed text. Items are collected per cell by {@link CellShell}.
 */
public final class Display {
  /** One display item: a MIME type and its data (base64 for images), with a plain-text fallback. */
  public record Item(String mime, String data, String plain) {}

  private static final List<Item> PENDING = new ArrayList<>();

  private Display() {}

  /** Shows LaTeX (math mode content is wrapped in {@code $$...$$} unless it already has delimiters). */
  public static void latex(String tex) {
    String t = tex.strip();
    String shown = t.startsWith("$") || t.startsWith("\\begin{") || t.startsWith("\\[") ? t : "$$" + t + "$$";
    add(new Item("text/latex", shown, tex));
  }

  /** Shows Markdown. */
  public static void markdown(String md) {
    add(new Item("text/markdown", md, md));
  }

  /** Shows a figure inline as a PNG. */
  public static void figure(Figure figure) {
    png(figure.png(), figure.title());
  }

  /** Shows PNG bytes inline, with {@code alt} as the plain-text fallback. */
  public static void png(byte[] png, String alt) {
    add(new Item("image/png", Base64.getEncoder().encodeToString(png), "<figure: " + alt + ">"));
  }

  private static synchronized void add(Item item) {
    PENDING.add(item);
  }

  /** The items shown since the last call, in order. */
  static synchronized List<Item> drain() {
    List<Item> out = new ArrayList<>(PENDING);
    PENDING.clear();
    return out;
  }
}
