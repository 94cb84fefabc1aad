package org.lcngeo.symbolic.ntk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.Neuromanifold;

/** The exact executor against the generic plan, and the identities of Observation 3. */
class ExactNtkTest {
  private static final RationalRing Q = RationalRing.INSTANCE;

  /** 1-D (H 1..4) and 2-D (H 1..3) architectures, sizes and strides 1..3 per axis. */
  static Arbitrary<Architecture> architectures() {
    return Arbitraries.integers().between(1, 2).flatMap(dims -> {
      Arbitrary<int[]> axis = Arbitraries.integers().between(1, 3).array(int[].class).ofSize(dims);
      return Combinators.combine(axis, axis).as((k, st) -> new int[][] {k, st})
          .list().ofMinSize(1).ofMaxSize(dims == 1 ? 4 : 3)
          .map(layers -> Architecture.of(
              layers.stream().map(l -> l[0]).toArray(int[][]::new),
              layers.stream().map(l -> l[1]).toArray(int[][]::new)));
    });
  }

  /** Tuples with entries p/q, |p| <= bound, q in 1..maxDen; zeros allowed when zeros is true. */
  static Arbitrary<FilterTuple<BigFraction>> tuples(long bound, int maxDen, boolean zeros) {
    Arbitrary<Long> numerators = Arbitraries.longs().between(-bound, bound);
    if (!zeros) {
      numerators = numerators.filter(p -> p != 0);
    }
    Arbitrary<BigFraction> entries = Combinators.combine(numerators,
        Arbitraries.integers().between(1, maxDen))
        .as((p, q) -> new BigFraction(BigInteger.valueOf(p), BigInteger.valueOf(q)));
    return architectures().flatMap(a -> entries.list().ofSize(a.parameterCount())
        .map(flat -> FilterTuple.fromFlat(a, flat)));
  }

  @Provide
  Arbitrary<FilterTuple<BigFraction>> small() {
    return tuples(6, 4, true);
  }

  @Provide
  Arbitrary<FilterTuple<BigFraction>> smallDen3() {
    return tuples(6, 3, true);
  }

  /** Numerators of modulus 2^39..2^40, denominators 1..1000. */
  @Provide
  Arbitrary<FilterTuple<BigFraction>> huge() {
    Arbitrary<BigFraction> entries = Combinators.combine(
            Arbitraries.longs().between(1L << 39, 1L << 40), Arbitraries.of(1L, -1L),
            Arbitraries.integers().between(1, 1000))
        .as((p, sign, q) -> new BigFraction(BigInteger.valueOf(sign * p), BigInteger.valueOf(q)));
    return architectures().flatMap(a -> entries.list().ofSize(a.parameterCount())
        .map(flat -> FilterTuple.fromFlat(a, flat)));
  }

  /** Entries from a set of size ~2^41, without edge cases: generic points. */
  @Provide
  Arbitrary<FilterTuple<BigFraction>> generic() {
    return tuples(1L << 40, 97, false).withoutEdgeCases();
  }

  @Provide
  Arbitrary<FilterTuple<BigFraction>> degenerate() {
    return tuples(1, 1, true);
  }

  @Property(tries = 60)
  void agreesWithTheGenericPlan(@ForAll("small") FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    MuPlan plan = MuPlan.compile(a);
    ExactNtk e = ExactNtk.of(plan, theta);
    assertThat(e.endToEnd()).isEqualTo(plan.mu(Q, theta));
    assertThat(e.jacobian()).isEqualTo(plan.jacobian(Q, theta));
    assertThat(e.ntk().toFractions()).isEqualTo(plan.ntk(Q, theta));
    for (int l = 0; l < a.depth(); l++) {
      assertThat(e.layerKernel(l).toFractions()).isEqualTo(plan.ntkLayer(Q, theta, l));
    }
    assertThat(e.invariants()).isEqualTo(theta.invariants(Q));
    List<List<BigFraction>> j = e.jacobian();
    for (int l = 0; l < a.depth(); l++) {
      List<List<BigFraction>> block = e.jacobianBlock(l).toFractions();
      int start = a.parameterStart(l);
      for (int i = 0; i < j.size(); i++) {
        assertThat(block.get(i)).isEqualTo(j.get(i).subList(start, a.parameterStart(l + 1)));
      }
      assertThat(e.layerKernel(l).toFractions()).isEqualTo(gram(block));
    }
  }

  /** B B^T by definition. */
  static List<List<BigFraction>> gram(List<List<BigFraction>> b) {
    List<List<BigFraction>> out = zeros(b.size());
    for (int i = 0; i < b.size(); i++) {
      for (int k = 0; k < b.size(); k++) {
        BigFraction s = BigFraction.ZERO;
        for (int c = 0; c < b.get(i).size(); c++) {
          s = s.add(b.get(i).get(c).multiply(b.get(k).get(c)));
        }
        out.get(i).set(k, s);
      }
    }
    return out;
  }

  @Property(tries = 15)
  void bigIntegerPathAgreesWithTheGenericPlan(@ForAll("huge") FilterTuple<BigFraction> theta) {
    Architecture a = theta.architecture();
    ExactNtk e = ExactNtk.of(theta);
    List<List<BigFraction>> expected = MuPlan.compile(a).ntk(Q, theta);
    if (a.depth() > 1) { // then ||P_{-l}||^2 >= 2^78: the bound must send K to BigInteger
      assertThat(e.ntk().hasLongNumerators()).isFalse();
    }
    assertThat(e.ntk().toFractions()).isEqualTo(expected);
  }

  @Property(tries = 40)
  void ntkIsSymmetricPsdAndTheSumOfTheLayerKernels(
      @ForAll("smallDen3") FilterTuple<BigFraction> theta) {
    ExactNtk e = ExactNtk.of(theta);
    List<List<BigFraction>> k = e.ntk().toFractions();
    List<List<BigFraction>> sum = zeros(k.size());
    for (ScaledIntegerMatrix kl : e.layerKernels()) {
      List<List<BigFraction>> m = kl.toFractions();
      assertThat(isPositiveSemidefinite(m)).isTrue();
      for (int i = 0; i < k.size(); i++) {
        for (int j = 0; j < k.size(); j++) {
          sum.get(i).set(j, sum.get(i).get(j).add(m.get(i).get(j)));
        }
      }
    }
    assertThat(k).isEqualTo(sum);
    for (int i = 0; i < k.size(); i++) {
      for (int j = 0; j < k.size(); j++) {
        assertThat(k.get(i).get(j)).isEqualTo(k.get(j).get(i));
      }
    }
    assertThat(isPositiveSemidefinite(k)).isTrue();
  }

  @Property(tries = 30)
  void ntkIsUnchangedWhenWholeLayersFlipSign(
      @ForAll("smallDen3") FilterTuple<BigFraction> theta, @ForAll List<Boolean> flips) {
    Architecture a = theta.architecture();
    List<List<BigFraction>> flipped = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      boolean flip = l < flips.size() && flips.get(l);
      flipped.add(theta.layer(l).stream().map(x -> flip ? x.negate() : x).toList());
    }
    assertThat(ExactNtk.of(FilterTuple.of(a, flipped)).ntk()).isEqualTo(ExactNtk.of(theta).ntk());
  }

  @Property(tries = 30)
  void rankAtARandomPointIsTheCertifiedDimension(
      @ForAll("generic") FilterTuple<BigFraction> theta) {
    // entries from a set of size ~2^41: a degenerate point has probability below 2^-30
    ExactNtk e = ExactNtk.of(theta);
    Neuromanifold.Result dim = Neuromanifold.compute(e.plan());
    assertThat(dim.certain()).isTrue();
    assertThat(e.rank()).isEqualTo(dim.dimension());
    assertThat(ExactRank.bareiss(e.scaledJacobian().numerators())).isEqualTo(e.rank());
  }

  @Property(tries = 40)
  void rankAtDegeneratePointsMatchesFractionFreeElimination(
      @ForAll("degenerate") FilterTuple<BigFraction> theta) {
    // few distinct small values and many zeros: ranks below the generic one are common
    ExactNtk e = ExactNtk.of(theta);
    assertThat(e.rank()).isEqualTo(ExactRank.bareiss(e.scaledJacobian().numerators()));
    assertThat(e.rank()).isLessThanOrEqualTo(Neuromanifold.compute(e.plan()).dimension());
  }

  /** Factors X (rows x inner) and Y (inner x cols) with entries below 2^33. */
  record Factors(long[][] x, long[][] y) {}

  @Provide
  Arbitrary<Factors> lowRankFactors() {
    // uniform and non-zero: jqwik's default distribution favours small values and 0, and a zero
    // row or column makes the product's rank non-generic (seen: a 1x1 product 0, rank 0)
    Arbitrary<Long> entry = Arbitraries.longs().between(-(1L << 33), (1L << 33) - 1)
        .withDistribution(net.jqwik.api.RandomDistribution.uniform()).filter(x -> x != 0);
    return Combinators.combine(Arbitraries.integers().between(1, 8),
            Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 5))
        .flatAs((rows, cols, inner) -> Combinators.combine(
            entry.array(long[].class).ofSize(inner).array(long[][].class).ofSize(rows),
            entry.array(long[].class).ofSize(cols).array(long[][].class).ofSize(inner))
            .as(Factors::new))
        .withoutEdgeCases();
  }

  @Property(tries = 40)
  void exactRankOfLowRankProducts(@ForAll("lowRankFactors") Factors f) {
    long[][] x = f.x();
    long[][] y = f.y();
    int rows = x.length;
    int inner = y.length;
    int cols = y[0].length;
    BigInteger[][] m = new BigInteger[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        BigInteger s = BigInteger.ZERO;
        for (int k = 0; k < inner; k++) {
          s = s.add(BigInteger.valueOf(x[i][k]).multiply(BigInteger.valueOf(y[k][j])));
        }
        m[i][j] = s;
      }
    }
    int expected = Math.min(inner, Math.min(rows, cols)); // generic, probability ~1
    assertThat(ExactRank.bareiss(m)).isEqualTo(expected);
    assertThat(ExactRank.of(m, expected)).isEqualTo(expected);
    assertThat(ExactRank.of(m, -1)).isEqualTo(expected);
    // a multiple of p in every entry: the modular bound says 0, the exact rank is kept
    BigInteger p = BigInteger.valueOf(org.lcngeo.core.algebra.PrimeField.M31.p());
    BigInteger[][] mp = new BigInteger[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        mp[i][j] = m[i][j].multiply(p);
      }
    }
    assertThat(ExactRank.of(mp, expected)).isEqualTo(expected);
  }

  static List<List<BigFraction>> zeros(int n) {
    List<List<BigFraction>> m = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      m.add(new ArrayList<>(java.util.Collections.nCopies(n, BigFraction.ZERO)));
    }
    return m;
  }

  /**
   * Exact PSD test of a symmetric rational matrix by symmetric elimination (LDL^T): a negative
   * pivot, or a zero pivot with a non-zero rest of its row, proves it is not PSD.
   */
  static boolean isPositiveSemidefinite(List<List<BigFraction>> k) {
    int n = k.size();
    BigFraction[][] a = new BigFraction[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = k.get(i).get(j);
      }
    }
    for (int i = 0; i < n; i++) {
      int sign = a[i][i].getNumerator().signum();
      if (sign < 0) {
        return false;
      }
      if (sign == 0) {
        for (int j = i + 1; j < n; j++) {
          if (a[i][j].getNumerator().signum() != 0) {
            return false;
          }
        }
        continue;
      }
      for (int j = i + 1; j < n; j++) {
        if (a[j][i].getNumerator().signum() == 0) {
          continue;
        }
        BigFraction f = a[j][i].divide(a[i][i]);
        for (int c = i; c < n; c++) {
          a[j][c] = a[j][c].subtract(f.multiply(a[i][c]));
        }
      }
    }
    return true;
  }
}
