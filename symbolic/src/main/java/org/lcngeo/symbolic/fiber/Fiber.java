package org.lcngeo.symbolic.fiber;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.ntk.ScaledIntegerMatrix;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.rescale.AlgebraicRescaledTuple;
import org.lcngeo.symbolic.rescale.AlgebraicRescaling;
import org.lcngeo.symbolic.rescale.RescaledFilters;
import org.lcngeo.symbolic.rescale.RescaledNtk;
import org.lcngeo.symbolic.rescale.RescaledTuple;
import org.lcngeo.symbolic.rescale.Rescaling;

/**
 * The fiber of mu over an end-to-end filter v restricted to invariants delta: one filter tuple per
 * sign class (Prop. 2 / 12 fix the scalars up to signs), with its exact NTK K^(delta) and the rank
 * of d mu, and the exact decision whether all NTKs agree (Thm. 4 and 13 say they do at smooth
 * points; Examples 16 and 19 show that they need not elsewhere).
 *
 * <p>The projective fiber comes from {@link FiberEnumeration}; every point's rational
 * representative is rescaled exactly ({@link Rescaling}) and its NTK is K^(delta) = sum_l
 * (||w_l||^2 / beta_l) K_l(w) with the exact layer kernels K_l of the compiled plan of mu (the fast
 * integer path {@link ExactNtk}). A point with irrational entries (1-D, Q-factors split over R)
 * has its representative over a real number field K; it is rescaled with {@link
 * AlgebraicRescaling} (beta_1 and the NTK in L = K(beta_1), of degree at most {@value
 * #MAX_NTK_FIELD_DEGREE}, beyond which the point is left out and the fiber marked incomplete), its
 * layer kernels and Jacobian come from the plan of mu run over K. NTKs of different points can
 * live in different number fields; {@link RescaledNtk#exactlyEquals} decides equality exactly
 * across fields, and the tangent images are compared by their canonical forms ({@link
 * ColumnSpace}), also across fields.
 */
public final class Fiber {
  /** Bound on the degree of the field Q(gamma, beta_1) of an irrational point's NTK. */
  static final int MAX_NTK_FIELD_DEGREE = 64;

  /**
   * One point of the fiber.
   *
   * @param filters the representative before rescaling (layers 1..H-1 with first non-zero entry
   *     positive), entries in one real number field: Q for rational points
   * @param layerFactorizations each layer's polynomial in factored form ({@link FactorSyntax} writes it)
   * @param rescaled the representative rescaled to delta
   * @param ntk K^(delta) there
   * @param rank the rank of d mu there
   */
  public record Point(
      FilterTuple<FieldElement> filters,
      List<LayerFactorization> layerFactorizations,
      RescaledFilters rescaled,
      RescaledNtk ntk,
      int rank) {
    /** Whether every entry of the representative is rational. */
    public boolean isRational() {
      return filters.flat().stream().allMatch(FieldElement::isRational);
    }

    /**
     * The rational representative: layers 1..H-1 primitive integer vectors with first non-zero
     * entry positive, the last absorbing the scalar.
     *
     * @throws ArithmeticException for a point with irrational entries
     */
    public FilterTuple<BigFraction> representative() {
      return filters.map(FieldElement::toRational);
    }
  }

  private final FiberEnumeration enumeration;
  private final List<BigFraction> delta;
  private final List<Point> points;
  private final int genericRank;
  private final boolean ntkEqual;
  private final boolean tangentSpacesEqual;
  private final String unlisted;
  private final String ntkUndecided;

  /**
   * The comparison of the listed points' K^(delta): false when some point differs from the first,
   * true when all equal it, null (undecided, with why) when no point differs but some comparison
   * exceeded a bound of the exact arithmetic (a factoring's recombination or a field's degree).
   */
  record NtkComparison(Boolean equal, String undecided) {
    static NtkComparison of(int points, java.util.function.IntPredicate sameAsFirst) {
      String why = null;
      for (int i = 1; i < points; i++) {
        try {
          if (!sameAsFirst.test(i)) {
            return new NtkComparison(false, null);
          }
        } catch (FieldExtensions.DegreeBoundExceeded e) {
          if (why == null) {
            why = "the NTKs of points 1 and " + (i + 1) + " were not compared: " + e.getMessage();
          }
        }
      }
      return new NtkComparison(why == null ? Boolean.TRUE : null, why);
    }
  }

  private Fiber(FiberEnumeration enumeration, List<BigFraction> delta) {
    this.enumeration = enumeration;
    this.delta = List.copyOf(delta);
    Architecture a = enumeration.architecture();
    MuPlan plan = MuPlan.compile(a);
    this.genericRank = Neuromanifold.dimension(a);
    List<Point> out = new ArrayList<>();
    List<ColumnSpace> spaces = new ArrayList<>();
    NumberField q = FieldExtensions.rationals();
    for (FiberEnumeration.RationalPoint p : enumeration.points()) {
      FilterTuple<BigFraction> theta = p.filters();
      RescaledTuple rescaled = Rescaling.rescale(theta, delta);
      ExactNtk exact = ExactNtk.of(plan, theta);
      List<List<List<BigFraction>>> kernels =
          exact.layerKernels().stream().map(ScaledIntegerMatrix::toFractions).toList();
      ColumnSpace space = ColumnSpace.of(exact.jacobian());
      spaces.add(space);
      out.add(new Point(theta.map(q::element), p.layerFactorizations(), rescaled,
          rescaled.ntk(kernels), space.rank()));
    }
    String why = null;
    for (FiberEnumeration.AlgebraicPoint p : enumeration.algebraicPoints()) {
      FilterTuple<FieldElement> theta = p.filters();
      NumberField k = p.field();
      AlgebraicRescaledTuple rescaled;
      try {
        rescaled = AlgebraicRescaling.rescale(theta, k, delta, MAX_NTK_FIELD_DEGREE);
      } catch (FieldExtensions.DegreeBoundExceeded e) {
        why = "the NTK of a point with irrational entries needs a field beyond the bound ("
            + e.getMessage() + "), such points are not listed";
        continue;
      }
      List<List<List<FieldElement>>> kernels = new ArrayList<>();
      for (int l = 0; l < a.depth(); l++) {
        kernels.add(plan.ntkLayer(k, theta, l));
      }
      ColumnSpace space = ColumnSpace.over(plan.jacobian(k, theta));
      spaces.add(space);
      out.add(new Point(theta, p.layerFactorizations(), rescaled, rescaled.ntk(kernels),
          space.rank()));
    }
    this.unlisted = why;
    this.points = List.copyOf(out);
    NtkComparison c = NtkComparison.of(points.size(),
        i -> points.get(0).ntk().exactlyEquals(points.get(i).ntk()));
    this.ntkEqual = c.equal() == null || c.equal();
    this.ntkUndecided = c.undecided();
    boolean same = true;
    for (int i = 1; i < spaces.size() && same; i++) {
      same = spaces.get(0).sameAs(spaces.get(i));
    }
    this.tangentSpacesEqual = same;
  }

  /**
   * The fiber of v under mu with invariants delta.
   *
   * @param delta H - 1 invariants
   * @throws InvalidInputException for a target of the wrong size, the zero target, the wrong
   *     number of invariants, or a factoring beyond the size bounds
   */
  public static Fiber compute(Architecture a, List<BigFraction> v, List<BigFraction> delta) {
    if (delta.size() != a.depth() - 1) {
      throw new InvalidInputException(
          "got " + delta.size() + " invariants for " + a.depth() + " layers, which have "
              + (a.depth() - 1));
    }
    return new Fiber(FiberEnumeration.of(a, v), delta);
  }

  public Architecture architecture() {
    return enumeration.architecture();
  }

  public List<BigFraction> target() {
    return enumeration.target();
  }

  public List<BigFraction> delta() {
    return delta;
  }

  /** The enumeration: factors of pi_1(v) over Q with their certificates, completeness. */
  public FiberEnumeration enumeration() {
    return enumeration;
  }

  public List<Point> points() {
    return points;
  }

  /** Whether {@link #points()} is the whole real fiber. */
  public boolean complete() {
    return enumeration.complete() && unlisted == null;
  }

  /**
   * Why the fiber may be incomplete, or, for a target outside the neuromanifold, the certificate
   * ({@link FiberEnumeration#outside()}).
   */
  public Optional<String> reason() {
    if (enumeration.outside().isPresent()) {
      return enumeration.outside();
    }
    Optional<String> why = enumeration.reason()
        .map(r -> enumeration.existence().map(e -> r + "; " + e).orElse(r));
    if (unlisted == null) {
      return why;
    }
    return Optional.of(why.map(r -> r + "; ").orElse("") + unlisted);
  }

  /** Why {@link #ntkVerdict()} is undecided on a fiber whose listing is complete, if it is. */
  public Optional<String> ntkReason() {
    return Optional.ofNullable(ntkUndecided);
  }

  /** The dimension of the neuromanifold: the generic rank of d mu. */
  public int genericRank() {
    return genericRank;
  }

  /**
   * Whether no two listed points were found to have different K^(delta) (true for fewer than two):
   * every listed point has exactly the same K^(delta), unless a comparison was undecided ({@link
   * #ntkReason()} says which). This is about the listed points only; {@link #ntkVerdict()} is the
   * decision for the whole fiber.
   */
  public boolean ntkEqual() {
    return ntkEqual;
  }

  /**
   * Whether every point of the fiber has exactly the same K^(delta): false when two listed points
   * differ, true when the fiber is complete and non-empty and all its points agree, empty
   * (undecided) otherwise: an incomplete fiber whose listed NTKs agree, an empty fiber, or a
   * comparison beyond a bound of the exact arithmetic.
   */
  public Optional<Boolean> ntkVerdict() {
    if (!ntkEqual) {
      return Optional.of(false);
    }
    return complete() && !points.isEmpty() && ntkUndecided == null
        ? Optional.of(true) : Optional.empty();
  }

  /**
   * Whether v lies in the neuromanifold, the image of mu over R: true when some point was found
   * (every point maps to v exactly, also those left unlisted for the NTK field bound) or shown to
   * exist ({@link FiberEnumeration#existence()}, in {@link #reason()}), false when the enumeration
   * over R is complete and found none ({@link #reason()} then gives the certificate), empty
   * (undecided) when the enumeration is incomplete and found none.
   */
  public Optional<Boolean> inManifold() {
    if (!enumeration.points().isEmpty() || !enumeration.algebraicPoints().isEmpty()
        || enumeration.existence().isPresent()) {
      return Optional.of(true);
    }
    return enumeration.complete() ? Optional.of(false) : Optional.empty();
  }

  /**
   * Whether v is a singular point of the neuromanifold (the criterion of {@link #isSingular()}):
   * true when a listed point shows it, false when the fiber is complete and non-empty and none
   * does, empty (undecided) otherwise.
   */
  public Optional<Boolean> singularVerdict() {
    if (isSingular()) {
      return Optional.of(true);
    }
    return complete() && !points.isEmpty() ? Optional.of(false) : Optional.empty();
  }

  /**
   * Whether the tangent images of d mu agree at every point: false when two listed points differ,
   * true when the fiber is complete and non-empty and they all agree, empty otherwise.
   */
  public Optional<Boolean> tangentSpacesVerdict() {
    if (!tangentSpacesEqual) {
      return Optional.of(false);
    }
    return complete() && !points.isEmpty() ? Optional.of(true) : Optional.empty();
  }

  /** Whether the column spaces of d mu agree at every listed point. */
  public boolean tangentSpacesEqual() {
    return tangentSpacesEqual;
  }

  /**
   * The operational criterion of the golden cases (shared/examples/README.md): v is singular when
   * some point has rank below the generic rank, or the points' tangent images differ (two branches
   * of the neuromanifold cross at v, Example 16). False for an empty fiber.
   */
  public boolean isSingular() {
    return points.stream().anyMatch(p -> p.rank() < genericRank) || !tangentSpacesEqual;
  }
}
