package org.lcngeo.symbolic.rescale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.DoubleRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.algebraic.AlgebraicRing;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/** Prop. 2 / 12 as properties on random small networks. */
class RescalingPropertiesTest {
  /** A random 1-D or 2-D network of the given depth with non-zero integer filters and delta. */
  record Case(FilterTuple<BigFraction> theta, List<BigFraction> delta) {
    @Override
    public String toString() {
      return theta.architecture().summary() + " theta=" + theta + " delta=" + delta;
    }
  }

  Arbitrary<Case> cases(int depth, int maxSize) {
    Arbitrary<Boolean> twoD = Arbitraries.of(false, true);
    return twoD.flatMap(d2 -> {
      int dims = d2 ? 2 : 1;
      Arbitrary<int[]> size = Arbitraries.integers().between(1, d2 ? 2 : maxSize).array(int[].class).ofSize(dims);
      Arbitrary<int[]> stride = Arbitraries.integers().between(1, 2).array(int[].class).ofSize(dims);
      return Combinators.combine(size.list().ofSize(depth), stride.list().ofSize(depth))
          .as((k, s) -> Architecture.of(k.toArray(new int[0][]), s.toArray(new int[0][])))
          .flatMap(arch -> {
            List<Arbitrary<List<BigFraction>>> layers = new ArrayList<>();
            for (int l = 0; l < depth; l++) {
              layers.add(Arbitraries.integers().between(-3, 3)
                  .map(BigFraction::new)
                  .list().ofSize(arch.layerParameters(l))
                  .filter(w -> w.stream().anyMatch(x -> x.signum() != 0)));
            }
            Arbitrary<List<List<BigFraction>>> filters = Combinators.combine(layers).as(ls -> ls);
            Arbitrary<List<BigFraction>> delta =
                Combinators.combine(Arbitraries.integers().between(-6, 6), Arbitraries.integers().between(1, 3))
                    .as((p, q) -> new BigFraction(p, q))
                    .list().ofSize(depth - 1);
            return Combinators.combine(filters, delta).as((f, dl) -> new Case(FilterTuple.of(arch, f), dl));
          });
    });
  }

  @Provide
  Arbitrary<Case> shallow() {
    return cases(2, 3);
  }

  @Provide
  Arbitrary<Case> deep() {
    return Arbitraries.integers().between(2, 4).flatMap(h -> cases(h, 2));
  }

  /** beta_{l+1} - beta_l = delta_l and prod lambda_l^2 = 1, in Q(beta_1); lambda_l > 0. */
  @Property(tries = 60)
  void reachesDeltaInTheField(@ForAll("deep") Case c) {
    RescaledTuple r = Rescaling.rescale(c.theta, c.delta);
    FieldElement prod = r.field().one();
    for (int l = 0; l < c.theta.depth(); l++) {
      FieldElement beta = r.lambdaSquared().get(l).multiply(r.squaredNorms().get(l));
      assertThat(beta).isEqualTo(r.betas().get(l));
      assertThat(beta.signum()).isPositive();
      prod = prod.multiply(r.lambdaSquared().get(l));
      if (l > 0) {
        assertThat(beta.subtract(r.betas().get(l - 1)).toRational()).isEqualTo(c.delta.get(l - 1));
      }
    }
    assertThat(prod.toRational()).isEqualTo(BigFraction.ONE);
    // beta_1 is a root of P above max(-c_l), and its minimal polynomial divides P.
    assertThat(r.beta1().compareTo(RealAlgebraicNumber.of(r.lowerBound()))).isPositive();
    assertThat(r.field().element(r.polynomial()).isZero()).isTrue();
  }

  /**
   * With general algebraic arithmetic on the rescaled filters themselves: ||lambda_{l+1}
   * w_{l+1}||^2 - ||lambda_l w_l||^2 = delta_l and prod lambda_l = 1, exactly.
   */
  @Property(tries = 25)
  void rescaledTupleReachesDeltaExactly(@ForAll("shallow") Case c) {
    RescaledTuple r = Rescaling.rescale(c.theta, c.delta);
    FilterTuple<RealAlgebraicNumber> f = r.filters();
    List<RealAlgebraicNumber> norms = new ArrayList<>();
    RealAlgebraicNumber prod = AlgebraicRing.INSTANCE.one();
    for (int l = 0; l < f.depth(); l++) {
      norms.add(f.squaredNorm(AlgebraicRing.INSTANCE, l));
      prod = prod.multiply(r.lambdas().get(l));
      assertThat(r.lambdas().get(l).signum()).isPositive();
    }
    assertThat(prod).isEqualTo(RealAlgebraicNumber.of(1));
    List<RealAlgebraicNumber> inv = f.invariants(AlgebraicRing.INSTANCE);
    for (int l = 0; l + 1 < f.depth(); l++) {
      assertThat(inv.get(l)).isEqualTo(RealAlgebraicNumber.of(c.delta.get(l)));
    }
  }

  /** K^(delta) computed in Q(beta_1) equals K computed directly at the rescaled tuple. */
  @Property(tries = 20)
  void ntkInTheFieldEqualsDirectNtk(@ForAll("shallow") Case c) {
    RescaledTuple r = Rescaling.rescale(c.theta, c.delta);
    RescaledNtk k = r.ntk();
    List<List<RealAlgebraicNumber>> direct =
        MuPlan.compile(c.theta.architecture()).ntk(AlgebraicRing.INSTANCE, r.filters());
    for (int i = 0; i < k.size(); i++) {
      for (int j = 0; j < k.size(); j++) {
        assertThat(k.entry(i, j).toRealAlgebraic()).isEqualTo(direct.get(i).get(j));
      }
    }
  }

  /**
   * Deeper networks (fields of degree up to 4, 2-D too): K^(delta) agrees with the NTK computed
   * directly in double precision at the rescaled tuple, and its decimals are correctly rounded.
   */
  @Property(tries = 40)
  void ntkAgreesWithDirectDoubleNtk(@ForAll("deep") Case c, @ForAll @IntRange(min = 5, max = 40) int digits) {
    RescaledTuple r = Rescaling.rescale(c.theta, c.delta);
    RescaledNtk k = r.ntk();
    FilterTuple<Double> rescaled = r.filters().map(x -> x.toBigDecimal(25).doubleValue());
    List<List<Double>> direct = MuPlan.compile(c.theta.architecture()).ntk(DoubleRing.INSTANCE, rescaled);
    List<List<String>> decimals = k.ntkDecimal(digits);
    double scale = direct.stream().flatMap(List::stream).mapToDouble(Math::abs).max().orElse(1);
    for (int i = 0; i < k.size(); i++) {
      for (int j = 0; j < k.size(); j++) {
        double exact = k.entry(i, j).toBigDecimal(20).doubleValue();
        assertThat(exact).isCloseTo(direct.get(i).get(j), within(1e-12 * scale));
        BigDecimal d = new BigDecimal(decimals.get(i).get(j));
        assertThat(d.compareTo(k.entry(i, j).toBigDecimal(digits))).isZero();
      }
    }
  }
}
