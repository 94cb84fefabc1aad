package org.lcngeo.symbolic.expr;

import java.util.List;

/**
 * A LaTeX document (article, A4) of displayed equations that pdflatex compiles with
 * texlive-latex-base alone; every display is scaled down to the line width when it is wider, so
 * no matrix runs off the page.
 */
public final class LatexDocument {
  /** amsmath's pmatrix takes at most 10 columns unless told: room for the largest printed NTK. */
  private static final int MAX_COLUMNS = 256;
  /** Most columns of a matrix in one display. */
  public static final int COLUMNS = 8;

  private final StringBuilder body = new StringBuilder();

  /** A comment line ({@code % text}), e.g. the architecture. */
  public LatexDocument comment(String text) {
    for (String line : text.split("\n", -1)) {
      body.append("% ").append(line).append('\n');
    }
    return this;
  }

  /** A section heading (plain text; LaTeX specials are escaped). */
  public LatexDocument section(String title) {
    body.append("\\section*{").append(escape(title)).append("}\n");
    return this;
  }

  /** A paragraph of plain text (escaped). */
  public LatexDocument paragraph(String text) {
    body.append(escape(text)).append("\n\n");
    return this;
  }

  /** lhs = rhs, both LaTeX math. */
  public LatexDocument display(String lhs, String rhs) {
    body.append("\\begin{center}\n")
        .append("\\resizebox{\\ifdim\\width>\\linewidth\\linewidth\\else\\width\\fi}{!}{$\\displaystyle ")
        .append(lhs).append(" = ").append(rhs).append("$}\n\\end{center}\n");
    return this;
  }

  /**
   * lhs = a matrix; a matrix with more than {@link #COLUMNS} columns is split into blocks of
   * columns (each a display of its own, so that entries stay legible), a 1 x 1 matrix is its entry.
   */
  public LatexDocument matrix(String lhs, List<List<Expr>> rows) {
    int n = rows.isEmpty() ? 0 : rows.get(0).size();
    if (rows.size() == 1 && n == 1) {
      return display(lhs, Printer.LATEX.print(rows.get(0).get(0)));
    }
    if (n <= COLUMNS) {
      return display(lhs, Printer.LATEX.matrix(rows));
    }
    for (int j = 0; j < n; j += COLUMNS) {
      int end = Math.min(n, j + COLUMNS);
      int from = j;
      List<List<Expr>> block = rows.stream().map(r -> r.subList(from, end)).toList();
      display("\\text{columns " + (j + 1) + "--" + end + " of } " + lhs, Printer.LATEX.matrix(block));
    }
    return this;
  }

  /** The whole document. */
  @Override
  public String toString() {
    return "\\documentclass[a4paper]{article}\n\\usepackage{amsmath,amssymb,graphicx}\n"
        + "\\setcounter{MaxMatrixCols}{" + MAX_COLUMNS + "}\n"
        + "\\begin{document}\n" + body + "\\end{document}\n";
  }

  /** Text with LaTeX's special characters escaped. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\textbackslash{}");
        case '{', '}', '$', '&', '#', '_', '%' -> b.append('\\').append(c);
        case '^' -> b.append("\\^{}");
        case '~' -> b.append("\\~{}");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
