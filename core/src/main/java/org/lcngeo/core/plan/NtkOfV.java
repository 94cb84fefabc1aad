package org.lcngeo.core.plan;

/**
 * The neural tangent kernel as a function of the end-to-end filter alone: {@code v -> K^(delta)(v)},
 * the Riemannian metric of Cor. 6 / Thm. 4 of the paper on the smooth locus of the neuromanifold,
 * for fixed invariants delta. Implemented by a closed form compiled from {@code lcn formula} (where
 * mu is generically one-to-one up to scaling) or by numeric fiber recovery; consumed by the
 * function-space Riemannian flow {@code v' = -K^(delta)(v) grad l(v)} of the numeric layer.
 *
 * <p>Implementations may keep state between calls (for example the previous fiber point as the
 * start of a continuation), so one instance serves one trajectory and one thread.
 */
public interface NtkOfV {
  /**
   * K^(delta)(v) as a dense symmetric n x n matrix over the row-major flattening of the end-to-end
   * filter.
   *
   * @param v the end-to-end filter, row-major, length n
   * @param delta the invariants delta_1..delta_{H-1}
   */
  double[][] ntk(double[] v, double[] delta);

  /**
   * out := K^(delta)(v) x. The default forms the matrix; implementations that can apply K without
   * forming it (for example as J (J^T x) at a fiber point) override this.
   */
  default void multiply(double[] v, double[] delta, double[] x, double[] out) {
    double[][] k = ntk(v, delta);
    for (int a = 0; a < out.length; a++) {
      double s = 0;
      for (int b = 0; b < x.length; b++) {
        s += k[a][b] * x[b];
      }
      out[a] = s;
    }
  }
}
