package org.lcngeo.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.lcngeo.core.algebra.PrimeField;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * The dimension of the neuromanifold M = im(mu): the generic rank of the Jacobian of mu.
 *
 * <p>Why the answer is certain: the rank of J at any point is at most the generic rank r, and the
 * rank of an integer matrix reduced mod p is at most its rank over Q. So the rank mod p of J at an
 * integer point is a <em>lower</em> bound on r. An <em>upper</em> bound is {@link
 * Architecture#dimensionUpperBound()}: the H - 1 rescaling directions (0,..,-w_l, w_{l+1},..,0) lie
 * in the kernel of J everywhere, and r is at most the number of end-to-end entries. When the two
 * bounds meet, r is known exactly; by Schwartz-Zippel a random point meets it with high probability
 * whenever they can meet, and we draw up to {@value #ATTEMPTS} points (seeded, so the result is
 * reproducible). If they never meet, the largest lower bound seen is returned and {@link
 * Result#certain()} is false.
 */
public final class Neuromanifold {
  static final int ATTEMPTS = 8;

  private Neuromanifold() {}

  /** The dimension and whether it is certified. */
  public record Result(int dimension, boolean certain) {}

  public static int dimension(Architecture architecture) {
    return compute(MuPlan.compile(architecture)).dimension();
  }

  public static Result compute(MuPlan plan) {
    Architecture a = plan.architecture();
    int upper = a.dimensionUpperBound();
    PrimeField f = PrimeField.M31;
    SplittableRandom random = new SplittableRandom(20250708L);
    int best = 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<Long> theta = new ArrayList<>();
      for (int i = 0; i < a.parameterCount(); i++) {
        theta.add(random.nextLong(1, f.p()));
      }
      List<List<Long>> j = plan.jacobian(f, FilterTuple.fromFlat(a, theta));
      long[][] m = new long[j.size()][];
      for (int r = 0; r < m.length; r++) {
        m[r] = j.get(r).stream().mapToLong(Long::longValue).toArray();
      }
      best = Math.max(best, f.rank(m));
      if (best == upper) {
        return new Result(upper, true);
      }
    }
    return new Result(best, false);
  }
}
