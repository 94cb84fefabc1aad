package org.lcngeo.symbolic.paper;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.fiber.Fiber;

/**
 * The paper's Table 1 (Sec. 1.2), recomputed: for each class of architectures, is the NTK
 * parameter independent for fixed invariants, at balanced (delta = 0, Delta = 0) and at generic
 * invariants? Every verdict is decided when this runs, from seeded random rational samples: for
 * convolutional classes, the exact fiber of mu over v = mu(theta) at the invariants, all of its
 * points rescaled (Prop. 2 / 12) and their NTKs compared exactly (Thm. 4, Thm. 13, Sec. 2.3); for
 * fully connected networks, exact witnesses of Thm. 14 and Ex. 20. A class is independent when
 * every sample that lies in the smooth locus (the paper's hypothesis) has one NTK; singular
 * samples are kept as evidence but do not vote. By Remark 1, one smooth sample with two NTKs
 * proves "generally not independent".
 */
public final class Table1 {
  /** The rows of Table 1, with the answers the paper gives. */
  public enum ArchitectureClass {
    FULLY_CONNECTED("fully-connected", true, false),
    CONV_1D_STRIDES_GT_1("conv-1d-strides-gt-1", true, true),
    CONV_1D_SOME_STRIDE_1("conv-1d-some-stride-1", false, false),
    CONV_ND("conv-nd", true, true);

    private final String id;
    private final boolean paperBalanced;
    private final boolean paperGeneric;

    ArchitectureClass(String id, boolean paperBalanced, boolean paperGeneric) {
      this.id = id;
      this.paperBalanced = paperBalanced;
      this.paperGeneric = paperGeneric;
    }

    public String id() {
      return id;
    }

    public boolean paperBalanced() {
      return paperBalanced;
    }

    public boolean paperGeneric() {
      return paperGeneric;
    }
  }

  /** One sampled fiber: the tuple it came from, the invariants, and the exact fiber. */
  public record FiberSample(FilterTuple<BigFraction> sample, List<BigFraction> delta, Fiber fiber) {
    /**
     * What this sample decides about the NTK on its fiber, three-valued: {@code TRUE} for a
     * complete fiber over a smooth point whose NTKs are all equal; {@code FALSE} when two listed
     * points over a smooth point have different NTKs (a witness, even if the list is incomplete);
     * {@code null}, undecided, otherwise (an incomplete fiber whose listed NTKs agree, an empty
     * fiber, a singular point, a comparison of NTKs beyond a bound of the exact arithmetic). Only
     * decided samples are evidence.
     */
    public Boolean verdict() {
      if (fiber.points().isEmpty() || fiber.isSingular()) {
        return null;
      }
      return fiber.ntkVerdict().orElse(null);
    }

    /** Whether this sample is evidence: its {@link #verdict()} is decided. */
    public boolean votes() {
      return verdict() != null;
    }
  }

  /** One computed row of the table. */
  public record Row(
      ArchitectureClass architectureClass,
      Boolean balancedIndependent,
      Boolean genericIndependent,
      List<FiberSample> balancedFibers,
      List<FiberSample> genericFibers,
      List<FullyConnectedWitness> balancedWitnesses,
      List<FullyConnectedWitness> genericWitnesses) {
    /**
     * Whether both computed verdicts agree with the paper: false when a decided verdict differs,
     * null when none differs but one is undecided.
     */
    public Boolean agreesWithPaper() {
      if (Boolean.valueOf(!architectureClass.paperBalanced()).equals(balancedIndependent)
          || Boolean.valueOf(!architectureClass.paperGeneric()).equals(genericIndependent)) {
        return false;
      }
      return balancedIndependent == null || genericIndependent == null ? null : Boolean.TRUE;
    }
  }

  private Table1() {}

  /** All four rows, from samples drawn with the given seed. */
  public static List<Row> compute(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Row> rows = new ArrayList<>();
    rows.add(fullyConnected(random.split()));
    rows.add(convolutional(ArchitectureClass.CONV_1D_STRIDES_GT_1, List.of(
        Architecture.oneDimensional(new int[] {3, 2}, new int[] {2, 1}),
        Architecture.oneDimensional(new int[] {2, 3, 2}, new int[] {2, 2, 1}),
        Architecture.oneDimensional(new int[] {4, 3}, new int[] {3, 1})), false, random.split()));
    rows.add(convolutional(ArchitectureClass.CONV_1D_SOME_STRIDE_1, List.of(
        Architecture.oneDimensional(new int[] {3, 2}, new int[] {1, 1}),
        Architecture.oneDimensional(new int[] {3, 2, 2}, new int[] {1, 2, 1})), true, random.split()));
    rows.add(convolutional(ArchitectureClass.CONV_ND, List.of(
        Architecture.of(new int[][] {{2, 2}, {2, 2}}, new int[][] {{1, 1}, {1, 1}}),
        Architecture.of(new int[][] {{3, 3}, {2, 2}}, new int[][] {{2, 2}, {1, 1}}),
        Architecture.of(new int[][] {{2, 3}, {3, 2}, {2, 2}}, new int[][] {{1, 2}, {2, 1}, {1, 1}})),
        false, random.split()));
    return rows;
  }

  private static Row fullyConnected(SplittableRandom random) {
    List<FullyConnectedWitness> balanced = List.of(
        FullyConnectedWitness.balanced(2, 2, random),
        FullyConnectedWitness.balanced(3, 2, random),
        FullyConnectedWitness.balanced(2, 3, random));
    List<FullyConnectedWitness> generic = List.of(
        FullyConnectedWitness.example20(),
        FullyConnectedWitness.randomUnbalanced(3, random));
    return new Row(ArchitectureClass.FULLY_CONNECTED,
        balanced.stream().allMatch(FullyConnectedWitness::ntkEqual),
        generic.stream().allMatch(FullyConnectedWitness::ntkEqual),
        List.of(), List.of(), balanced, generic);
  }

  /**
   * Samples two tuples per architecture. With {@code realRooted}, each layer of a 1-D network is
   * drawn as a product of real linear factors in x^{t_l}, y^{t_l} with random rational roots: an
   * open set of tuples (positive measure), on which stride-1 layers can exchange factors.
   */
  private static Row convolutional(
      ArchitectureClass cls, List<Architecture> architectures, boolean realRooted,
      SplittableRandom random) {
    List<FiberSample> balanced = new ArrayList<>();
    List<FiberSample> generic = new ArrayList<>();
    for (Architecture a : architectures) {
      MuPlan plan = MuPlan.compile(a);
      for (int s = 0; s < 2; s++) {
        org.lcngeo.core.Deadline.checkCurrent();
        FilterTuple<BigFraction> theta = realRooted ? realRootedTuple(a, random) : integerTuple(a, random);
        List<BigFraction> v = plan.mu(RationalRing.INSTANCE, theta);
        List<BigFraction> zero = new ArrayList<>();
        List<BigFraction> delta = new ArrayList<>();
        for (int l = 0; l + 1 < a.depth(); l++) {
          zero.add(BigFraction.ZERO);
          delta.add(new BigFraction(random.nextInt(-9, 10), random.nextInt(1, 5)));
        }
        balanced.add(new FiberSample(theta, zero, Fiber.compute(a, v, zero)));
        generic.add(new FiberSample(theta, delta, Fiber.compute(a, v, delta)));
      }
    }
    return new Row(cls, independent(balanced), independent(generic), balanced, generic,
        List.of(), List.of());
  }

  /**
   * The row's verdict from its samples' decided verdicts: false when one sample's NTKs differ, true
   * when at least one sample decides and all that decide agree, null (undecided) when none
   * decides. Undecided samples never count.
   */
  private static Boolean independent(List<FiberSample> samples) {
    List<Boolean> decided =
        samples.stream().map(FiberSample::verdict).filter(v -> v != null).toList();
    if (decided.contains(Boolean.FALSE)) {
      return false;
    }
    return decided.isEmpty() ? null : Boolean.TRUE;
  }

  /** A tuple of random non-zero integers in [-7, 7] (the samples of the classes drawn at integers). */
  public static FilterTuple<BigFraction> integerTuple(Architecture a, SplittableRandom random) {
    List<List<BigFraction>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      List<BigFraction> w = new ArrayList<>();
      for (int j = 0; j < a.layerParameters(l); j++) {
        int x = random.nextInt(-7, 8);
        w.add(new BigFraction(x == 0 ? 1 : x));
      }
      layers.add(w);
    }
    return FilterTuple.of(a, layers);
  }

  /**
   * 1-D only (also used by lcn atlas): layer l = c * prod_i (x^t - r_i y^t), distinct random rational r_i; negative r_i
   * when t > 1, so that x^t - r_i y^t has no further real linear factors.
   */
  public static FilterTuple<BigFraction> realRootedTuple(Architecture a, SplittableRandom random) {
    List<BigFraction> used = new ArrayList<>();
    List<List<BigFraction>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      List<BigFraction> w = new ArrayList<>(List.of(new BigFraction(random.nextInt(1, 4))));
      for (int i = 0; i + 1 < a.size(l)[0]; i++) {
        BigFraction r;
        do {
          r = new BigFraction(random.nextInt(-6, 7), random.nextInt(1, 4));
        } while (used.contains(r) || r.getNumerator().signum() == 0
            || (a.dilation(l)[0] > 1 && r.getNumerator().signum() > 0));
        used.add(r);
        List<BigFraction> next = new ArrayList<>();
        for (int j = 0; j <= w.size(); j++) {
          BigFraction c = j < w.size() ? w.get(j) : BigFraction.ZERO;
          BigFraction prev = j > 0 ? w.get(j - 1).multiply(r) : BigFraction.ZERO;
          next.add(c.subtract(prev));
        }
        w = next;
      }
      layers.add(w);
    }
    return FilterTuple.of(a, layers);
  }
}
