package org.lcngeo.cli;

import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.LatexDocument;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.formula.FactorInverse;
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
    if (parts.inverse != null) {
      b.append("inverseMap = ").append(p.matrix(inverseRows(parts.inverse))).append(";\n");
    }
    NtkOfVFormula k = parts.ntkOfV;
    if (k != null) {
      b.append(p.print(k.scalarSymbol())).append(" = ").append(p.print(k.scalarDefinition())).append(";\n");
      b.append("ntkOfV = ").append(p.matrix(k.ntkOfV())).append(";\n");
    }
    if (parts.determinantInverse != null) {
      // a Function: the determinants are taken at the given v, never expanded symbolically (Symja's
      // Det of a symbolic matrix may divide by pivots that vanish at a particular v)
      b.append("(* inverseMap({v0, ..., v").append(a.endToEndEntries() - 1)
          .append("}) is theta(v): each entry a quotient of determinants taken at v *)\n");
      b.append("inverseMap = Function({w}, Apply(Function(").append(list(p, endToEndSymbols(a)))
          .append(", ").append(p.matrix(parts.determinantInverse.theta())).append("), w));\n");
    }
    if (parts.factorInverse != null) {
      b.append("(* ").append(factoringSentence("inverseMap({v0, ..., v"
          + (a.endToEndEntries() - 1) + "})")).append(" *)\n");
      b.append("inverseMap = ").append(symjaFactoring(parts.factorInverse)).append(";\n");
    }
    if (parts.composedNtk != null) {
      NtkOfVFormula w = parts.composedNtk;
      // inverseMap is a Function (determinants, factoring) or rational functions of v0, v1, ...
      String theta = parts.inverse == null ? "inverseMap(v)"
          : "ReplaceAll(inverseMap, Thread(" + list(p, endToEndSymbols(a)) + " -> v))";
      b.append("(* ").append(compositionSentence("ntkOfV({v0, ..., v" + (a.endToEndEntries() - 1)
          + "})", p.print(w.scalarSymbol()))).append(" *)\n");
      b.append("ntkOfV = Function({v}, ReplaceAll(ReplaceAll(").append(p.matrix(w.ntkOfV()))
          .append(", ").append(p.print(w.scalarSymbol())).append(" -> (")
          .append(p.print(w.scalarDefinition())).append(")), Thread(parameters -> Flatten(")
          .append(theta).append("))));\n");
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
    if (parts.inverse != null) {
      List<List<Expr>> theta = inverseRows(parts.inverse);
      for (int l = 0; l < theta.size(); l++) {
        d.matrix(NtkFormula.layer(l) + "(v)", List.of(theta.get(l)));
      }
    }
    NtkOfVFormula k = parts.ntkOfV;
    if (k != null) {
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
    if (parts.factorInverse != null) {
      latexFactoring(d, parts.factorInverse);
    }
    if (parts.composedNtk != null) {
      NtkOfVFormula w = parts.composedNtk;
      d.paragraph("K^(delta)(v) is Thm. 4 in the filter symbols w, evaluated at w = theta(v), the"
          + " inverse map above; the scalar is taken at the same w.");
      d.display("K^{(\\delta)}(v)", "K^{(\\delta)}(w)\\big|_{w = \\theta(v)}");
      if (a.depth() == 2) {
        d.display(p.print(w.scalarSymbol()), p.print(w.scalarDefinition()));
        d.matrix("K^{(\\delta)}(w)", w.ntkOfV());
      } else {
        // in the filter symbols beta_1's radicals and the weighted blocks expand to hundreds of
        // terms (beyond TeX's dimensions): stated with the blocks K_l printed above
        d.paragraph("beta1 is the largest real root of (x + c_1)...(x + c_H) - N_1(w)...N_H(w),"
            + " with N_l(w) = ||w_l||^2 and c_l = delta_1 + ... + delta_(l-1) (Prop. 2).");
        d.display("K^{(\\delta)}(w)", "\\sum_{l=1}^{" + a.depth()
            + "} \\frac{K_l(w)\\, N_l(w)}{\\beta_1 + c_l}");
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
    if (parts.inverse != null) {
      b.append("F = frac S;\nuse F;\n");
      List<String> layers = inverseRows(parts.inverse).stream().map(r -> list(p, r)).toList();
      b.append("inverseMap = {").append(String.join(", ", layers)).append("};\n");
    }
    NtkOfVFormula k = parts.ntkOfV;
    if (k != null) {
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
    if (parts.factorInverse != null) {
      b.append("-- ").append(factoringSentence("inverseMap {v0, ..., v"
          + (a.endToEndEntries() - 1) + "}")).append('\n');
      b.append("inverseMap = ").append(macaulay2Factoring(parts.factorInverse)).append(";\n");
    }
    if (parts.composedNtk != null) {
      macaulay2Composition(b, a, parts);
    }
    for (String line : missing(parts)) {
      b.append("-- ").append(line).append('\n');
    }
    return b.toString();
  }

  /**
   * K^(delta)(v) as a composition in Macaulay2: the ring W of the filter symbols, the invariants'
   * symbols and the scalar; Thm. 4 over frac W and the scalar's relation, both as functions of v
   * that substitute w = inverseMap v (the rational functions or determinants evaluated at v, or the
   * factoring program).
   */
  private static void macaulay2Composition(StringBuilder b, Architecture a, FormulaCommand.Parts parts) {
    Printer p = Printer.MACAULAY2;
    NtkOfVFormula w = parts.composedNtk;
    String theta = parts.factorInverse != null ? "flatten inverseMap v"
        : "apply(flatten inverseMap, e -> sub(promote(e, frac S), promote(matrix{v}, QQ)))";
    List<String> names = new ArrayList<>(parts.formula.parameters());
    names.addAll(w.invariants().symbols());
    names.add(p.print(w.scalarSymbol()));
    b.append("-- ").append(compositionSentence("ntkOfV {v0, ..., v" + (a.endToEndEntries() - 1)
        + "}", p.print(w.scalarSymbol()))).append("; ").append(p.print(w.scalarSymbol()))
        .append(" is the largest real root of scalarRelation {v0, ...} (Prop. 2)\n");
    b.append("W = frac(QQ[").append(String.join(",", names)).append("]);\nuse W;\n");
    b.append("atInverse = v -> (t := ").append(theta).append("; apply(")
        .append(parts.formula.parameters().size()).append(", i -> W_i => t#i));\n");
    b.append("scalarRelation = v -> sub(").append(p.print(w.scalarRelation()))
        .append(", atInverse v);\n");
    b.append("ntkOfV = v -> sub(").append(p.matrix(w.ntkOfV())).append(", atInverse v);\n");
  }

  /** K^(delta)(v) as a composition, in words (a comment line of the session). */
  static String compositionSentence(String call, String scalar) {
    return call + " is K^(delta)(v) = K^(delta)(w) at w = inverseMap(v): Thm. 4 in the filter"
        + " symbols, with " + scalar + " taken at the same w";
  }

  /** What the factoring form's program computes, in words (a comment line of the session). */
  static String factoringSentence(String call) {
    return call + " is " + factoringDescription();
  }

  /** theta(v) by factoring, in words (also inverse.form in the JSON). */
  static String factoringDescription() {
    return "theta(v) for a rational end-to-end filter v, by factoring v(x, y) = sum_m"
        + " v_m x^i y^j (m = (i, j) row-major) over Q: the filter of layer l (row-major) is the"
        + " coefficient array of the irreducible factor of bidegree (k_l - 1) divided by its"
        + " value at (0, 0), times v0 for the last layer";
  }

  /** Per layer: "dx, dy, c" of the program's {@code layer(dx, dy, c)} (c: the constant term it gets). */
  private static List<String> layerCalls(FactorInverse inverse, String v0) {
    List<String> out = new ArrayList<>();
    int h = inverse.architecture().depth();
    for (int l = 0; l < h; l++) {
      int[] d = inverse.bidegree(l);
      out.add("layer(" + d[0] + ", " + d[1] + ", " + (l + 1 < h ? "1" : v0) + ")");
    }
    return out;
  }

  /**
   * A Symja function of the list of end-to-end entries, on one line (a session's statements end
   * with ";" and a line break). x, y and the helpers are local to the Module. Symja 3.0 has no
   * {@code FactorList}: the factors are the arguments of {@code Factor}'s product.
   */
  static String symjaFactoring(FactorInverse inverse) {
    Architecture a = inverse.architecture();
    int cols = a.endToEndSize()[1];
    return "Function({w}, Module({x, y, m, p, fs, layer}, p = Sum(w[[m + 1]]*x^Quotient(m, " + cols
        + ")*y^Mod(m, " + cols + "), {m, 0, " + (a.endToEndEntries() - 1) + "}); fs = Factor(p); fs = If(Head(fs) === Times,"
        + " Apply(List, fs), {fs}); layer = Function({dx, dy, c}, Module({g = First(Select(fs,"
        + " Exponent(#, x) == dx && Exponent(#, y) == dy &))}, c*Flatten(CoefficientList(g, {x,"
        + " y}))/(g /. {x -> 0, y -> 0}))); {" + String.join(", ", layerCalls(inverse, "w[[1]]"))
        + "}))";
  }

  /** A Macaulay2 function of the list of end-to-end entries (rationals): factor in QQ[x,y]. */
  static String macaulay2Factoring(FactorInverse inverse) {
    Architecture a = inverse.architecture();
    int cols = a.endToEndSize()[1];
    return "w -> (\n    P := QQ[x,y];\n    p := sum(" + a.endToEndEntries() + ", m -> w#m * P_0^(m // "
        + cols + ") * P_1^(m % " + cols + "));\n    fs := apply(toList factor p, f -> promote(f#0, P));\n"
        + "    layer := (dx, dy, c) -> (\n      g := first select(fs, f -> degree(P_0, f) == dx and"
        + " degree(P_1, f) == dy);\n      c / coefficient(1_P, g) * flatten apply(dx + 1, i ->"
        + " apply(dy + 1, j -> coefficient(P_0^i * P_1^j, g))));\n    {"
        + String.join(", ", layerCalls(inverse, "w#0")) + "})";
  }

  /** The factoring form in LaTeX: v(x, y), then each layer's polynomial by the factor it is. */
  private static void latexFactoring(LatexDocument d, FactorInverse inverse) {
    Architecture a = inverse.architecture();
    d.paragraph("The inverse map is defined at rational end-to-end filters v by factoring v(x, y) over"
        + " the rationals: by Lemma 9 it is the product of the layer polynomials, which are"
        + " irreducible for generic filters and have distinct bidegrees. Each layer's filter"
        + " (row-major) is the coefficient array of its polynomial.");
    d.display("v(x,y)", Printer.LATEX.print(inverse.endToEndPolynomial()));
    int h = a.depth();
    for (int l = 0; l < h; l++) {
      int[] deg = inverse.bidegree(l);
      String f = "f_{" + (l + 1) + "}";
      d.display(NtkFormula.layer(l) + "(x,y)", (l + 1 < h ? "" : "v_{0}\\,") + "\\frac{" + f
          + "(x,y)}{" + f + "(0,0)},\\quad " + f + " = \\text{the irreducible factor of } v(x,y)"
          + " \\text{ over } \\mathbb{Q} \\text{ of bidegree } (" + deg[0] + "," + deg[1] + ")");
    }
  }
}
