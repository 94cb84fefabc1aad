package org.lcngeo.symbolic.paper;

import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.fiber.LayerFactorization;

/**
 * One worked example of the paper, recomputed: its id, whether every computed statement holds, a
 * one-paragraph account, the computed objects (a record per example of typed values: exact
 * rationals, expression trees ({@link Expr}), layer factorizations, numbers, booleans and lists;
 * matrices as lists of rows; component names are the names front ends show; each front end prints
 * the values in its own format), and the matrices to display ({@code matrices}: keyed by their
 * LaTeX name, in order).
 */
public record PaperExample(int id, String title, boolean ok, String account, Objects objects,
    Map<String, List<List<Expr>>> matrices) {

  /** The computed objects of one example. */
  public sealed interface Objects permits Example15, FiberObjects, Example17, Example19, Example20 {}

  /**
   * Ex. 15: mu, the neuromanifold's equation and inequality (checked on samples, and a point of
   * the cubic that violates it has an empty fiber), K_1 and K_2, the inverse map, lambda^2 and
   * K^(delta)(v), with the rational point where the closed form was checked.
   */
  public record Example15(
      String architecture,
      List<Expr> mu,
      List<Expr> equations,
      NonNegative inequality,
      boolean inequalityHoldsOnSamples,
      List<BigFraction> pointViolatingInequality,
      boolean itsFiberIsEmpty,
      List<List<Expr>> K1,
      List<List<Expr>> K2,
      List<List<Expr>> inverse,
      Expr lambdaSquared,
      List<List<Expr>> ntkOfV,
      List<BigFraction> closedFormCheckedAt) implements Objects {}

  /** The inequality {@code expr >= 0}. */
  public record NonNegative(Expr expr) {}

  /** A fiber (Ex. 16): its target and invariants, its points and their NTKs, the verdicts. */
  public record FiberObjects(
      String architecture,
      List<BigFraction> target,
      List<BigFraction> delta,
      int count,
      List<FiberPoint> points,
      Boolean ntkEqual,
      Boolean isSingular) implements Objects {}

  /** One fiber point: rescaled filters, the factorization of each layer, the NTK and its rank. */
  public record FiberPoint(
      List<List<Expr>> filters, List<LayerFactorization> layers, List<List<Expr>> ntk, int rank) {}

  /** Ex. 17: the (2,1) entry of K^(delta)(v) over several delta, exact and as decimals. */
  public record Example17(
      List<List<BigFraction>> filters,
      List<BigFraction> v,
      List<BigFraction> delta,
      List<Expr> entry21,
      List<String> entry21Decimal,
      boolean strictlyDecreasing) implements Objects {}

  /** Ex. 19: the fiber, and whether its NTKs are the paper's matrices. */
  public record Example19(FiberObjects fiber, boolean paperNtksMatch) implements Objects {}

  /** Ex. 20: the two fully connected tuples V and U, their product, Delta_1 and NTKs. */
  public record Example20(
      List<List<List<BigFraction>>> V,
      List<List<List<BigFraction>>> U,
      List<List<BigFraction>> product,
      List<List<BigFraction>> Delta1,
      List<List<BigFraction>> ntkV,
      List<List<BigFraction>> ntkU,
      boolean productsEqual,
      boolean deltasEqual,
      boolean ntkEqual) implements Objects {}

  /** Lemma 5 and Cor. 6 checked at one point of Theta_delta. */
  public record Lemma5Check(
      String architecture,
      List<List<BigFraction>> filters,
      int tangentDimension,
      int jacobianRank,
      int restrictedRank,
      boolean lemma5Bijective,
      boolean corollary6PushforwardIsKInverse) {}
}
