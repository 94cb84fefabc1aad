package org.lcngeo.symbolic.expr;

/**
 * A LaTeX document (article, A4) of displayed equations that pdflatex compiles with
 * texlive-latex-base alone; every display is scaled down to the line width when it is wider, so
 * no matrix runs off the page.
 */
public final class LatexDocument {
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

  /** The whole document. */
  @Override
  public String toString() {
    return "\\documentclass[a4paper]{article}\n\\usepackage{amsmath,amssymb,graphicx}\n"
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
