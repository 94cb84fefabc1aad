package org.lcngeo.symbolic.manifold;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.Matrices;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.linalg.ExactLinearAlgebra;

/**
 * Lemma 5 and Corollary 6, decided exactly over Q at a rational filter tuple theta, which lies in
 * Theta_delta for delta its own invariants.
 *
 * <p>Lemma 5: d_theta mu restricted to T_theta Theta_delta = {theta_dot : <w_{i+1}, w_dot_{i+1}> =
 * <w_1, w_dot_1>, i = 1..H-1} (eq. 9) is a bijection onto the tangent space of the neuromanifold,
 * the column space of J: rank(J B) = dim T_theta Theta_delta = rank J for a basis B of eq. 9.
 *
 * <p>Corollary 6: the pushforward of the Euclidean metric is K^{-1} on that tangent space: for
 * theta_dot in T_theta Theta_delta and v_dot = J theta_dot, ||theta_dot||^2 = v_dot^T K^+ v_dot,
 * where v_dot^T K^+ v_dot = v_dot^T x for any solution x of K x = v_dot (v_dot lies in the column
 * space of K = J J^T, orthogonal to its kernel). Exact because eq. 9 is the orthogonal complement
 * of the rescaling directions that span ker J.
 */
public final class TangentCheck {
  private TangentCheck() {}

  /**
   * Lemma 5 at theta.
   *
   * @param parameters dimension of the parameter space
   * @param tangentDimension dim T_theta Theta_delta
   * @param jacobianRank rank J = dim of the tangent space of M at mu(theta) (when smooth)
   * @param restrictedRank rank of d_theta mu on T_theta Theta_delta
   * @param bijective restrictedRank == tangentDimension == jacobianRank
   */
  public record Lemma5(
      int parameters, int tangentDimension, int jacobianRank, int restrictedRank, boolean bijective) {}

  /**
   * Corollary 6 for one tangent vector.
   *
   * @param parameterNormSquared ||theta_dot||^2
   * @param pushforward v_dot^T K^+ v_dot with v_dot = J theta_dot
   */
  public record Corollary6(
      List<BigFraction> thetaDot,
      List<BigFraction> vDot,
      BigFraction parameterNormSquared,
      BigFraction pushforward) {
    public boolean holds() {
      return parameterNormSquared.equals(pushforward);
    }
  }

  /** The constraints of eq. 9 as rows: (-w_1, 0, .., w_{i+1}, .., 0) for i = 1..H-1. */
  private static List<List<BigFraction>> constraints(FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    List<List<BigFraction>> rows = new ArrayList<>();
    for (int i = 1; i < a.depth(); i++) {
      List<BigFraction> row = new ArrayList<>();
      for (int l = 0; l < a.depth(); l++) {
        for (BigFraction x : theta.layer(l)) {
          row.add(l == 0 ? x.negate() : l == i ? x : BigFraction.ZERO);
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /** A basis of T_theta Theta_delta (eq. 9), flat parameter vectors (w_1, ..., w_H). */
  public static List<List<BigFraction>> tangentBasis(FilterTuple<BigFraction> theta) {
    return ExactLinearAlgebra.kernel(constraints(theta), theta.architecture().parameterCount());
  }

  /** Decides Lemma 5 at theta exactly. */
  public static Lemma5 lemma5(FilterTuple<BigFraction> theta) {
    List<List<BigFraction>> j = MuPlan.compile(theta.architecture()).jacobian(RationalRing.INSTANCE, theta);
    List<List<BigFraction>> basis = tangentBasis(theta);
    int rankJ = ExactLinearAlgebra.rank(j);
    RationalRing q = RationalRing.INSTANCE;
    int restricted =
        basis.isEmpty() ? 0 : ExactLinearAlgebra.rank(Matrices.multiply(q, j, Matrices.transpose(q, basis)));
    return new Lemma5(
        theta.architecture().parameterCount(),
        basis.size(),
        rankJ,
        restricted,
        restricted == basis.size() && restricted == rankJ);
  }

  /**
   * Corollary 6 for theta_dot exactly.
   *
   * @throws InvalidInputException when theta_dot is not in T_theta Theta_delta (eq. 9)
   */
  public static Corollary6 corollary6(FilterTuple<BigFraction> theta, List<BigFraction> thetaDot) {
    for (BigFraction c : ExactLinearAlgebra.times(constraints(theta), thetaDot)) {
      if (c.getNumerator().signum() != 0) {
        throw new InvalidInputException("the tangent vector violates eq. 9");
      }
    }
    MuPlan plan = MuPlan.compile(theta.architecture());
    List<BigFraction> vDot =
        ExactLinearAlgebra.times(plan.jacobian(RationalRing.INSTANCE, theta), thetaDot);
    List<BigFraction> x = ExactLinearAlgebra.solve(plan.ntk(RationalRing.INSTANCE, theta), vDot);
    if (x == null) {
      throw new IllegalStateException("J theta_dot is not in the column space of K = J J^T");
    }
    return new Corollary6(
        List.copyOf(thetaDot),
        vDot,
        ExactLinearAlgebra.dot(thetaDot, thetaDot),
        ExactLinearAlgebra.dot(vDot, x));
  }

  /** A random rational combination (integer weights in [-5, 5]) of the basis of eq. 9. */
  public static List<BigFraction> randomTangentVector(FilterTuple<BigFraction> theta, Random random) {
    List<List<BigFraction>> basis = tangentBasis(theta);
    List<BigFraction> x = new ArrayList<>();
    for (int i = 0; i < theta.architecture().parameterCount(); i++) {
      x.add(BigFraction.ZERO);
    }
    for (List<BigFraction> b : basis) {
      BigFraction c = new BigFraction(random.nextInt(11) - 5);
      for (int i = 0; i < x.size(); i++) {
        x.set(i, x.get(i).add(c.multiply(b.get(i))));
      }
    }
    return x;
  }
}
