package org.lcngeo.cli;

import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.LatexDocument;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.formula.InverseMap;
import org.lcngeo.symbolic.formula.JasExprs;
import org.lcngeo.symbolic.formula.NtkFormula;
import org.lcngeo.symbolic.formula.NtkOfVFormula;

/**
 * The text outputs of {@code lcn formula}: a Symja session, a LaTeX document and a Macaulay2
 * script, each from the same expression trees through the format's {@link Printer}, each runnable
 * as it is in the system it is written for.
 */
final class FormulaDocuments {
  private FormulaDocuments() {}

  /** The parts not computed, one line each: "not computed: part: reason". */
  private static List<String> missing(FormulaCommand.Parts parts) {
    synchronized (parts.missing) {
      return parts.missing.entrySet().stream()
          .map(e -> "not computed: " + e.getKey() + ": " + e.getValue()).toList();
    }
  }

  private static List<Expr> endToEndSymbols(Architecture a) {
    List<Expr> v = new ArrayList<>();
    for (int m = 0; m < a.endToEndEntries(); m++) {
      v.add(JasExprs.symbol("v" + m));
    }
    return v;
  }

  private static List<List<Expr>> inverseRows(InverseMap inverse) {
    return JasExprs.quotients(inverse.theta().layers());
  }

  private static String list(Printer p, List<Expr> xs) {
    return "{" + String.join(", ", xs.stream().map(p::print).toList()) + "}";
  }

  private static List<Expr> mu(NtkFormula formula) {
    return formula.mu().stream().map(JasExprs::of).toList();
  }

  /** {@code ntk = ...;} and {@code K1 = ...;}, ...: the same assignment syntax in Symja and Macaulay2. */
  private static void assignMatrices(StringBuilder b, Printer p, FormulaCommand.Parts parts) {
    if (parts.ntk != null) {
      b.append("ntk = ").append(p.matrix(parts.ntk)).append(";\n");
    }
    List<List<List<Expr>>> blocks = parts.blocks == null ? List.of() : parts.blocks;
    for (int l = 0; l < blocks.size(); l++) {
      b.append("K").append(l + 1).append(" = ").append(p.matrix(blocks.get(l))).append(";\n");
    }
  }

  /**
   * Assignments Symja evaluates: parameters, mu, ntk, K1..KH, inverseMap, the scalar, ntkOfV. (Not
   * {@code inverse}: Symja reads lower-case names of its functions as the functions, and
   * {@code inverse = ...} does not assign the protected {@code Inverse}.)
   */
  static String symja(Architecture a, FormulaCommand.Parts parts) {
    Printer p = Printer.SYMJA;
    StringBuilder b = new StringBuilder();
    b.append("(* ").append(a.summary()).append(" *)\n");
    NtkFormula formula = parts.formula;
    if (formula != null) {
      b.append("parameters = {").append(String.join(", ", formula.parameters())).append("};\n");
      b.append("mu = ").append(list(p, mu(formula))).append(";\n");
    }
    assignMatrices(b, p, parts);
    NtkOfVFormula k = parts.ntkOfV;
    if (k != null) {
      b.append("inverseMap = ").append(p.matrix(inverseRows(parts.inverse))).append(";\n");
      b.append(p.print(k.scalarSymbol())).append(" = ").append(p.print(k.scalarDefinition())).append(";\n");
      b.append("ntkOfV = ").append(p.matrix(k.ntkOfV())).append(";\n");
    }
    if (parts.determinantInverse != null) {
      b.append("inverseMap = ").append(p.matrix(parts.determinantInverse.theta())).append(";\n");
    }
    for (String line : missing(parts)) {
      b.append("(* ").append(line).append(" *)\n");
    }
    return b.toString();
  }

  /** A LaTeX document (A4; wide matrices scaled to the line width) that pdflatex compiles. */
  static String latex(Architecture a, FormulaCommand.Parts parts) {
    Printer p = Printer.LATEX;
    LatexDocument d = new LatexDocument().comment(a.summary());
    d.section("Closed-form NTK");
    d.paragraph(a.summary().replace("->", "to"));
    if (parts.formula != null) {
      d.matrix("\\mu", mu(parts.formula).stream().map(List::of).toList());
    }
    if (parts.ntk != null) {
      d.matrix("K", parts.ntk);
    }
    List<List<List<Expr>>> blocks = parts.blocks == null ? List.of() : parts.blocks;
    for (int l = 0; l < blocks.size(); l++) {
      d.matrix("K_{" + (l + 1) + "}", blocks.get(l));
    }
    NtkOfVFormula k = parts.ntkOfV;
    if (k != null) {
      List<List<Expr>> theta = inverseRows(parts.inverse);
      for (int l = 0; l < theta.size(); l++) {
        d.matrix(NtkFormula.layer(l) + "(v)", List.of(theta.get(l)));
      }
      d.display(p.print(k.scalarSymbol()), p.print(k.scalarDefinition()));
      d.matrix("K^{(\\delta)}(v)", k.ntkOfV());
    }
    if (parts.determinantInverse != null) {
      // one display per entry: each is a quotient of determinants
      List<List<Expr>> theta = parts.determinantInverse.theta();
      for (int l = 0; l < theta.size(); l++) {
        for (int i = 0; i < theta.get(l).size(); i++) {
          d.display(NtkFormula.layer(l) + "_{" + i + "}(v)", p.print(theta.get(l).get(i)));
        }
      }
    }
    for (String line : missing(parts)) {
      d.paragraph(line + ".");
    }
    return d.toString();
  }

  /**
   * A Macaulay2 script: the ring of filter symbols R and of end-to-end entries S, the map mu as a
   * ring map S -> R (its kernel is the ideal of the neuromanifold's closure), the NTK and its
   * blocks as matrices over R, the inverse map over frac S, and K^(delta)(v) over the fraction
   * field with the scalar (lambda2 or beta1) as a symbol and its defining relation.
   */
  static String macaulay2(Architecture a, FormulaCommand.Parts parts) {
    Printer p = Printer.MACAULAY2;
    List<Expr> v = endToEndSymbols(a);
    StringBuilder b = new StringBuilder();
    b.append("-- ").append(a.summary()).append('\n');
    b.append("S = QQ[").append(String.join(",", v.stream().map(p::print).toList())).append("];\n");
    NtkFormula formula = parts.formula;
    if (formula != null) {
      b.append("R = QQ[").append(String.join(",", formula.parameters())).append("];\n");
      b.append("mu = map(R, S, ").append(list(p, mu(formula))).append(");\n");
    }
    assignMatrices(b, p, parts);
    NtkOfVFormula k = parts.ntkOfV;
    if (k != null) {
      b.append("F = frac S;\nuse F;\n");
      List<String> layers = inverseRows(parts.inverse).stream().map(r -> list(p, r)).toList();
      b.append("inverseMap = {").append(String.join(", ", layers)).append("};\n");
      List<String> names = new ArrayList<>(v.stream().map(p::print).toList());
      names.addAll(k.invariants().symbols());
      names.add(p.print(k.scalarSymbol()));
      b.append("T = frac(QQ[").append(String.join(",", names)).append("]);\nuse T;\n");
      b.append("-- ").append(p.print(k.scalarSymbol()))
          .append(" is the largest real root of this relation (Prop. 2)\n");
      b.append("scalarRelation = ").append(p.print(k.scalarRelation())).append(";\n");
      b.append("ntkOfV = ").append(p.matrix(k.ntkOfV())).append(";\n");
    }
    if (parts.determinantInverse != null) {
      // determinants over S (polynomials), their quotients in frac S
      List<String> layers = parts.determinantInverse.theta().stream().map(r -> list(p, r)).toList();
      b.append("use S;\ninverseMap = {").append(String.join(", ", layers)).append("};\n");
    }
    for (String line : missing(parts)) {
      b.append("-- ").append(line).append('\n');
    }
    return b.toString();
  }
}
