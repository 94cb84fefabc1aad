package org.lcngeo.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/**
 * The real fiber of a two-layer network counted numerically, independently of the exact executor:
 * the real solutions (w_1, w_2) of mu(w) = v on the chart ||w_2||^2 - ||w_1||^2 = delta (Prop. 2,
 * the invariants the exact fiber rescales to), which come in pairs +-w (the sign classes the exact
 * fiber lists once).
 *
 * <p>mu is bilinear, so with m = k_1 + k_2 unknowns the square system S is: m - 1 random integer
 * combinations of the n equations mu_k(w) = v_k, and the chart. Every real fiber point solves S;
 * S may have other solutions, where some mu_k(w) != v_k. S has integer coefficients (v and delta
 * are integers), so interval arithmetic evaluates it rigorously.
 *
 * <ol>
 *   <li>Search: a total-degree homotopy (1 - t) gamma G + t S with G_i = x_i^2 - 1 and a random
 *       complex gamma tracks all 2^m paths (the Bezout number) from t = 0 to 1 (Euler predictor,
 *       Newton corrector, adaptive steps); paths leaving every bound are counted as diverging.
 *       With probability one (gamma) every isolated solution of S is the end of a path, but path
 *       tracking in double precision is not certified: a path can jump or fail ({@code failed}).
 *   <li>Certification: each real end point, polished by Newton's method, is enclosed in a box B on
 *       which the Krawczyk operator maps B into its interior (outward-rounded {@link Interval}s),
 *       which proves that S has exactly one zero in B. Boxes whose enclosure of some mu_k(B) - v_k
 *       excludes 0 hold no fiber point (also proven); the others are the fiber candidates.
 * </ol>
 *
 * What it proves: the fiber candidates are pairwise distinct real zeros of S (disjoint boxes, one
 * zero each); an exact fiber point whose enclosure lies in a candidate box is that box's zero. So
 * when every exact point and its negative lie in distinct candidate boxes and no candidate box is
 * left over, the exact count equals the number of certified solutions of S up to sign that are not
 * excluded; that this number is all of S's real solutions rests on the homotopy (uncertified).
 */
final class CertifiedFiberCount {
  /** A box with a proven unique zero of S, and whether it is a fiber candidate. */
  record Box(Interval[] x, boolean candidate) {
    boolean contains(Interval[] y) {
      for (int i = 0; i < x.length; i++) {
        if (!(x[i].lo() <= y[i].lo() && y[i].hi() <= x[i].hi())) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return (candidate ? "candidate" : "excluded") + Arrays.stream(x)
          .map(i -> String.format("%.6g", i.mid())).toList() + " +- " + String.format("%.1g", x[0].hi() - x[0].mid());
    }

    boolean intersects(Box o) {
      for (int i = 0; i < x.length; i++) {
        if (!x[i].intersects(o.x[i])) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The outcome: the certified real zeros of S (candidates and excluded ones), and the paths: ending
   * at a finite point, diverging, failed; real end points that could not be certified (singular
   * zeros of S) or whose boxes overlap without nesting.
   */
  record Result(List<Box> boxes, int finite, int diverged, int failed, int uncertified) {
    List<Box> candidates() {
      return boxes.stream().filter(Box::candidate).toList();
    }

    /** Whether the search and the certification left nothing undecided. */
    boolean clean() {
      return failed == 0 && uncertified == 0;
    }
  }

  private static final double DIVERGED = 1e7;
  private static final double MAX_STEP = 0.05;
  private static final double MIN_STEP = 1e-13;

  private final int k1;
  private final int k2;
  private final int m;
  /** mu_k(w) = sum over terms[k] of c w_1[i] w_2[j], each term {i, j, c}. */
  private final int[][][] terms;
  private final long[] v;
  private final long delta;
  /** B_r[i][j]: the bilinear form of the r-th combination; cv[r] its right-hand side. */
  private final long[][][] b;
  private final long[] cv;
  private final double gammaRe;
  private final double gammaIm;

  /**
   * @param a a two-layer architecture
   * @param v an integer target
   * @param delta the integer invariant ||w_2||^2 - ||w_1||^2
   * @param seed the random combinations and gamma (part of the algorithm)
   */
  CertifiedFiberCount(Architecture a, List<BigFraction> v, long delta, long seed) {
    if (a.depth() != 2) {
      throw new IllegalArgumentException("two layers only");
    }
    k1 = a.layerParameters(0);
    k2 = a.layerParameters(1);
    m = k1 + k2;
    this.v = v.stream().mapToLong(x -> {
      if (!x.getDenominator().equals(java.math.BigInteger.ONE)) {
        throw new IllegalArgumentException("integer targets only");
      }
      return x.getNumerator().longValueExact();
    }).toArray();
    this.delta = delta;
    int n = v.size();
    // mu's bilinear terms from the plan itself: mu(e_i, e_j)
    MuPlan plan = MuPlan.compile(a);
    List<List<int[]>> t = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      t.add(new ArrayList<>());
    }
    for (int i = 0; i < k1; i++) {
      for (int j = 0; j < k2; j++) {
        List<BigFraction> mu = plan.mu(RationalRing.INSTANCE, FilterTuple.of(a, List.of(unit(k1, i), unit(k2, j))));
        for (int k = 0; k < n; k++) {
          if (mu.get(k).signum() != 0) {
            t.get(k).add(new int[] {i, j, mu.get(k).getNumerator().intValueExact()});
          }
        }
      }
    }
    terms = t.stream().map(l -> l.toArray(int[][]::new)).toArray(int[][][]::new);
    Random random = new Random(seed);
    b = new long[m - 1][k1][k2];
    cv = new long[m - 1];
    for (int r = 0; r < m - 1; r++) {
      for (int k = 0; k < n; k++) {
        long c = random.nextInt(7) - 3;
        for (int[] term : terms[k]) {
          b[r][term[0]][term[1]] += c * term[2];
        }
        cv[r] += c * this.v[k];
      }
    }
    double angle = 2 * Math.PI * random.nextDouble();
    gammaRe = Math.cos(angle);
    gammaIm = Math.sin(angle);
  }

  private static List<BigFraction> unit(int size, int i) {
    List<BigFraction> e = new ArrayList<>();
    for (int j = 0; j < size; j++) {
      e.add(j == i ? BigFraction.ONE : BigFraction.ZERO);
    }
    return e;
  }

  /** Tracks every path, certifies every real end point. */
  Result run() {
    int finite = 0;
    int diverged = 0;
    int failed = 0;
    int uncertified = 0;
    List<Box> boxes = new ArrayList<>();
    for (int start = 0; start < (1 << m); start++) {
      double[] re = new double[m];
      double[] im = new double[m];
      for (int i = 0; i < m; i++) {
        re[i] = (start >> i & 1) == 0 ? 1 : -1;
      }
      int end = track(re, im);
      if (end == DIVERGING) {
        diverged++;
        continue;
      } else if (end == FAILED) {
        failed++;
        continue;
      }
      finite++;
      double scale = 1 + norm(re, im);
      if (maxAbs(im) > 1e-6 * scale) {
        continue; // not real
      }
      double[] x = polish(re);
      Box box = x == null ? null : certify(x);
      if (box == null) {
        uncertified++;
        continue;
      }
      boolean known = false;
      for (int i = 0; i < boxes.size() && !known; i++) {
        Box old = boxes.get(i);
        if (old.intersects(box)) {
          if (old.contains(box.x())) {
            known = true; // box's zero lies in old's box, whose zero is unique
          } else if (box.contains(old.x())) {
            boxes.set(i, box);
            known = true;
          } else {
            uncertified++;
            known = true;
          }
        }
      }
      if (!known) {
        boxes.add(box);
      }
    }
    return new Result(boxes, finite, diverged, failed, uncertified);
  }

  // ---------------------------------------------------------------- the system S

  /** S(x) and its Jacobian at a complex point (re, im); fRe/fIm length m, jRe/jIm m x m. */
  private void system(double[] re, double[] im, double[] fRe, double[] fIm, double[][] jRe, double[][] jIm) {
    for (int r = 0; r < m - 1; r++) {
      double sRe = -cv[r];
      double sIm = 0;
      Arrays.fill(jRe[r], 0);
      Arrays.fill(jIm[r], 0);
      for (int i = 0; i < k1; i++) {
        for (int j = 0; j < k2; j++) {
          long c = b[r][i][j];
          if (c == 0) {
            continue;
          }
          double xr = re[i];
          double xi = im[i];
          double yr = re[k1 + j];
          double yi = im[k1 + j];
          sRe += c * (xr * yr - xi * yi);
          sIm += c * (xr * yi + xi * yr);
          jRe[r][i] += c * yr;
          jIm[r][i] += c * yi;
          jRe[r][k1 + j] += c * xr;
          jIm[r][k1 + j] += c * xi;
        }
      }
      fRe[r] = sRe;
      fIm[r] = sIm;
    }
    double sRe = -delta;
    double sIm = 0;
    for (int i = 0; i < m; i++) {
      double sign = i < k1 ? -1 : 1;
      sRe += sign * (re[i] * re[i] - im[i] * im[i]);
      sIm += sign * 2 * re[i] * im[i];
      jRe[m - 1][i] = sign * 2 * re[i];
      jIm[m - 1][i] = sign * 2 * im[i];
    }
    fRe[m - 1] = sRe;
    fIm[m - 1] = sIm;
  }

  /** S on a box, rigorously (outward rounding). */
  private Interval[] system(Interval[] x) {
    Interval[] f = new Interval[m];
    for (int r = 0; r < m - 1; r++) {
      Interval s = Interval.point(-cv[r]);
      for (int i = 0; i < k1; i++) {
        for (int j = 0; j < k2; j++) {
          if (b[r][i][j] != 0) {
            s = s.add(x[i].multiply(x[k1 + j]).multiply(b[r][i][j]));
          }
        }
      }
      f[r] = s;
    }
    Interval s = Interval.point(-delta);
    for (int i = 0; i < m; i++) {
      s = i < k1 ? s.subtract(x[i].square()) : s.add(x[i].square());
    }
    f[m - 1] = s;
    return f;
  }

  /** The Jacobian of S on a box, rigorously. */
  private Interval[][] jacobian(Interval[] x) {
    Interval[][] j = new Interval[m][m];
    for (int r = 0; r < m - 1; r++) {
      for (int i = 0; i < m; i++) {
        j[r][i] = Interval.point(0);
      }
      for (int i = 0; i < k1; i++) {
        for (int q = 0; q < k2; q++) {
          long c = b[r][i][q];
          if (c != 0) {
            j[r][i] = j[r][i].add(x[k1 + q].multiply(c));
            j[r][k1 + q] = j[r][k1 + q].add(x[i].multiply(c));
          }
        }
      }
    }
    for (int i = 0; i < m; i++) {
      j[m - 1][i] = x[i].multiply(i < k1 ? -2 : 2);
    }
    return j;
  }

  /** mu_k(B) - v_k on a box, rigorously. */
  private Interval residual(Interval[] x, int k) {
    Interval s = Interval.point(-v[k]);
    for (int[] t : terms[k]) {
      s = s.add(x[t[0]].multiply(x[k1 + t[1]]).multiply(t[2]));
    }
    return s;
  }

  // ---------------------------------------------------------------- the homotopy

  private static final int FINITE = 0;
  private static final int DIVERGING = 1;
  private static final int FAILED = 2;

  /**
   * Tracks one path of H(x, t) = (1 - t) gamma G(x) + t S(x) from x(0) = (re, im) to t = 1, in
   * place; ends with Newton's method on S.
   */
  private int track(double[] re, double[] im) {
    double[] fRe = new double[m];
    double[] fIm = new double[m];
    double[][] jRe = new double[m][m];
    double[][] jIm = new double[m][m];
    double[] hRe = new double[m];
    double[] hIm = new double[m];
    double[][] aRe = new double[m][m];
    double[][] aIm = new double[m][m];
    double t = 0;
    double dt = 0.01;
    int good = 0;
    double[] xRe = re.clone();
    double[] xIm = im.clone();
    while (t < 1) {
      double step = Math.min(dt, 1 - t);
      // predictor: dx/dt = -H_x^-1 H_t, H_t = S - gamma G
      homotopy(xRe, xIm, t, fRe, fIm, jRe, jIm, hRe, hIm, aRe, aIm, true);
      double[][] d = solve(aRe, aIm, hRe, hIm);
      if (d == null) {
        return FAILED;
      }
      double[] pRe = new double[m];
      double[] pIm = new double[m];
      for (int i = 0; i < m; i++) {
        pRe[i] = xRe[i] - step * d[0][i];
        pIm[i] = xIm[i] - step * d[1][i];
      }
      double t1 = t + step;
      boolean converged = false;
      for (int it = 0; it < 4 && !converged; it++) {
        homotopy(pRe, pIm, t1, fRe, fIm, jRe, jIm, hRe, hIm, aRe, aIm, false);
        double size = newtonStep(pRe, pIm, aRe, aIm, hRe, hIm);
        if (Double.isNaN(size)) {
          break;
        }
        converged = size <= 1e-10 * (1 + norm(pRe, pIm));
      }
      if (converged) {
        t = t1;
        xRe = pRe;
        xIm = pIm;
        if (norm(xRe, xIm) > DIVERGED) {
          return DIVERGING;
        }
        if (++good >= 3) {
          dt = Math.min(MAX_STEP, 2 * dt);
          good = 0;
        }
      } else {
        dt /= 2;
        good = 0;
        if (dt < MIN_STEP) {
          // a path that blows up as t -> 1 ends at infinity; anything else is a failure
          return t > 0.9 && norm(xRe, xIm) > 1e3 ? DIVERGING : FAILED;
        }
      }
    }
    // Newton on S at t = 1
    for (int it = 0; it < 30; it++) {
      system(xRe, xIm, fRe, fIm, jRe, jIm);
      double size = newtonStep(xRe, xIm, jRe, jIm, fRe, fIm);
      if (!(size > 1e-14 * (1 + norm(xRe, xIm)))) {
        break;
      }
    }
    System.arraycopy(xRe, 0, re, 0, m);
    System.arraycopy(xIm, 0, im, 0, m);
    return norm(xRe, xIm) > DIVERGED ? DIVERGING : FINITE;
  }

  /**
   * H (or H_t when {@code derivative}) into (hRe, hIm) and H_x into (aRe, aIm), at (x, t).
   */
  private void homotopy(double[] xRe, double[] xIm, double t, double[] fRe, double[] fIm,
      double[][] jRe, double[][] jIm, double[] hRe, double[] hIm, double[][] aRe, double[][] aIm,
      boolean derivative) {
    system(xRe, xIm, fRe, fIm, jRe, jIm);
    for (int i = 0; i < m; i++) {
      // G_i = x_i^2 - 1, gamma G_i
      double gRe = xRe[i] * xRe[i] - xIm[i] * xIm[i] - 1;
      double gIm = 2 * xRe[i] * xIm[i];
      double ggRe = gammaRe * gRe - gammaIm * gIm;
      double ggIm = gammaRe * gIm + gammaIm * gRe;
      if (derivative) {
        hRe[i] = fRe[i] - ggRe;
        hIm[i] = fIm[i] - ggIm;
      } else {
        hRe[i] = (1 - t) * ggRe + t * fRe[i];
        hIm[i] = (1 - t) * ggIm + t * fIm[i];
      }
      for (int q = 0; q < m; q++) {
        aRe[i][q] = t * jRe[i][q];
        aIm[i][q] = t * jIm[i][q];
      }
      // d(gamma G_i)/dx_i = 2 gamma x_i
      double dRe = 2 * (gammaRe * xRe[i] - gammaIm * xIm[i]);
      double dIm = 2 * (gammaRe * xIm[i] + gammaIm * xRe[i]);
      aRe[i][i] += (1 - t) * dRe;
      aIm[i][i] += (1 - t) * dIm;
    }
  }

  // ---------------------------------------------------------------- certification

  /** Real Newton on S from x; null if it does not converge. */
  private double[] polish(double[] start) {
    double[] x = start.clone();
    double[] zero = new double[m];
    double[] fRe = new double[m];
    double[] fIm = new double[m];
    double[][] jRe = new double[m][m];
    double[][] jIm = new double[m][m];
    for (int it = 0; it < 20; it++) {
      system(x, zero, fRe, fIm, jRe, jIm);
      double size = newtonStep(x, new double[m], jRe, new double[m][m], fRe, new double[m]);
      if (Double.isNaN(size)) {
        return null;
      } else if (size <= 1e-15 * (1 + norm(x, zero))) {
        break;
      }
    }
    return x;
  }

  /**
   * A box around x with a proven unique zero of S (Krawczyk: K(B) in the interior of B), marked as
   * a fiber candidate unless some mu_k - v_k is proven non-zero on it; null if no radius works.
   */
  private Box certify(double[] x) {
    double[] zero = new double[m];
    double[] fRe = new double[m];
    double[] fIm = new double[m];
    double[][] jRe = new double[m][m];
    double[][] jIm = new double[m][m];
    system(x, zero, fRe, fIm, jRe, jIm);
    double[][] y = inverse(jRe);
    if (y == null) {
      return null;
    }
    Interval[] point = new Interval[m];
    for (int i = 0; i < m; i++) {
      point[i] = Interval.point(x[i]);
    }
    Interval[] fx = system(point);
    double scale = 1 + maxAbs(x);
    for (double rel = 1e-11; rel <= 1e-5; rel *= 100) {
      double r = rel * scale;
      Interval[] box = new Interval[m];
      for (int i = 0; i < m; i++) {
        box[i] = Interval.around(x[i], r);
      }
      Interval[][] jb = jacobian(box);
      boolean inside = true;
      for (int i = 0; i < m && inside; i++) {
        // K_i = x_i - (Y S(x))_i + sum_j (I - Y J(B))_ij (B_j - x_j)
        Interval k = Interval.point(x[i]);
        for (int j = 0; j < m; j++) {
          k = k.subtract(fx[j].multiply(y[i][j]));
        }
        for (int j = 0; j < m; j++) {
          Interval e = Interval.point(i == j ? 1 : 0);
          for (int l = 0; l < m; l++) {
            e = e.subtract(jb[l][j].multiply(y[i][l]));
          }
          k = k.add(e.multiply(box[j].subtract(point[j])));
        }
        inside = k.inInteriorOf(box[i]);
      }
      if (inside) {
        boolean candidate = true;
        for (int q = 0; q < v.length && candidate; q++) {
          candidate = residual(box, q).containsZero();
        }
        return new Box(box, candidate);
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- linear algebra

  /** One Newton step x -= A^-1 h in place (complex); the step's norm, NaN for a singular A. */
  private static double newtonStep(double[] re, double[] im, double[][] aRe, double[][] aIm,
      double[] hRe, double[] hIm) {
    double[][] c = solve(aRe, aIm, hRe, hIm);
    if (c == null) {
      return Double.NaN;
    }
    for (int i = 0; i < re.length; i++) {
      re[i] -= c[0][i];
      im[i] -= c[1][i];
    }
    return norm(c[0], c[1]);
  }

  /** The solution z of A z = h (complex, Gaussian elimination with partial pivoting), or null. */
  private static double[][] solve(double[][] aRe0, double[][] aIm0, double[] hRe0, double[] hIm0) {
    int n = hRe0.length;
    double[][] aRe = new double[n][];
    double[][] aIm = new double[n][];
    for (int i = 0; i < n; i++) {
      aRe[i] = aRe0[i].clone();
      aIm[i] = aIm0[i].clone();
    }
    double[] hRe = hRe0.clone();
    double[] hIm = hIm0.clone();
    for (int c = 0; c < n; c++) {
      int p = c;
      double best = -1;
      for (int r = c; r < n; r++) {
        double mag = Math.hypot(aRe[r][c], aIm[r][c]);
        if (mag > best) {
          best = mag;
          p = r;
        }
      }
      if (!(best > 1e-300)) {
        return null;
      }
      double[] tr = aRe[p]; aRe[p] = aRe[c]; aRe[c] = tr;
      double[] ti = aIm[p]; aIm[p] = aIm[c]; aIm[c] = ti;
      double sr = hRe[p]; hRe[p] = hRe[c]; hRe[c] = sr;
      double si = hIm[p]; hIm[p] = hIm[c]; hIm[c] = si;
      double den = aRe[c][c] * aRe[c][c] + aIm[c][c] * aIm[c][c];
      for (int r = c + 1; r < n; r++) {
        // f = a[r][c] / a[c][c]
        double fr = (aRe[r][c] * aRe[c][c] + aIm[r][c] * aIm[c][c]) / den;
        double fi = (aIm[r][c] * aRe[c][c] - aRe[r][c] * aIm[c][c]) / den;
        for (int q = c; q < n; q++) {
          aRe[r][q] -= fr * aRe[c][q] - fi * aIm[c][q];
          aIm[r][q] -= fr * aIm[c][q] + fi * aRe[c][q];
        }
        hRe[r] -= fr * hRe[c] - fi * hIm[c];
        hIm[r] -= fr * hIm[c] + fi * hRe[c];
      }
    }
    double[] zRe = new double[n];
    double[] zIm = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double sr = hRe[r];
      double si = hIm[r];
      for (int q = r + 1; q < n; q++) {
        sr -= aRe[r][q] * zRe[q] - aIm[r][q] * zIm[q];
        si -= aRe[r][q] * zIm[q] + aIm[r][q] * zRe[q];
      }
      double den = aRe[r][r] * aRe[r][r] + aIm[r][r] * aIm[r][r];
      zRe[r] = (sr * aRe[r][r] + si * aIm[r][r]) / den;
      zIm[r] = (si * aRe[r][r] - sr * aIm[r][r]) / den;
    }
    return new double[][] {zRe, zIm};
  }

  /** An approximate inverse of a real matrix (any approximation serves Krawczyk), or null. */
  private static double[][] inverse(double[][] a) {
    int n = a.length;
    double[][] y = new double[n][n];
    for (int c = 0; c < n; c++) {
      double[] e = new double[n];
      e[c] = 1;
      double[][] z = solve(a, new double[n][n], e, new double[n]);
      if (z == null) {
        return null;
      }
      for (int r = 0; r < n; r++) {
        y[r][c] = z[0][r];
      }
    }
    return y;
  }

  private static double norm(double[] re, double[] im) {
    double s = 0;
    for (int i = 0; i < re.length; i++) {
      s += re[i] * re[i] + im[i] * im[i];
    }
    return Math.sqrt(s);
  }

  private static double maxAbs(double[] x) {
    double s = 0;
    for (double d : x) {
      s = Math.max(s, Math.abs(d));
    }
    return s;
  }
}
