package org.lcngeo.numeric.fiber;

import org.hipparchus.complex.Complex;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SchurTransformer;
import org.hipparchus.util.FastMath;

/**
 * All complex roots of a real univariate polynomial, the first step of the numeric fiber recovery
 * (issue 4, item 4): by Lemma 9 / eq. 8 the roots of pi_1(v)(1, z) are the roots of the layer
 * polynomials.
 *
 * <p>The roots are the eigenvalues of the companion matrix (read off Hipparchus' real Schur form,
 * shifted QR on the Hessenberg companion matrix, O(n^3)), polished simultaneously by
 * Aberth–Ehrlich iterations (O(n^2) per sweep), whose mutual repulsion keeps nearby roots apart.
 * For |z| > 1 the Newton quotient is evaluated on the reversed polynomial, so large roots lose no
 * relative accuracy. Simple roots come out to about machine precision relative to their condition
 * number. Numerically multiple roots (whose individual values are only determined to about
 * eps^(1/m)) are recognized by a Taylor-coefficient test and returned as m identical values, their
 * cluster mean, which is accurate to about eps times its condition. The result is checked (see
 * {@link #error}): above 1e-9 (inaccurate starting values can let two Aberth estimates collide on
 * one root), Aberth is restarted from its standard initial circle and the better result is kept.
 * The eigenvalues are read off the real Schur form directly because Hipparchus 3.0's
 * EigenDecompositionNonSymmetric returned wrong eigenvalues for some sparse companion matrices (and
 * fails on defective ones, i.e. on multiple roots).
 */
public final class PolynomialRoots {
  private static final int MAX_SWEEPS = 200;
  private static final double ACCEPTED_ERROR = 1e-9;
  /** Relative radius beyond which roots are not one cluster (eps^(1/m) is 0.03 at m = 10). */
  private static final double MAX_CLUSTER_RADIUS = 0.1;

  private PolynomialRoots() {}

  /**
   * The n roots, with multiplicity, of {@code a[0] + a[1] z + ... + a[n] z^n}.
   *
   * @param a coefficients in ascending order; the leading one {@code a[n]} must be non-zero
   */
  public static Complex[] roots(double[] a) {
    int n = a.length - 1;
    if (n < 0 || a[n] == 0.0) {
      throw new IllegalArgumentException("the leading coefficient must be non-zero");
    }
    if (n == 0) {
      return new Complex[0];
    }
    Complex[] z = polish(a, companionEigenvalues(a));
    if (error(a, z) > ACCEPTED_ERROR) {
      // Inaccurate starting values can let two Aberth estimates collide on one root: restart
      // from Aberth's standard initial circle and keep the better result.
      Complex[] retry = polish(a, circle(a));
      if (error(a, retry) < error(a, z)) {
        z = retry;
      }
    }
    return z;
  }

  private static Complex[] polish(double[] a, Complex[] start) {
    Complex[] z = start.clone();
    boolean[] multiple = snapMultipleRoots(a, z);
    aberth(a, z, multiple);
    // Aberth approaches a multiple root it was not told about only linearly: recognize it now.
    snapMultipleRoots(a, z);
    for (Complex c : z) {
      if (c.isNaN() || c.isInfinite()) {
        return start;
      }
    }
    return z;
  }

  /**
   * How far the roots are from being those of p: the larger of {@link #maxBackwardError} and the
   * coefficient mismatch max_k |(a_n prod_i (z - z_i))_k - a_k| / (|a_n| prod_i (z + |z_i|))_k,
   * which also catches a wrong multiset (one true root returned twice, another missing).
   */
  static double error(double[] a, Complex[] z) {
    int n = a.length - 1;
    Complex[] prod = new Complex[n + 1];
    double[] bound = new double[n + 1];
    java.util.Arrays.fill(prod, Complex.ZERO);
    prod[0] = new Complex(a[n]);
    bound[0] = Math.abs(a[n]);
    for (int i = 0; i < n; i++) {
      for (int k = i + 1; k >= 1; k--) {
        prod[k] = prod[k].subtract(z[i].multiply(prod[k - 1]));
        bound[k] = bound[k] + z[i].norm() * bound[k - 1];
      }
    }
    // prod holds a_n prod (z - z_i) with the highest power first: prod[k] is the coefficient of
    // z^(n-k).
    double worst = maxBackwardError(a, z);
    for (int k = 0; k <= n; k++) {
      worst = Math.max(worst,
          prod[k].subtract(new Complex(a[n - k])).norm() / Math.max(bound[k], Double.MIN_NORMAL));
    }
    return worst;
  }

  /**
   * max_i |p(z_i)| / sum_k |a_k| |z_i|^k: the relative backward error of the roots (a root of p
   * with coefficients perturbed by this relative amount), evaluated on the reversed polynomial for
   * |z| &gt; 1.
   */
  static double maxBackwardError(double[] a, Complex[] z) {
    int n = a.length - 1;
    double worst = 0;
    for (Complex x : z) {
      boolean reversed = x.norm() > 1;
      Complex y = reversed ? x.reciprocal() : x;
      double r = y.norm();
      Complex p = Complex.ZERO;
      double bound = 0;
      for (int k = 0; k <= n; k++) {
        double c = reversed ? a[k] : a[n - k];
        p = p.multiply(y).add(c);
        bound = bound * r + Math.abs(c);
      }
      worst = Math.max(worst, p.norm() / bound);
    }
    return worst;
  }

  /**
   * Replaces each numerically multiple root by one value and marks it. An m-fold root comes out of
   * a backward-stable eigensolver as m values spread over a radius of about eps^(1/m), but their
   * mean is accurate to about sqrt(eps) or better, and it is a simple root of p^(m-1), so three
   * Newton steps on p^(m-1) make it accurate to about eps. So for every root, its m nearest roots
   * (m = 2, 3, ...) are tested: their polished mean c is taken to be an m-fold root when the Taylor
   * coefficients of p at c of orders k &lt; m all vanish to working precision, |p^(k)(c)/k!| &lt;=
   * kappa eps (|p|)^(k)(|c|)/k! with |p| the polynomial of absolute coefficients and kappa = 256 n,
   * and when every member lies within 8 r_m of c, r_m = (kappa eps N / |p^(m)(c)/m!|)^(1/m)
   * being how far noise of size N scatters an m-fold root, N = max(|p|(|c|), ||C|| |a_n| sum_k
   * |c|^k) covering both coefficient rounding and the eigensolver's backward error on the companion
   * matrix C (this keeps a distinct root out of the group
   * when the polishing lands on a nearby true multiple root); the largest such m wins and every
   * member is set to c. Distinct roots are merged only when double
   * precision cannot separate them. Only roots within 10% (relative) of each other are tested, so
   * well-separated roots cost O(n^2 log n) in all; a cluster of size m costs O(m n^2).
   */
  static boolean[] snapMultipleRoots(double[] a, Complex[] z) {
    int n = z.length;
    boolean[] snapped = new boolean[n];
    double kappaEps = 256 * n * Math.ulp(1.0);
    double[] abs = new double[a.length];
    double companionNorm = 1;
    for (int k = 0; k < a.length; k++) {
      abs[k] = Math.abs(a[k]);
      companionNorm = Math.max(companionNorm, abs[k] / Math.abs(a[n]));
    }
    for (int i = 0; i < n; i++) {
      if (snapped[i]) {
        continue;
      }
      Complex zi = z[i];
      int self = i;
      Integer[] near = java.util.stream.IntStream.range(0, n)
          .filter(j -> j != self && !snapped[j]).boxed()
          .sorted(java.util.Comparator.comparingDouble(j -> z[j].subtract(zi).norm()))
          .toArray(Integer[]::new);
      int best = 1;
      Complex bestCenter = zi;
      for (int m = 2; m <= near.length + 1; m++) {
        if (z[near[m - 2]].subtract(zi).norm() > MAX_CLUSTER_RADIUS * zi.norm()) {
          break;
        }
        Complex c = zi;
        for (int g = 0; g < m - 1; g++) {
          c = c.add(z[near[g]]);
        }
        c = c.divide(m);
        Complex[] taylor = taylorCoefficients(a, c);
        // An m-fold root is a simple root of p^(m-1): polish the mean by Newton on it.
        for (int it = 0; it < 3 && taylor[m].norm() > 0; it++) {
          c = c.subtract(taylor[m - 1].divide(taylor[m].multiply(m)));
          taylor = taylorCoefficients(a, c);
        }
        double[] bound = taylorOfAbsolute(abs, c.norm());
        boolean vanishing = true;
        for (int k = 0; k < m && vanishing; k++) {
          vanishing = taylor[k].norm() <= kappaEps * bound[k];
        }
        // ... and the members must lie where an m-fold root at c scatters under that noise.
        double geometric = 0;
        for (int k = 0, stop = a.length; k < stop; k++) {
          geometric = geometric * c.norm() + 1;
        }
        double noise = Math.max(bound[0], companionNorm * Math.abs(a[n]) * geometric);
        double radius = Math.pow(kappaEps * noise / taylor[m].norm(), 1.0 / m);
        double spread = zi.subtract(c).norm();
        for (int g = 0; g < m - 1; g++) {
          spread = Math.max(spread, z[near[g]].subtract(c).norm());
        }
        if (vanishing && spread <= 8 * radius) {
          best = m;
          bestCenter = c;
        }
      }
      if (best > 1) {
        z[i] = bestCenter;
        snapped[i] = true;
        for (int g = 0; g < best - 1; g++) {
          z[near[g]] = bestCenter;
          snapped[near[g]] = true;
        }
      }
    }
    return snapped;
  }

  /** Coefficients of |p|(x + r) for |p| with non-negative coefficients and r &gt;= 0. */
  private static double[] taylorOfAbsolute(double[] abs, double r) {
    int n = abs.length - 1;
    double[] b = abs.clone();
    for (int k = 0; k < n; k++) {
      for (int j = n - 1; j >= k; j--) {
        b[j] += r * b[j + 1];
      }
    }
    return b;
  }

  /** The coefficients of p(x + c) (repeated synthetic division, O(n^2)). */
  private static Complex[] taylorCoefficients(double[] a, Complex c) {
    int n = a.length - 1;
    Complex[] b = new Complex[n + 1];
    for (int k = 0; k <= n; k++) {
      b[k] = new Complex(a[k]);
    }
    for (int k = 0; k < n; k++) {
      for (int j = n - 1; j >= k; j--) {
        b[j] = b[j].add(c.multiply(b[j + 1]));
      }
    }
    return b;
  }

  private static Complex[] companionEigenvalues(double[] a) {
    int n = a.length - 1;
    RealMatrix c = MatrixUtils.createRealMatrix(n, n);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        c.setEntry(i, i - 1, 1.0);
      }
      c.setEntry(i, n - 1, -a[i] / a[n]);
    }
    try {
      // Eigenvalues only, from the real Schur form T (1x1 and 2x2 diagonal blocks): unlike
      // EigenDecompositionNonSymmetric this needs no eigenvectors, which do not exist for the
      // defective companion matrix of a multiple root.
      RealMatrix t = new SchurTransformer(c).getT();
      Complex[] z = new Complex[n];
      for (int i = 0; i < n; i++) {
        boolean block = false;
        double sub = 0;
        if (i + 1 < n) {
          sub = t.getEntry(i + 1, i);
          double diagonal = Math.abs(t.getEntry(i, i)) + Math.abs(t.getEntry(i + 1, i + 1));
          block = Math.abs(sub) > Math.ulp(1.0) * diagonal;
        }
        if (block) {
          double p = (t.getEntry(i, i) + t.getEntry(i + 1, i + 1)) / 2;
          double q = (t.getEntry(i, i) - t.getEntry(i + 1, i + 1)) / 2;
          double disc = q * q + t.getEntry(i, i + 1) * sub;
          double r = Math.sqrt(Math.abs(disc));
          z[i] = disc >= 0 ? new Complex(p + r) : new Complex(p, r);
          z[i + 1] = disc >= 0 ? new Complex(p - r) : new Complex(p, -r);
          i++;
        } else {
          z[i] = new Complex(t.getEntry(i, i));
        }
      }
      return z;
    } catch (MathRuntimeException e) {
      return circle(a);
    }
  }

  /** Aberth's standard start: n points on a circle of the Cauchy radius, rotated off the axes. */
  private static Complex[] circle(double[] a) {
    int n = a.length - 1;
    double r = 0;
    for (int i = 0; i < n; i++) {
      r = Math.max(r, Math.abs(a[i] / a[n]));
    }
    Complex[] z = new Complex[n];
    for (int i = 0; i < n; i++) {
      double phi = 2 * Math.PI * i / n + 0.4;
      z[i] = new Complex((1 + r) * FastMath.cos(phi), (1 + r) * FastMath.sin(phi));
    }
    return z;
  }

  /**
   * Gauss–Seidel Aberth–Ehrlich sweeps on the roots not marked fixed (multiple roots, which
   * Aberth–Ehrlich would only approach linearly and asymmetrically). A root is frozen once its
   * correction is at rounding level
   * or, once it is below 1e-8 relative, stops shrinking (it has reached the noise floor of the
   * polynomial's evaluation); the iteration ends when all are frozen.
   */
  private static void aberth(double[] a, Complex[] z, boolean[] fixed) {
    int n = z.length;
    separate(z, fixed);
    boolean[] frozen = fixed.clone();
    double[] last = new double[n];
    java.util.Arrays.fill(last, Double.POSITIVE_INFINITY);
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      boolean active = false;
      for (int i = 0; i < n; i++) {
        if (frozen[i]) {
          continue;
        }
        Complex newton = newtonQuotient(a, z[i]);
        if (newton == null) {
          frozen[i] = true;
          continue;
        }
        Complex s = Complex.ZERO;
        for (int j = 0; j < n; j++) {
          if (j != i) {
            Complex d = z[i].subtract(z[j]);
            if (d.norm() > 0) {
              s = s.add(d.reciprocal());
            }
          }
        }
        Complex w = newton.divide(Complex.ONE.subtract(newton.multiply(s)));
        if (w.isNaN() || w.isInfinite()) {
          frozen[i] = true;
          continue;
        }
        double size = w.norm();
        if (size >= last[i] && size <= 1e-8 * z[i].norm()) {
          frozen[i] = true; // at the noise floor: keep the better previous value
          continue;
        }
        z[i] = z[i].subtract(w);
        last[i] = size;
        if (size <= 4 * Math.ulp(z[i].norm())) {
          frozen[i] = true;
        } else {
          active = true;
        }
      }
      if (!active) {
        return;
      }
    }
  }

  /** Exactly equal starting values would make the Aberth correction singular: nudge them apart. */
  private static void separate(Complex[] z, boolean[] fixed) {
    for (int i = 0; i < z.length; i++) {
      for (int j = 0; j < i && !fixed[i]; j++) {
        if (z[i].equals(z[j])) {
          double r = Math.max(z[i].norm(), 1e-300) * 1e-7;
          z[i] = z[i].add(new Complex(r * FastMath.cos(i + 1.0), r * FastMath.sin(i + 1.0)));
        }
      }
    }
  }

  /** p(z)/p'(z), or null when z is already an exact root or p'(z) vanishes. */
  static Complex newtonQuotient(double[] a, Complex z) {
    int n = a.length - 1;
    if (z.norm() <= 1) {
      Complex p = new Complex(a[n]);
      Complex dp = Complex.ZERO;
      for (int k = n - 1; k >= 0; k--) {
        dp = dp.multiply(z).add(p);
        p = p.multiply(z).add(a[k]);
      }
      return p.isZero() || dp.isZero() ? null : p.divide(dp);
    }
    // p(z) = z^n q(1/z) with q the reversed polynomial; p/p' = z q / (n q - w q'), w = 1/z.
    Complex w = z.reciprocal();
    Complex q = new Complex(a[0]);
    Complex dq = Complex.ZERO;
    for (int k = 1; k <= n; k++) {
      dq = dq.multiply(w).add(q);
      q = q.multiply(w).add(a[k]);
    }
    Complex denominator = q.multiply(n).subtract(w.multiply(dq));
    return q.isZero() || denominator.isZero() ? null : z.multiply(q).divide(denominator);
  }
}
