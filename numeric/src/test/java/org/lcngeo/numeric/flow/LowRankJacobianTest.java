package org.lcngeo.numeric.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.assertj.core.data.Offset;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.numeric.data.QuadraticLoss;
import org.lcngeo.numeric.data.TrainingData;
import org.lcngeo.numeric.ntk.ContinuationNtk;
import org.lcngeo.numeric.ntk.NumericMu;

/**
 * The low-rank Jacobian U V^T: Bdf's Woodbury solve against a dense solve of (I - c U V^T) x = b,
 * and the function-space field's U = -J (kept as J's shifted blocks) and V^T U against J formed
 * densely.
 */
class LowRankJacobianTest {
  static final double EPS = Math.ulp(1.0);

  /** A system that only serves its low-rank Jacobian. */
  record Fixed(LowRankJacobian jacobian) implements OdeSystem {
    @Override
    public int dimension() {
      return jacobian.vRows().length;
    }

    @Override
    public void derivative(double[] y, double[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void jacobian(double[] y, double[][] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int jacobianRank() {
      return jacobian.rank();
    }

    @Override
    public LowRankJacobian lowRankJacobian(double[] y) {
      return jacobian;
    }

    @Override
    public long evaluations() {
      return 0;
    }
  }

  @Provide
  Arbitrary<long[]> sizes() {
    return Combinators.combine(Arbitraries.integers().between(1, 40),
            Arbitraries.integers().between(1, 6), Arbitraries.longs())
        .as((n, r, seed) -> new long[] {n, r, seed});
  }

  /**
   * x = (I - c U V^T)^{-1} b by the Woodbury formula has a residual |(I - c U V^T) x - b| within
   * the rounding bound: each of V^T b, the r x r solve (amplified by the condition of S = I - c
   * V^T U) and c U y is accurate to (n + r) eps relative to the moduli it sums; draws whose S is
   * worse conditioned than 1e8 are skipped.
   */
  @Property(tries = 300)
  void theWoodburySolveSolvesTheIterationMatrix(@ForAll("sizes") long[] size) {
    int n = (int) size[0];
    int r = (int) size[1];
    Random g = new Random(size[2]);
    double[][] u = new double[r][n];
    double[][] v = new double[r][n];
    for (int k = 0; k < r; k++) {
      for (int a = 0; a < n; a++) {
        u[k][a] = g.nextGaussian();
        v[k][a] = g.nextGaussian() * Math.exp(g.nextGaussian());
      }
    }
    double c = g.nextGaussian();
    double[] b = new double[n];
    for (int a = 0; a < n; a++) {
      b[a] = g.nextGaussian();
    }
    double[][] s = new double[r][r];
    DenseLowRank lowRank = DenseLowRank.ofColumns(u, v);
    lowRank.gram(s);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        s[i][j] = (i == j ? 1 : 0) - c * s[i][j];
      }
    }
    double cond = conditionOne(s);
    Assume.that(cond < 1e8);
    Bdf.State st = new Bdf.State(new Fixed(lowRank));
    st.jacobian(b);
    assertThat(st.factor(c)).isTrue();
    double[] x = b.clone();
    st.solve(x);
    // the residual, and the moduli of its terms: |x| + |c| |U| |V^T| |x| + |b|
    double[] vx = new double[r];
    double[] vAbs = new double[r];
    for (int k = 0; k < r; k++) {
      for (int a = 0; a < n; a++) {
        vx[k] += v[k][a] * x[a];
        vAbs[k] += Math.abs(v[k][a] * x[a]);
      }
    }
    for (int a = 0; a < n; a++) {
      double res = x[a] - b[a];
      double size0 = Math.abs(x[a]) + Math.abs(b[a]);
      for (int k = 0; k < r; k++) {
        res -= c * u[k][a] * vx[k];
        size0 += Math.abs(c * u[k][a]) * vAbs[k];
      }
      assertThat(res).as("residual %d", a)
          .isCloseTo(0, Offset.offset(8 * (n + r) * EPS * cond * size0));
    }
  }

  /** ||S||_1 ||S^{-1}||_1 (S^{-1} column by column by Gaussian elimination with pivoting). */
  static double conditionOne(double[][] s) {
    int r = s.length;
    DenseLu lu = new DenseLu(r);
    for (int i = 0; i < r; i++) {
      System.arraycopy(s[i], 0, lu.matrix()[i], 0, r);
    }
    if (!lu.decompose()) {
      return Double.POSITIVE_INFINITY;
    }
    double norm = 0;
    double inverseNorm = 0;
    for (int j = 0; j < r; j++) {
      double col = 0;
      double[] e = new double[r];
      e[j] = 1;
      lu.solve(e);
      double inv = 0;
      for (int i = 0; i < r; i++) {
        col += Math.abs(s[i][j]);
        inv += Math.abs(e[i]);
      }
      norm = Math.max(norm, col);
      inverseNorm = Math.max(inverseNorm, inv);
    }
    return norm * inverseNorm;
  }

  /**
   * The function-space field's low-rank Jacobian (2-D networks with n >= 64 entries): V = 2A J + J
   * G^{-1} H, U y = -J y and V^T U = -V^T J with J, G, H formed densely at the fiber point,
   * within rounding bounds; and U is a snapshot: moving the fiber recovery on (another
   * evaluation) leaves it unchanged.
   */
  @Property(tries = 30)
  void theFieldsUIsMinusJAndItsGramIsVTransposeU(
      @ForAll("architectures") Architecture a, @ForAll long seed) {
    NumericMu mu = NumericMu.of(a);
    Random g = new Random(seed);
    QuadraticLoss loss = new QuadraticLoss(TrainingData.generate(a, 3, a.endToEndSize(), seed, 0.1));
    double[] theta = GradientFlowTest.gaussian(g, a.parameterCount(), 0.5);
    ContinuationNtk recovery = new ContinuationNtk(mu, theta);
    FunctionSpaceField field =
        new FunctionSpaceField(recovery, loss, mu.invariants(theta), Long.MAX_VALUE);
    int n = loss.size();
    int p = a.parameterCount();
    assertThat(field.jacobianRank()).isEqualTo(p);
    double[] v = mu.newState().at(theta).mu().clone();
    LowRankJacobian lr = field.lowRankJacobian(v);
    double[][] j = recovery.jacobianColumns().dense();
    double[][] vRows = lr.vRows();
    // V = 2A J + J G^{-1} H(grad l(v)), formed densely at the fiber point
    double[] at = recovery.solve(v, mu.invariants(theta)).clone();
    double[][] jd = mu.newState().at(at).jacobian();
    double[] grad = new double[n];
    loss.gradient(v, grad);
    double[][] h = new double[p][p];
    mu.newState().at(at).addSecondOrderHessian(grad, h);
    double[][] gram0 = new double[p][p];
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < p; k++) {
        for (int q = 0; q < n; q++) {
          gram0[i][k] += jd[q][i] * jd[q][k];
        }
      }
    }
    for (int l = 0; l + 1 < mu.depth(); l++) {
      // D_l: -2 w_l on block l, +2 w_{l+1} on block l+1
      double[] d = new double[p];
      for (int i = mu.layerStart(l); i < mu.layerStart(l + 2); i++) {
        d[i] = (i < mu.layerStart(l + 1) ? -2 : 2) * at[i];
      }
      for (int i = 0; i < p; i++) {
        for (int k = 0; k < p; k++) {
          gram0[i][k] += d[i] * d[k];
        }
      }
    }
    double cond = conditionOne(gram0);
    DenseLu lu = new DenseLu(p);
    for (int i = 0; i < p; i++) {
      System.arraycopy(gram0[i], 0, lu.matrix()[i], 0, p);
    }
    assertThat(lu.decompose()).isTrue();
    double[][] gh = new double[p][];
    for (int k = 0; k < p; k++) {
      double[] col = new double[p];
      for (int i = 0; i < p; i++) {
        col[i] = h[i][k];
      }
      lu.solve(col);
      gh[k] = col;
    }
    double[][] a2 = loss.matrixA();
    for (int q = 0; q < n; q++) {
      for (int k = 0; k < p; k++) {
        double e = 0;
        double size = 0;
        for (int r = 0; r < n; r++) {
          double t = 2 * a2[q][r] * jd[r][k];
          e += t;
          size += Math.abs(t);
        }
        double hSize = 0;
        for (int i = 0; i < p; i++) {
          double t = jd[q][i] * gh[k][i];
          e += t;
          hSize += Math.abs(t);
        }
        // the two G^{-1} H agree to about p eps cond(G); the rest to n eps
        assertThat(vRows[q][k]).as("V[%d][%d]", q, k).isCloseTo(e,
            Offset.offset(8 * n * EPS * size + 64 * p * EPS * cond * (hSize + 1e-300)));
      }
    }
    double[] y = GradientFlowTest.gaussian(g, p, 1);
    double[] x0 = GradientFlowTest.gaussian(g, n, 1);
    double scale = g.nextGaussian();
    // evaluations elsewhere move the recovery's state on; U must not move with it
    double[] elsewhere = v.clone();
    for (int q = 0; q < n; q++) {
      elsewhere[q] *= 1.01;
    }
    field.derivative(elsewhere, new double[n]);
    double[] x = x0.clone();
    lr.addUTimes(y, scale, x);
    for (int q = 0; q < n; q++) {
      double e = x0[q];
      double size = Math.abs(e);
      for (int k = 0; k < p; k++) {
        double t = -scale * j[q][k] * y[k];
        e += t;
        size += Math.abs(t);
      }
      assertThat(x[q]).as("(x + s U y)[%d]", q).isCloseTo(e, Offset.offset(4 * (p + 2) * EPS * size));
    }
    double[][] gram = new double[p][p];
    lr.gram(gram);
    for (int i = 0; i < p; i++) {
      for (int k = 0; k < p; k++) {
        double e = 0;
        double size = 0;
        for (int q = 0; q < n; q++) {
          double t = -vRows[q][i] * j[q][k];
          e += t;
          size += Math.abs(t);
        }
        assertThat(gram[i][k]).as("(V^T U)[%d][%d]", i, k)
            .isCloseTo(e, Offset.offset(4 * n * EPS * size));
      }
    }
  }

  @Provide
  Arbitrary<Architecture> architectures() {
    return Arbitraries.of(
        Architecture.of(new int[][] {{3, 3}, {3, 3}, {3, 3}}, new int[][] {{2, 2}, {2, 2}, {1, 1}}),
        Architecture.of(new int[][] {{5, 5}, {4, 4}}, new int[][] {{2, 2}, {1, 1}}),
        Architecture.of(new int[][] {{3, 4}, {2, 3}, {4, 2}}, new int[][] {{1, 2}, {3, 1}, {1, 1}}),
        Architecture.of(new int[][] {{9, 8}}, new int[][] {{1, 1}}));
  }
}
