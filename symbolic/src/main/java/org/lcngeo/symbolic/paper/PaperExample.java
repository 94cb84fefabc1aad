package org.lcngeo.symbolic.paper;

import java.util.List;
import java.util.Map;
import org.lcngeo.symbolic.expr.Expr;

/**
 * One worked example of the paper, recomputed: its id, whether every computed statement holds, a
 * one-paragraph account, the computed objects (a record per example, of strings, numbers, booleans
 * and lists; matrices as lists of rows of Symja-syntax strings; component names are the names
 * front ends show), and the same matrices as expression trees for other formats ({@code matrices}:
 * keyed by their LaTeX name, in order).
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
      List<String> mu,
      List<String> equations,
      String inequality,
      boolean inequalityHoldsOnSamples,
      List<String> pointViolatingInequality,
      boolean itsFiberIsEmpty,
      List<List<String>> K1,
      List<List<String>> K2,
      List<List<String>> inverse,
      String lambdaSquared,
      List<List<String>> ntkOfV,
      List<String> closedFormCheckedAt) implements Objects {}

  /** A fiber (Ex. 16): its target and invariants, its points and their NTKs, the verdicts. */
  public record FiberObjects(
      String architecture,
      List<String> target,
      List<String> delta,
      int count,
      List<FiberPoint> points,
      Boolean ntkEqual,
      Boolean isSingular) implements Objects {}

  /** One fiber point: rescaled filters, the factorization of each layer, the NTK and its rank. */
  public record FiberPoint(
      List<List<String>> filters, List<String> layers, List<List<String>> ntk, int rank) {}

  /** Ex. 17: the (2,1) entry of K^(delta)(v) over several delta, exact and as decimals. */
  public record Example17(
      List<List<String>> filters,
      List<String> v,
      List<String> delta,
      List<String> entry21,
      List<String> entry21Decimal,
      boolean strictlyDecreasing) implements Objects {}

  /** Ex. 19: the fiber, and whether its NTKs are the paper's matrices. */
  public record Example19(FiberObjects fiber, boolean paperNtksMatch) implements Objects {}

  /** Ex. 20: the two fully connected tuples V and U, their product, Delta_1 and NTKs. */
  public record Example20(
      List<List<List<String>>> V,
      List<List<List<String>>> U,
      List<List<String>> product,
      List<List<String>> Delta1,
      List<List<String>> ntkV,
      List<List<String>> ntkU,
      boolean productsEqual,
      boolean deltasEqual,
      boolean ntkEqual) implements Objects {}

  /** Lemma 5 and Cor. 6 checked at one point of Theta_delta. */
  public record Lemma5Check(
      String architecture,
      List<List<String>> filters,
      int tangentDimension,
      int jacobianRank,
      int restrictedRank,
      boolean lemma5Bijective,
      boolean corollary6PushforwardIsKInverse) {}
}
