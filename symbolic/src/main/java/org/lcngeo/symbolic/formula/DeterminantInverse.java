package org.lcngeo.symbolic.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.linalg.ExactLinearAlgebra;

/**
 * The inverse map v -> theta(v) of a two-layer 1-D network whose first layer has stride s >= 2
 * and k_1 > s, written with unexpanded determinants of matrices whose entries are end-to-end
 * entries (0 or +-v_m). There Lemma 9's positions no longer separate the products w_{1,i}
 * w_{2,j}, and the rational inverse has degree about k_1 in v, beyond interpolation.
 *
 * <p>By eq. 8, v(x) = a(x) b(x^s). In polyphase form, V_r(y) = sum_m v_(r+sm) y^m and A_r(y) =
 * sum_m a_(r+sm) y^m for r < s, so V_r = A_r b.
 *
 * <ul>
 *   <li>Layer 1: every a' with V_r A'_t = V_t A'_r for all r < t is a solution of a linear system
 *       R(v) a' = 0 whose entries are 0 or +-v_m, and a itself is one. At a point where k_1 - 1 of
 *       its rows are independent the solutions are exactly the multiples of a, and so is the
 *       vector of signed maximal minors of those rows: a_i / a_0 = (-1)^i det R_i / det R_0 (R_i:
 *       the rows without column i).
 *   <li>Layer 2: b = gcd(V_0, V_1) (A_0 and A_1 are coprime generically). The combinations G = P
 *       V_0 + Q V_1 with deg P < deg V_1 - k, deg Q < deg V_0 - k (k = k_2 - 1 = deg b) whose
 *       coefficients above y^k vanish are the solutions of n - 1 linear equations S (P, Q) = 0 in
 *       n unknowns; each such G is divisible by b and of degree at most k, hence a constant
 *       multiple of b (the k-th subresultant). By Cramer's rule the solution of signed maximal
 *       minors gives G_j = det [S; g_j], where g_j is the row that computes the coefficient of
 *       y^j of G. With a_0 = 1, v_0 = a_0 b_0 fixes the scale: b_j = v_0 G_j / G_0.
 * </ul>
 *
 * Both facts hold wherever the minors do not vanish, a dense open set once they do not vanish at
 * one point: {@link #of} checks exactly, at a random integer theta_0, that R's chosen rows have
 * rank k_1 - 1, that det R_0 and G_0 are non-zero, and that theta(mu(theta_0)) is theta_0
 * normalized (a_0 = 1). That proves theta(mu(w)) = w normalized on a dense open subset of the
 * parameters, hence mu(theta(v)) = v on a dense open subset of the neuromanifold.
 *
 * <p>Nested, for H >= 3 layers whose strides s_l >= 2 and k_l > s_l for every l < H: by eq. 8,
 * v(x) = w_1(x) u(x^{s_1}) with u = mu(w_2, ..., w_H), the end-to-end filter of the remaining
 * layers. The two-layer construction above does not use that b is a single layer, only its size
 * |u| = (n - k_1) / s_1 + 1: with a = w_1 and b = u it gives w_1 normalized and u scaled by
 * w_{1,0}, and the form of the remaining layers is applied to that u (its entries are the
 * quotients above in place of v_m). The same argument holds: every step is correct wherever its
 * denominators do not vanish, an open condition on the parameters; {@link #of} checks exactly at
 * one random point that none vanishes and that the composed map returns theta_0 normalized.
 */
public final class DeterminantInverse {
  /** Random points tried for one where the rows reach rank k_1 - 1 (a generic point: the first). */
  private static final int MAX_POINTS = 8;

  private final Architecture a;
  /** Layer 1's rows: k_1 - 1 rows of k_1 signed entries (0, or +-(m + 1) for +-v_m). */
  private final int[][] layer1;
  /** The Sylvester system S of layer 2 (n - 1 rows of n entries) and the rows g_j. */
  private final int[][] sylvester;
  private final int[][] coefficients;
  /** The form of layers 2..H applied to u (H >= 3), or null (H = 2: u is the last layer). */
  private final DeterminantInverse rest;

  private DeterminantInverse(Architecture a, int[][] layer1, int[][] sylvester, int[][] coefficients,
      DeterminantInverse rest) {
    this.a = a;
    this.layer1 = layer1;
    this.sylvester = sylvester;
    this.coefficients = coefficients;
    this.rest = rest;
  }

  /**
   * Whether the architecture is one this form covers: D = 1, H >= 2, s_l >= 2 and k_l > s_l for
   * every layer l < H.
   */
  public static boolean applies(Architecture a) {
    if (a.dims() != 1 || a.depth() < 2) {
      return false;
    }
    for (int l = 0; l + 1 < a.depth(); l++) {
      if (a.stride(l)[0] < 2 || a.size(l)[0] <= a.stride(l)[0]) {
        return false;
      }
    }
    return true;
  }

  /** Layers 2..H of a as an architecture of their own (u = mu of these, eq. 8). */
  private static Architecture rest(Architecture a) {
    int[] sizes = new int[a.depth() - 1];
    int[] strides = new int[a.depth() - 1];
    for (int l = 1; l < a.depth(); l++) {
      sizes[l - 1] = a.size(l)[0];
      strides[l - 1] = a.stride(l)[0];
    }
    return Architecture.oneDimensional(sizes, strides);
  }

  /** Whether this form is nested (H >= 3). */
  public boolean nested() {
    return rest != null;
  }

  /**
   * The determinant form of the inverse map, checked exactly at a random point (see the class
   * comment); empty when the architecture is not one it covers.
   *
   * @throws IllegalStateException when no random point is generic (which would mean that mu is
   *     not generically one-to-one, contrary to the class comment's argument)
   */
  public static Optional<DeterminantInverse> of(Architecture a) {
    if (!applies(a)) {
      return Optional.empty();
    }
    SplittableRandom random = new SplittableRandom(20_131);
    for (int tries = 0; tries < MAX_POINTS; tries++) {
      Deadline.checkCurrent();
      FilterTuple<BigFraction> theta0 = InverseCheck.randomPoint(a, random);
      List<BigFraction> v0 = MuPlan.compile(a).mu(RationalRing.INSTANCE, theta0);
      DeterminantInverse inverse = at(a, theta0);
      if (inverse == null) {
        continue;
      }
      FilterTuple<BigFraction> back;
      try {
        back = inverse.apply(v0);
      } catch (InvalidInputException degenerate) {
        continue;
      }
      InverseCheck.requireRoundTrip("determinant", a, theta0, back, normalized(theta0));
      return Optional.of(inverse);
    }
    throw new IllegalStateException("no generic point found for the inverse map of " + a.summary());
  }

  /**
   * The form with layer 1's rows chosen independent at mu(theta0) (and, nested, the rest's rows at
   * u = mu(w_2, ..., w_H) of theta0); null when they do not reach rank k_1 - 1 there.
   */
  private static DeterminantInverse at(Architecture a, FilterTuple<BigFraction> theta0) {
    int s = a.stride(0)[0];
    int k1 = a.size(0)[0];
    int n = a.endToEndEntries();
    int k = (n - k1) / s;
    int deg0 = degree(n, 0, s);
    int deg1 = degree(n, 1, s);
    int[][] sylvester = sylvester(deg0, deg1, k, s);
    int[][] coefficients = new int[k + 1][];
    for (int j = 0; j <= k; j++) {
      coefficients[j] = coefficientRow(j, deg0, deg1, k, s);
    }
    List<BigFraction> v0 = MuPlan.compile(a).mu(RationalRing.INSTANCE, theta0);
    int[][] rows = independentRows(layer1Equations(n, k1, s), v0, k1 - 1);
    if (rows == null) {
      return null;
    }
    DeterminantInverse rest = null;
    if (a.depth() > 2) {
      Architecture r = rest(a);
      rest = at(r, FilterTuple.of(r, theta0.layers().subList(1, a.depth())));
      if (rest == null) {
        return null;
      }
    }
    return new DeterminantInverse(a, rows, sylvester, coefficients, rest);
  }

  /**
   * theta with entry 0 of layers 1..H-1 made 1 and the scale moved to the last layer (the form
   * {@link #apply} returns).
   */
  public static FilterTuple<BigFraction> normalized(FilterTuple<BigFraction> theta) {
    List<List<BigFraction>> out = new ArrayList<>();
    BigFraction scale = BigFraction.ONE;
    int h = theta.architecture().depth();
    for (int l = 0; l + 1 < h; l++) {
      BigFraction c = theta.layer(l).get(0);
      scale = scale.multiply(c);
      out.add(theta.layer(l).stream().map(x -> x.divide(c)).toList());
    }
    BigFraction last = scale;
    out.add(theta.layer(h - 1).stream().map(x -> x.multiply(last)).toList());
    return FilterTuple.of(theta.architecture(), out);
  }

  /** deg V_r = floor((n - 1 - r) / s). */
  private static int degree(int n, int r, int s) {
    return (n - 1 - r) / s;
  }

  /** +-(m + 1) for +-v_m: the entry v_(r + s i) (0 when outside the filter). */
  private static int entry(int r, int i, int s, int deg, int sign) {
    return i < 0 || i > deg ? 0 : sign * (r + s * i + 1);
  }

  /** The rows "coefficient of y^m in V_r A'_t - V_t A'_r = 0", r < t < s, in the unknowns a'. */
  private static List<int[]> layer1Equations(int n, int k1, int s) {
    List<int[]> out = new ArrayList<>();
    for (int r = 0; r < s; r++) {
      for (int t = r + 1; t < s; t++) {
        int degR = degree(n, r, s);
        int degT = degree(n, t, s);
        int dar = (k1 - 1 - r) / s;
        int dat = t < k1 ? (k1 - 1 - t) / s : -1;
        for (int m = 0; m <= Math.max(degR + dat, degT + dar); m++) {
          int[] row = new int[k1];
          boolean any = false;
          for (int i = 0; i <= dat; i++) {
            row[t + s * i] = entry(r, m - i, s, degR, 1);
            any |= row[t + s * i] != 0;
          }
          for (int i = 0; i <= dar; i++) {
            row[r + s * i] = entry(t, m - i, s, degT, -1);
            any |= row[r + s * i] != 0;
          }
          if (any) {
            out.add(row);
          }
        }
      }
    }
    return out;
  }

  /** Unknowns: P's deg1 - k coefficients, then Q's deg0 - k; rows: the coefficients of y^j, j > k. */
  private static int[][] sylvester(int deg0, int deg1, int k, int s) {
    int unknowns = deg0 + deg1 - 2 * k;
    int[][] rows = new int[unknowns - 1][];
    for (int j = k + 1; j < deg0 + deg1 - k; j++) {
      rows[j - k - 1] = coefficientRow(j, deg0, deg1, k, s);
    }
    return rows;
  }

  /** The coefficient of y^j in P V_0 + Q V_1, as a row in the unknowns (P, Q). */
  private static int[] coefficientRow(int j, int deg0, int deg1, int k, int s) {
    int dp = deg1 - k;
    int dq = deg0 - k;
    int[] row = new int[dp + dq];
    for (int i = 0; i < dp; i++) {
      row[i] = entry(0, j - i, s, deg0, 1);
    }
    for (int i = 0; i < dq; i++) {
      row[dp + i] = entry(1, j - i, s, deg1, 1);
    }
    return row;
  }

  /** The first {@code count} rows independent at v (greedy, in order); null when fewer exist. */
  private static int[][] independentRows(List<int[]> rows, List<BigFraction> v, int count) {
    List<int[]> chosen = new ArrayList<>();
    List<List<BigFraction>> values = new ArrayList<>();
    for (int[] row : rows) {
      if (chosen.size() == count) {
        break;
      }
      values.add(evaluate(row, v));
      if (ExactLinearAlgebra.rank(values) == values.size()) {
        chosen.add(row);
      } else {
        values.remove(values.size() - 1);
      }
    }
    return chosen.size() == count ? chosen.toArray(int[][]::new) : null;
  }

  private static List<BigFraction> evaluate(int[] row, List<BigFraction> v) {
    List<BigFraction> out = new ArrayList<>();
    for (int e : row) {
      out.add(e == 0 ? BigFraction.ZERO : e > 0 ? v.get(e - 1) : v.get(-e - 1).negate());
    }
    return out;
  }

  /** The entry +-(m + 1) as +-v_m, v_m given as an expression. */
  private static Expr expr(int e, List<Expr> v) {
    return e == 0 ? Exprs.ZERO : e > 0 ? v.get(e - 1) : Exprs.negate(v.get(-e - 1));
  }

  /** The rows without column i. */
  private static int[][] withoutColumn(int[][] rows, int i) {
    int[][] out = new int[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      int[] x = new int[rows[r].length - 1];
      for (int c = 0, d = 0; c < rows[r].length; c++) {
        if (c != i) {
          x[d++] = rows[r][c];
        }
      }
      out[r] = x;
    }
    return out;
  }

  /** S with g_j appended. */
  private int[][] withCoefficientRow(int j) {
    int[][] out = java.util.Arrays.copyOf(sylvester, sylvester.length + 1);
    out[sylvester.length] = coefficients[j];
    return out;
  }

  private static Expr detExpr(int[][] rows, List<Expr> v) {
    List<List<Expr>> m = new ArrayList<>();
    for (int[] r : rows) {
      List<Expr> x = new ArrayList<>();
      for (int e : r) {
        x.add(expr(e, v));
      }
      m.add(x);
    }
    return new Expr.Det(m);
  }

  private static BigFraction det(int[][] rows, List<BigFraction> v) {
    List<List<BigFraction>> m = new ArrayList<>();
    for (int[] r : rows) {
      m.add(evaluate(r, v));
    }
    return ExactLinearAlgebra.determinant(m);
  }

  public Architecture architecture() {
    return a;
  }

  /** {@code v0, v1, ...}. */
  public List<String> variables() {
    List<String> out = new ArrayList<>();
    for (int m = 0; m < a.endToEndEntries(); m++) {
      out.add("v" + m);
    }
    return out;
  }

  /**
   * theta(v), layer by layer: a_0 = 1, a_i = (-1)^i det R_i / det R_0, b_0 = v_0, b_j = v_0
   * det[S; g_j] / det[S; g_0]; nested, layers 2..H are the rest's form at u = b.
   */
  public List<List<Expr>> theta() {
    List<Expr> v = new ArrayList<>();
    for (int m = 0; m < a.endToEndEntries(); m++) {
      v.add(Exprs.symbol("v", m));
    }
    return theta(v);
  }

  /** theta at v given as expressions (nested: the rest's form at u's quotients). */
  private List<List<Expr>> theta(List<Expr> v) {
    List<Expr> first = new ArrayList<>();
    Expr den = detExpr(withoutColumn(layer1, 0), v);
    first.add(Exprs.ONE);
    for (int i = 1; i < layer1[0].length; i++) {
      Expr num = detExpr(withoutColumn(layer1, i), v);
      first.add(Exprs.quotient(i % 2 == 0 ? num : Exprs.negate(num), den));
    }
    List<Expr> second = new ArrayList<>();
    Expr v0 = v.get(0);
    second.add(v0);
    Expr g0 = detExpr(withCoefficientRow(0), v);
    for (int j = 1; j < coefficients.length; j++) {
      second.add(Exprs.quotient(Exprs.product(v0, detExpr(withCoefficientRow(j), v)), g0));
    }
    if (rest == null) {
      return List.of(first, second);
    }
    List<List<Expr>> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest.theta(second));
    return out;
  }

  /** The largest determinant written (its order), for the documents. */
  public int order() {
    int own = Math.max(layer1.length, sylvester.length + 1);
    return rest == null ? own : Math.max(own, rest.order());
  }

  /**
   * theta(v) at a rational end-to-end filter, exactly.
   *
   * @throws InvalidInputException when det R_0 or G_0 vanishes at v (v outside the map's domain)
   */
  public FilterTuple<BigFraction> apply(List<BigFraction> v) {
    if (v.size() != a.endToEndEntries()) {
      throw new InvalidInputException("the end-to-end filter needs " + a.endToEndEntries() + " entries");
    }
    BigFraction den = det(withoutColumn(layer1, 0), v);
    BigFraction g0 = det(withCoefficientRow(0), v);
    if (den.signum() == 0 || g0.signum() == 0) {
      throw new InvalidInputException("the end-to-end filter is outside the domain of the inverse"
          + " map (a determinant in a denominator vanishes)");
    }
    List<BigFraction> first = new ArrayList<>();
    first.add(BigFraction.ONE);
    for (int i = 1; i < layer1[0].length; i++) {
      BigFraction num = det(withoutColumn(layer1, i), v);
      first.add((i % 2 == 0 ? num : num.negate()).divide(den));
    }
    List<BigFraction> second = new ArrayList<>();
    for (int j = 0; j < coefficients.length; j++) {
      second.add(v.get(0).multiply(det(withCoefficientRow(j), v)).divide(g0));
    }
    if (rest == null) {
      return FilterTuple.of(a, List.of(first, second));
    }
    List<List<BigFraction>> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest.apply(second).layers());
    return FilterTuple.of(a, out);
  }
}
