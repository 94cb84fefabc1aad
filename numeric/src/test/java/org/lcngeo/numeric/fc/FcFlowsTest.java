package org.lcngeo.numeric.fc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;
import org.lcngeo.numeric.flow.Dop853;
import org.lcngeo.numeric.flow.FlowResult;
import org.lcngeo.numeric.flow.FlowSettings;

class FcFlowsTest {
  private static RealMatrix m(double[][] a) {
    return MatrixUtils.createRealMatrix(a);
  }

  private static double dist(RealMatrix a, RealMatrix b) {
    return FcNetwork.maxAbs(a.subtract(b));
  }

  // Paper Ex. 20: V = (V_1, V_2) = (diag(1, 1/2), diag(1, 2)), U = ([[0,1],[1/2,0]], [[0,2],[1,0]]).
  private static final FcNetwork V =
      FcNetwork.of(List.of(m(new double[][] {{1, 0}, {0, 0.5}}), m(new double[][] {{1, 0}, {0, 2}})));
  private static final FcNetwork U = FcNetwork.of(
      List.of(m(new double[][] {{0, 1}, {0.5, 0}}), m(new double[][] {{0, 2}, {1, 0}})));

  @Test
  void example20SameProductAndDeltaButDifferentNtk() {
    RealMatrix id = MatrixUtils.createRealIdentityMatrix(2);
    assertThat(dist(V.product(), id)).isZero();
    assertThat(dist(U.product(), id)).isZero();
    RealMatrix delta = m(new double[][] {{0, 0}, {0, 15.0 / 4}});
    assertThat(dist(V.deltas().get(0), delta)).isZero();
    assertThat(dist(U.deltas().get(0), delta)).isZero();
    assertThat(dist(V.ntkMatrix(), MatrixUtils.createRealDiagonalMatrix(
        new double[] {2, 5.0 / 4, 5, 17.0 / 4}))).isZero();
    assertThat(dist(U.ntkMatrix(), MatrixUtils.createRealDiagonalMatrix(
        new double[] {17.0 / 4, 5, 5.0 / 4, 2}))).isZero();
    RealMatrix z = m(new double[][] {{1, -4}, {-2, -1}});
    assertThat(dist(V.ntk(z), m(new double[][] {{2, -5}, {-10, -17.0 / 4}}))).isZero();
    assertThat(dist(U.ntk(z), m(new double[][] {{17.0 / 4, -20}, {-5.0 / 2, -2}}))).isZero();
  }

  @Test
  void example20ProductTrajectoriesDifferAndAreNotTheBalancedFlow() {
    FcLoss loss = FcLoss.distanceTo(m(new double[][] {{1, -4}, {-2, -1}}));
    double[] times = {0, 0.05, 0.1, 0.2};
    List<FcNetwork> fromV = FcFlows.parameterFlow(V, loss, times, new Dop853(1e-11, 1e-12));
    List<FcNetwork> fromU = FcFlows.parameterFlow(U, loss, times, new Dop853(1e-11, 1e-12));
    List<RealMatrix> balanced = FcFlows.balancedFlow(
        MatrixUtils.createRealIdentityMatrix(2), 2, loss, times, new Dop853(1e-11, 1e-12));
    RealMatrix wv = fromV.get(3).product();
    RealMatrix wu = fromU.get(3).product();
    assertThat(dist(wv, wu)).isGreaterThan(0.1);
    assertThat(dist(wv, balanced.get(3))).isGreaterThan(0.1);
    assertThat(dist(wu, balanced.get(3))).isGreaterThan(0.1);
    // Delta_1 is conserved along both (eq. 5).
    for (int i = 0; i < times.length; i++) {
      assertThat(dist(fromV.get(i).deltas().get(0), V.deltas().get(0))).isLessThan(1e-9);
      assertThat(dist(fromU.get(i).deltas().get(0), U.deltas().get(0))).isLessThan(1e-9);
    }
  }

  /** Gaussian r x c matrices. */
  static Arbitrary<RealMatrix> gaussian(int r, int c) {
    return Arbitraries.doubles().between(-4, 4).withDistribution(RandomDistribution.gaussian())
        .array(double[].class).ofSize(c).array(double[][].class).ofSize(r)
        .map(MatrixUtils::createRealMatrix);
  }

  /** Orthogonal d x d matrices: Q of a Gaussian matrix. */
  static Arbitrary<RealMatrix> orthogonal(int d) {
    return gaussian(d, d).map(g -> new QRDecomposition(g).getQ());
  }

  /**
   * Balanced networks of widths d: W_l = O_l S_l O_{l-1}^T (O_l orthogonal, S_l "diagonal" d_l x
   * d_{l-1} with sigma_i^{1/H} on the first r = min d_l entries): W_{l+1}^T W_{l+1} = O_l
   * diag(sigma^{2/H}) O_l^T = W_l W_l^T.
   */
  static Arbitrary<FcNetwork> balanced(int[] d) {
    int h = d.length - 1;
    int r = java.util.Arrays.stream(d).min().getAsInt();
    List<Arbitrary<RealMatrix>> os = new ArrayList<>();
    for (int l = 0; l <= h; l++) {
      os.add(orthogonal(d[l]));
    }
    return Combinators.combine(
            Arbitraries.doubles().between(0.5, 2).list().ofSize(r),
            Combinators.combine(os).as(o -> o))
        .as((sigma, o) -> {
          List<RealMatrix> w = new ArrayList<>();
          for (int l = 1; l <= h; l++) {
            RealMatrix s = MatrixUtils.createRealMatrix(d[l], d[l - 1]);
            for (int i = 0; i < r; i++) {
              s.setEntry(i, i, Math.pow(sigma.get(i), 1.0 / h));
            }
            w.add(o.get(l).multiply(s).multiplyTransposed(o.get(l - 1)));
          }
          return FcNetwork.of(w);
        });
  }

  /** Widths d_0..d_H, H = 1..3, each 1..3. */
  static Arbitrary<int[]> dims() {
    return Arbitraries.integers().between(1, 3).array(int[].class).ofMinSize(2).ofMaxSize(4);
  }

  /** A network and matrices Z, Z' of its output shape d_H x d_0. */
  record WithZ(FcNetwork theta, RealMatrix z, RealMatrix z2) {}

  @Provide
  Arbitrary<WithZ> balancedWithZ() {
    return dims().flatMap(d -> Combinators.combine(balanced(d), gaussian(d[d.length - 1], d[0]))
        .as((t, z) -> new WithZ(t, z, z)));
  }

  @Provide
  Arbitrary<WithZ> gaussianWithZ() {
    return dims().flatMap(d -> {
      List<Arbitrary<RealMatrix>> layers = new ArrayList<>();
      for (int l = 1; l < d.length; l++) {
        layers.add(gaussian(d[l], d[l - 1]));
      }
      return Combinators.combine(Combinators.combine(layers).as(FcNetwork::of),
          gaussian(d[d.length - 1], d[0]), gaussian(d[d.length - 1], d[0])).as(WithZ::new);
    });
  }

  @Property(tries = 50)
  void atBalancedTuplesTheNtkIsTheBalancedOperator(@ForAll("balancedWithZ") WithZ c) {
    FcNetwork theta = c.theta();
    assertThat(theta.isBalanced(1e-12)).isTrue();
    RealMatrix z = c.z();
    assertThat(dist(theta.ntk(z), BalancedOperator.apply(theta.product(), z, theta.depth())))
        .isLessThan(1e-10);
  }

  @Property(tries = 50)
  void theNtkActionIsJJTransposeOfTheGradient(@ForAll("gaussianWithZ") WithZ c) {
    // K(Z) = J J^T Z with J^T Z = gradient(Z): check <K(Z), Z'> = <J^T Z, J^T Z'>.
    FcNetwork theta = c.theta();
    RealMatrix z = c.z();
    RealMatrix z2 = c.z2();
    double lhs = 0;
    RealMatrix kz = theta.ntk(z);
    for (int i = 0; i < z.getRowDimension(); i++) {
      for (int j = 0; j < z.getColumnDimension(); j++) {
        lhs += kz.getEntry(i, j) * z2.getEntry(i, j);
      }
    }
    double[] g1 = theta.gradient(z);
    double[] g2 = theta.gradient(z2);
    double rhs = 0;
    for (int i = 0; i < g1.length; i++) {
      rhs += g1[i] * g2[i];
    }
    assertThat(Math.abs(lhs - rhs)).isLessThan(1e-10 * (1 + Math.abs(lhs)));
  }

  /** A balanced start and data X (d_0 x 4), Y (d_H x 4). */
  record BalancedStart(FcNetwork theta, RealMatrix x, RealMatrix y) {}

  @Provide
  Arbitrary<BalancedStart> squareBalancedStarts() {
    // Square invertible layers: at a rank-deficient W the fractional powers of eq. 6 are not
    // Lipschitz and no explicit integrator can follow the flow.
    return Combinators.combine(Arbitraries.integers().between(2, 4),
            Arbitraries.integers().between(1, 3))
        .flatAs((layers, width) -> {
          int[] d = new int[layers];
          java.util.Arrays.fill(d, width);
          return Combinators.combine(balanced(d), gaussian(width, 4), gaussian(width, 4))
              .as(BalancedStart::new);
        });
  }

  @Property(tries = 15)
  void forBalancedStartsTheParameterFlowFollowsTheBalancedFlow(
      @ForAll("squareBalancedStarts") BalancedStart c) {
    FcNetwork theta = c.theta();
    FcLoss loss = FcLoss.data(c.x(), c.y());
    double[] times = {0, 0.1, 0.3, 0.6};
    List<FcNetwork> param = FcFlows.parameterFlow(theta, loss, times, new Dop853(1e-12, 1e-13));
    List<RealMatrix> bal =
        FcFlows.balancedFlow(theta.product(), theta.depth(), loss, times, new Dop853(1e-12, 1e-13));
    for (int i = 0; i < times.length; i++) {
      // eq. 6's fractional powers (W W^T)^(j/N) are not Lipschitz at rank-deficient products: a
      // rounding error e in W W^T moves its root by about e / sigma_min, so where a path passes
      // close to the singular locus (seed 2442055255873974802: sigma_min 1.2e-7 at t = 0.6, the
      // flows 1.1e-7 apart) the two integrations agree to about 1e-12 / sigma_min, and to 1e-7
      // wherever sigma_min >= 1e-5
      double sigmaMin = java.util.Arrays.stream(
          new org.hipparchus.linear.SingularValueDecomposition(bal.get(i)).getSingularValues())
          .min().orElse(0);
      assertThat(dist(param.get(i).product(), bal.get(i)))
          .as("t = %s, sigma_min %s", times[i], sigmaMin)
          .isLessThan(Math.max(1e-7, 1e-12 / sigmaMin));
    }
    assertThat(loss.value(param.get(3).product())).isLessThanOrEqualTo(
        loss.value(theta.product()) + 1e-12);
  }

  @Test
  void theRunnerAgreesWithTheBalancedFlowAtABalancedStartAndNotAtExample20() {
    FcLoss loss = FcLoss.distanceTo(m(new double[][] {{1, -4}, {-2, -1}}));
    // W_1 = W_2 = diag(1, 2): balanced, product diag(1, 4)
    FcNetwork balancedStart = FcNetwork.of(
        List.of(m(new double[][] {{1, 0}, {0, 2}}), m(new double[][] {{1, 0}, {0, 2}})));
    for (FlowSettings.Method method : List.of(FlowSettings.Method.DOP853, FlowSettings.Method.BDF)) {
      FlowSettings s = FlowSettings.of(method, 0.2).withGridIntervals(10);
      FullyConnectedFlow.Result b = FullyConnectedFlow.run(balancedStart, loss, s, 1);
      assertThat(b.status()).isEqualTo(FlowResult.Status.COMPLETE);
      assertThat(b.functionSpaceDeviation()).as("%s", method).isLessThan(1e-6);
      assertThat(b.deltaDrift()).isLessThan(1e-6);
      assertThat(b.losses()[10]).isLessThan(b.losses()[0]);
      assertThat(b.rhsEvaluations()).isPositive();
      assertThat(b.dimension()).isEqualTo(4);
      FullyConnectedFlow.Result v = FullyConnectedFlow.run(V, loss, s, 1);
      assertThat(v.functionSpaceDeviation()).as("%s", method).isGreaterThan(0.1);
      assertThat(v.deltaDrift()).isLessThan(1e-6);
      assertThat(v.deviations()[0]).isZero();
    }
  }
}
