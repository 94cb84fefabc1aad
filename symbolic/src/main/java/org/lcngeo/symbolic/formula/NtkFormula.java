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
 * over {@link PolynomialRing}. Layer l's entry j (row-major, l 1-based) is the symbol {@code
 * w<l>_<j>}, e.g. {@code w1_0, w1_1, w2_0}.
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

  /** The symbols {@code w<l>_<j>}, layer by layer, row-major inside a layer. */
  public static List<String> parameterNames(Architecture a) {
    List<String> names = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      for (int j = 0; j < a.layerParameters(l); j++) {
        names.add(symbol(l, j));
      }
    }
    return names;
  }

  /** The symbol of entry j of layer l (both 0-based): {@code w<l+1>_<j>}. */
  public static String symbol(int l, int j) {
    return "w" + (l + 1) + "_" + j;
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
    return m.stream().map(r -> r.stream().map(notation::polynomial).toList()).toList();
  }
}
