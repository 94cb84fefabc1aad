package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.ArrayList;
import java.util.List;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/**
 * The NTK K = J J^T = sum_l K_l as a matrix of polynomials in the filter symbols (Observation 3:
 * K_l = J_l J_l^T depends on every layer but l), computed by the generic executor of {@link MuPlan}
 * over {@link PolynomialRing}. Layer 1, 2, 3, ... is a, b, c, ... (as in Ex. 15) and its entry j
 * (row-major) the symbol {@code a0, a1, ..., b0, ...}; no name contains an underscore, which Symja
 * would read as a pattern.
 */
public final class NtkFormula {
  /** Largest side n of an NTK that is printed as a matrix of polynomials. */
  public static final int MAX_SIDE = 64;

  private final MuPlan plan;
  private final PolynomialRing ring;
  private final FilterTuple<GenPolynomial<BigRational>> symbols;
  private final List<List<List<GenPolynomial<BigRational>>>> blocks;
  private final List<List<GenPolynomial<BigRational>>> ntk;

  private NtkFormula(MuPlan plan) {
    this.plan = plan;
    Architecture a = plan.architecture();
    this.ring = PolynomialRing.withVariables(parameterNames(a));
    this.symbols = FilterTuple.fromFlat(a, ring.variables());
    this.blocks = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      blocks.add(plan.ntkLayer(ring, symbols, l));
    }
    this.ntk = plan.ntk(ring, symbols);
  }

  /**
   * The closed-form NTK of an architecture.
   *
   * @throws LimitExceededException when the NTK has more than {@value #MAX_SIDE} rows
   */
  public static NtkFormula of(Architecture a) {
    checkPrintable(a);
    return new NtkFormula(MuPlan.compile(a));
  }

  /** Rejects architectures whose NTK is too large to print as formulas. */
  public static void checkPrintable(Architecture a) {
    if (a.endToEndEntries() > MAX_SIDE) {
      throw new LimitExceededException(
          "the NTK of this architecture is " + a.endToEndEntries() + "x" + a.endToEndEntries()
              + ", too large to print as formulas (at most " + MAX_SIDE + "x" + MAX_SIDE + ")");
    }
  }

  /** The symbols {@code a0, a1, ..., b0, ...}, layer by layer, row-major inside a layer. */
  public static List<String> parameterNames(Architecture a) {
    List<String> names = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      for (int j = 0; j < a.layerParameters(l); j++) {
        names.add(symbol(l, j));
      }
    }
    return names;
  }

  /** The symbol of entry j of layer l (both 0-based): {@code layer(l) + j}, e.g. {@code b3}. */
  public static String symbol(int l, int j) {
    return layer(l) + j;
  }

  /**
   * The letter of layer l (0-based): a, b, ..., u for the first 21 layers (v is the end-to-end
   * filter, x the variable of beta_1's polynomial), then two letters aa, ab, ... (at most 64
   * layers, {@link org.lcngeo.core.Limits#MAX_LAYERS}).
   */
  public static String layer(int l) {
    if (l < 21) {
      return String.valueOf((char) ('a' + l));
    }
    int k = l - 21;
    return "" + (char) ('a' + k / 26) + (char) ('a' + k % 26);
  }

  public MuPlan plan() {
    return plan;
  }

  public PolynomialRing ring() {
    return ring;
  }

  public List<String> parameters() {
    return ring.variableNames();
  }

  /** The symbolic filter tuple (w_1, ..., w_H). */
  public FilterTuple<GenPolynomial<BigRational>> symbols() {
    return symbols;
  }

  /** mu of the symbolic tuple: the end-to-end filter as polynomials (eq. 8, Lemma 9). */
  public List<GenPolynomial<BigRational>> mu() {
    return plan.mu(ring, symbols);
  }

  /** K = J J^T. */
  public List<List<GenPolynomial<BigRational>>> ntk() {
    return ntk;
  }

  /** K_l = J_l J_l^T for layer l (0-based). */
  public List<List<GenPolynomial<BigRational>>> block(int l) {
    return blocks.get(l);
  }

  /** The H blocks K_1, ..., K_H. */
  public List<List<List<GenPolynomial<BigRational>>>> blocks() {
    return blocks;
  }

  /** A matrix of polynomials written in a notation. */
  public static List<List<String>> write(
      List<List<GenPolynomial<BigRational>>> m, Notation notation) {
    return notation.printer().entries(JasExprs.polynomials(m));
  }
}
