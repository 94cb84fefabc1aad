package org.lcngeo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuKernel;
import org.lcngeo.core.plan.MuPlan;

/**
 * The contract of a {@link MuKernel}: on every plan of {@link Plans}, mu, J, every K_l and K agree
 * with the generic kernel over the rationals, exactly for an exact kernel and to {@link
 * #tolerance()} relative (max norm) for a floating-point one. Each kernel is a subclass.
 *
 * @param <T> the kernel's element type
 */
abstract class MuKernelContract<T> {
  /** The kernel under test for a plan. */
  abstract MuKernel<T> kernel(MuPlan plan);

  /** The kernel's element of a rational. */
  abstract T element(BigFraction q);

  /** Its value as a double (exact kernels: compared exactly through {@link #exact}). */
  abstract double toDouble(T x);

  /** Relative tolerance; 0 for an exact kernel. */
  abstract double tolerance();

  /** The largest absolute entry of the drawn tuples. */
  int bound() {
    return 7;
  }

  /** Compares an exact kernel's value with the reference (only called when tolerance() == 0). */
  boolean exact(T x, BigFraction reference) {
    return x.equals(reference);
  }

  @Provide
  Arbitrary<FilterTuple<BigFraction>> tuples() {
    return Arbitraries.of(Plans.ARCHITECTURES).flatMap(a -> Plans.tuples(a, bound()));
  }

  @Property(tries = 60)
  void muJacobianAndKernelsAgreeWithTheRationalReference(
      @ForAll("tuples") FilterTuple<BigFraction> theta) {
    MuPlan plan = Plans.plan(theta.architecture());
    MuKernel<BigFraction> reference = MuKernel.generic(plan, RationalRing.INSTANCE);
    MuKernel<T> kernel = kernel(plan);
    FilterTuple<T> t = theta.map(this::element);
    assertAgree(List.of(kernel.mu(t)), List.of(reference.mu(theta)), "mu");
    assertAgree(kernel.jacobian(t), reference.jacobian(theta), "J");
    for (int l = 0; l < theta.depth(); l++) {
      assertAgree(kernel.ntkLayer(t, l), reference.ntkLayer(theta, l), "K_" + (l + 1));
    }
    assertAgree(kernel.ntk(t), reference.ntk(theta), "K");
  }

  private void assertAgree(List<List<T>> actual, List<List<BigFraction>> expected, String what) {
    assertThat(actual).as(what).hasSameSizeAs(expected);
    if (tolerance() == 0) {
      for (int i = 0; i < expected.size(); i++) {
        assertThat(actual.get(i)).as(what).hasSameSizeAs(expected.get(i));
        for (int j = 0; j < expected.get(i).size(); j++) {
          assertThat(exact(actual.get(i).get(j), expected.get(i).get(j)))
              .as("%s[%d][%d]: %s vs %s", what, i, j, actual.get(i).get(j), expected.get(i).get(j))
              .isTrue();
        }
      }
      return;
    }
    List<List<Double>> a = actual.stream().map(r -> r.stream().map(this::toDouble).toList()).toList();
    assertThat(Plans.close(a, Plans.toDouble(expected), tolerance()))
        .as("%s within %s relative: %s vs %s", what, tolerance(), a, expected)
        .isTrue();
  }
}
