package org.lcngeo.numeric.fiber;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.hipparchus.complex.Complex;
import org.hipparchus.util.FastMath;
import org.lcngeo.core.LimitExceededException;
import org.lcngeo.core.distribution.Distribution;

/**
 * Every way to distribute the roots of pi_1(v)(1, z) among the layers (eq. 8, Lemma 9 for D = 1;
 * Sec. 3 "strides one" and Example 19): layer l's polynomial pi_{t_l}(w_l)(1, z) = Q_l(z^{t_l}) has
 * t_l (k_l - 1) roots, namely k_l - 1 <em>orbits</em> {r * omega : omega^{t_l} = 1} of the t_l-th
 * roots of unity (an orbit is identified by u = r^{t_l}, a root of Q_l; u = 0 and u = infinity
 * are t_l-fold zero roots and roots at infinity). Q_l is real, so a non-real u comes with its
 * conjugate. Each distribution is one projective point of the fiber; layers are given root
 * <em>multisets</em>, so identical layers receiving identical roots are counted once.
 *
 * <p>Search: layers in order of decreasing t_l (ties by index), since large dilations admit the
 * fewest orbits. At each layer the remaining roots are grouped into orbit clusters (u-values equal
 * up to the relative tolerance, every t_l-th root of unity class present), conjugate clusters are
 * paired, and the layer takes a count vector over these units of total degree k_l - 1 (a {@link
 * Distribution} choice, an orbit of degree 1, a pair of degree 2). Only
 * complete, conjugation-closed orbits are ever considered, which is the pruning: a branch dies as
 * soon as a layer cannot be filled.
 *
 * <p>Complexity: with n - 1 = sum_l t_l (k_l - 1) roots, one node costs O(n^2) (clustering). The
 * number of leaves is the number of fiber points, at most the multinomial (n - 1)! / prod_l
 * (k_l - 1)! (all strides one, all roots real and distinct), and one for generic v when all
 * strides exceed one (Thm. 4). Interior nodes are at most H times the number of leaves plus dead
 * ends, and dead ends only arise below a layer with t_l > 1 whose choice leaves roots that are not
 * closed under a smaller t; so the total cost is O(H n^2 (#points + #dead ends)), exponential only
 * when the fiber itself is.
 */
final class LayerRootDistribution {
  private final int[] t;
  private final int[] k;
  private final int[] order;
  private final double tol;
  private final int maxPoints;
  private final List<double[][]> results = new ArrayList<>();

  private LayerRootDistribution(int[] t, int[] k, double tol, int maxPoints) {
    this.t = t;
    this.k = k;
    this.tol = tol;
    this.maxPoints = maxPoints;
    this.order = IntStream.range(0, t.length).boxed()
        .sorted(Comparator.comparingInt((Integer l) -> -t[l]).thenComparingInt(l -> l))
        .mapToInt(Integer::intValue).toArray();
  }

  /**
   * All distributions.
   *
   * @param finite the finite non-zero roots, with multiplicity
   * @param zeros multiplicity of the root z = 0 (leading zeros of v)
   * @param infinities multiplicity of the root at infinity (trailing zeros of v)
   * @param t dilations t_l
   * @param k filter sizes k_l
   * @param tol relative tolerance for equal orbits and real values
   * @param maxPoints the search stops with a {@link LimitExceededException} beyond this many points
   * @return per distribution, the monic-or-lower layer filters w_l (length k_l, entry j the
   *     coefficient of u^j in Q_l)
   */
  static List<double[][]> distribute(
      List<Complex> finite, int zeros, int infinities, int[] t, int[] k, double tol,
      int maxPoints) {
    LayerRootDistribution d = new LayerRootDistribution(t, k, tol, maxPoints);
    d.search(0, finite, zeros, infinities, new double[t.length][]);
    return d.results;
  }

  private void search(int pos, List<Complex> finite, int zeros, int infinities, double[][] w) {
    if (pos == order.length) {
      if (finite.isEmpty() && zeros == 0 && infinities == 0) {
        if (results.size() == maxPoints) {
          throw new LimitExceededException(
              "the fiber has more than " + maxPoints + " points; this target is too degenerate "
                  + "to list them all");
        }
        results.add(w.clone());
      }
      return;
    }
    int l = order[pos];
    List<Unit> units = units(finite, zeros, infinities, t[l]);
    Distribution.of(units, u -> new long[] {u.cost()}, Unit::available).forEachChoice(
        new long[] {k[l] - 1}, counts -> take(units, counts, pos, finite, zeros, infinities, w));
  }

  /** Gives layer order[pos] the chosen orbits and recurses on the remaining roots. */
  private void take(List<Unit> units, int[] counts, int pos,
      List<Complex> finite, int zeros, int infinities, double[][] w) {
    int l = order[pos];
    int tl = t[l];
    boolean[] used = new boolean[finite.size()];
    double[] q = {1.0};
    int zerosLeft = zeros;
    int infLeft = infinities;
    for (int i = 0; i < units.size(); i++) {
      int c = counts[i];
      if (c == 0) {
        continue;
      }
      Unit u = units.get(i);
      switch (u.kind()) {
        case ZERO -> {
          zerosLeft -= c * tl;
          q = multiply(q, shift(c));
        }
        case INFINITY -> infLeft -= c * tl;
        case REAL -> {
          for (int m = 0; m < c; m++) {
            Complex orbit = u.first().take(m, finite, tl, used);
            q = multiply(q, new double[] {-orbit.getReal(), 1});
          }
        }
        case PAIR -> {
          for (int m = 0; m < c; m++) {
            Complex a = u.first().take(m, finite, tl, used);
            Complex b = u.second().take(m, finite, tl, used);
            Complex r = a.add(b.conjugate()).multiply(0.5);
            q = multiply(q, new double[] {r.norm() * r.norm(), -2 * r.getReal(), 1});
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    double[] layer = Arrays.copyOf(q, k[l]);
    List<Complex> rest = new ArrayList<>();
    for (int j = 0; j < finite.size(); j++) {
      if (!used[j]) {
        rest.add(finite.get(j));
      }
    }
    double[][] next = w.clone();
    next[l] = layer;
    search(pos + 1, rest, zerosLeft, infLeft, next);
  }

  private List<Unit> units(List<Complex> finite, int zeros, int infinities, int tl) {
    List<Unit> units = new ArrayList<>();
    if (zeros / tl > 0) {
      units.add(new Unit(Kind.ZERO, zeros / tl, null, null));
    }
    if (infinities / tl > 0) {
      units.add(new Unit(Kind.INFINITY, infinities / tl, null, null));
    }
    List<Cluster> clusters = clusters(finite, tl);
    boolean[] paired = new boolean[clusters.size()];
    for (int i = 0; i < clusters.size(); i++) {
      Cluster a = clusters.get(i);
      if (a.available() == 0 || paired[i]) {
        continue;
      }
      double scale = a.u.norm();
      if (Math.abs(a.u.getImaginary()) <= tol * scale) {
        units.add(new Unit(Kind.REAL, a.available(), a, null));
        continue;
      }
      for (int j = i + 1; j < clusters.size(); j++) {
        Cluster b = clusters.get(j);
        if (!paired[j] && b.available() > 0
            && b.u.subtract(a.u.conjugate()).norm() <= tol * scale) {
          paired[i] = true;
          paired[j] = true;
          units.add(new Unit(Kind.PAIR, Math.min(a.available(), b.available()), a, b));
          break;
        }
      }
    }
    return units;
  }

  /** Groups the roots by u = r^t (relative tolerance) and, within a group, by t-th root class. */
  private List<Cluster> clusters(List<Complex> finite, int tl) {
    int n = finite.size();
    Complex[] u = new Complex[n];
    for (int i = 0; i < n; i++) {
      u[i] = power(finite.get(i), tl);
    }
    int[] cluster = new int[n];
    Arrays.fill(cluster, -1);
    List<Cluster> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (cluster[i] >= 0) {
        continue;
      }
      List<Integer> members = new ArrayList<>();
      for (int j = i; j < n; j++) {
        if (cluster[j] < 0
            && u[j].subtract(u[i]).norm() <= tol * Math.max(u[i].norm(), u[j].norm())) {
          cluster[j] = out.size();
          members.add(j);
        }
      }
      Complex mean = Complex.ZERO;
      for (int j : members) {
        mean = mean.add(u[j]);
      }
      mean = mean.divide(members.size());
      Complex base = Complex.valueOf(FastMath.pow(mean.norm(), 1.0 / tl), 0)
          .multiply(new Complex(FastMath.cos(mean.getArgument() / tl),
              FastMath.sin(mean.getArgument() / tl)));
      List<List<Integer>> classes = new ArrayList<>();
      for (int c = 0; c < tl; c++) {
        classes.add(new ArrayList<>());
      }
      for (int j : members) {
        double angle = finite.get(j).divide(base).getArgument();
        int c = Math.floorMod((int) Math.round(angle * tl / (2 * Math.PI)), tl);
        classes.get(c).add(j);
      }
      out.add(new Cluster(mean, classes));
    }
    return out;
  }

  private static Complex power(Complex z, int e) {
    Complex p = Complex.ONE;
    for (int i = 0; i < e; i++) {
      p = p.multiply(z);
    }
    return p;
  }

  private static double[] shift(int c) {
    double[] s = new double[c + 1];
    s[c] = 1;
    return s;
  }

  private static double[] multiply(double[] a, double[] b) {
    double[] c = new double[a.length + b.length - 1];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b.length; j++) {
        c[i + j] += a[i] * b[j];
      }
    }
    return c;
  }

  private enum Kind {
    ZERO, INFINITY, REAL, PAIR
  }

  /** A choice a layer can take several copies of: one orbit (cost 1) or a conjugate pair (2). */
  private record Unit(Kind kind, int available, Cluster first, Cluster second) {
    int cost() {
      return kind == Kind.PAIR ? 2 : 1;
    }
  }

  /** Roots with r^t equal to u, split by their class of t-th roots of unity. */
  private record Cluster(Complex u, List<List<Integer>> classes) {
    int available() {
      return classes.stream().mapToInt(List::size).min().orElse(0);
    }

    /** Marks copy m of the orbit as used and returns its u, averaged over the orbit. */
    Complex take(int m, List<Complex> finite, int tl, boolean[] used) {
      Complex sum = Complex.ZERO;
      for (List<Integer> c : classes) {
        int j = c.get(m);
        used[j] = true;
        sum = sum.add(power(finite.get(j), tl));
      }
      return sum.divide(tl);
    }
  }
}
