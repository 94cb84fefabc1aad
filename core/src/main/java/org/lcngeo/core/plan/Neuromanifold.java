package org.lcngeo.core.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.lcngeo.core.algebra.PrimeField;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/**
 * The dimension of the neuromanifold M = im(mu): the generic rank of the Jacobian of mu.
 *
 * <p>Why the answer is certain. An <em>upper</em> bound is {@link
 * Architecture#dimensionUpperBound()} = sum_l (|k_l| - 1) + 1: the H - 1 rescaling directions
 * (0,..,-w_l, w_{l+1},..,0) lie in the kernel of J everywhere. It is also the exact value: by Lemma
 * 9 a non-zero end-to-end filter is a product of layer polynomials, and unique factorization leaves
 * finitely many ways to group its irreducible factors, so the projectivized mu has finite fibers and
 * its image has the dimension of its domain (Kohn et al. 2024, Thm. 2.4 for D = 1). We do not take
 * the theorem on trust where it can be checked: the rank of J mod p at an integer point is a
 * <em>lower</em> bound on the generic rank (a minor that vanishes over Q vanishes mod p, and the
 * rank at a point never exceeds the generic rank). When the two bounds meet the dimension is
 * verified by computation; by Schwartz-Zippel a random point meets it with high probability, and we
 * draw up to {@value #ATTEMPTS} seeded points. Only when the elimination would exceed {@value
 * #WORK_LIMIT} multiply-adds does the result rest on the theorem alone ({@link
 * Result#verified()} false). If the bounds never meet, the largest lower bound is returned with
 * {@link Result#certain()} false: that would contradict the theorem and is reported, not hidden.
 */
public final class Neuromanifold {
  static final int ATTEMPTS = 8;
  static final long WORK_LIMIT = 400_000_000L;

  private static final Map<Architecture, Result> CACHE = new ConcurrentHashMap<>();

  private Neuromanifold() {}

  /**
   * The dimension, whether it is certain, and whether a rank computation verified it (rather than
   * the theorem alone).
   */
  public record Result(int dimension, boolean certain, boolean verified) {}

  public static int dimension(Architecture architecture) {
    return compute(MuPlan.compile(architecture)).dimension();
  }

  /** The certified dimension of the architecture of the plan (cached per architecture). */
  public static Result compute(MuPlan plan) {
    return CACHE.computeIfAbsent(plan.architecture(), a -> certifyConvolutional(plan));
  }

  private static Result certifyConvolutional(MuPlan plan) {
    Architecture a = plan.architecture();
    int upper = a.dimensionUpperBound();
    long p = a.parameterCount();
    long n = a.endToEndEntries();
    if (p * n * Math.min(p, n) > WORK_LIMIT) {
      return new Result(upper, true, false);
    }
    return certify(upper, random -> transposedJacobianModP(plan, random));
  }

  /**
   * Meets a proven upper bound with lower bounds: ranks mod {@link PrimeField#M31} of matrices
   * (Jacobians at seeded random points, reduced mod p) produced by {@code jacobianAtRandomPoint}.
   */
  public static Result certify(int upper, Function<SplittableRandom, long[][]> jacobianAtRandomPoint) {
    SplittableRandom random = new SplittableRandom(20250708L);
    int best = 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      best = Math.max(best, PrimeField.M31.rank(jacobianAtRandomPoint.apply(random)));
      if (best == upper) {
        return new Result(upper, true, true);
      }
    }
    return new Result(best, false, true);
  }

  /** J^T mod p at a random point: row (l, j) is P_{-l} shifted by offsets(l)[j] (Obs. 3). */
  private static long[][] transposedJacobianModP(MuPlan plan, SplittableRandom random) {
    Architecture a = plan.architecture();
    PrimeField f = PrimeField.M31;
    List<Long> theta = new ArrayList<>();
    for (int i = 0; i < a.parameterCount(); i++) {
      theta.add(random.nextLong(1, f.p()));
    }
    FilterTuple<Long> point = FilterTuple.fromFlat(a, theta);
    long[][] jt = new long[a.parameterCount()][plan.outputSize()];
    for (int l = 0; l < a.depth(); l++) {
      List<Long> partial = plan.partialProduct(f, point, l);
      int[] support = plan.support(l);
      int[] offsets = plan.offsets(l);
      for (int j = 0; j < offsets.length; j++) {
        long[] row = jt[a.parameterStart(l) + j];
        for (int s : support) {
          row[s + offsets[j]] = partial.get(s);
        }
      }
    }
    return jt;
  }
}
