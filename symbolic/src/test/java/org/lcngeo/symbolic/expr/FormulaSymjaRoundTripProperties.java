package org.lcngeo.symbolic.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.formula.Elimination;
import org.lcngeo.symbolic.formula.Invariants;
import org.lcngeo.symbolic.formula.InverseMap;
import org.lcngeo.symbolic.formula.JasExprs;
import org.lcngeo.symbolic.formula.NtkFormula;
import org.lcngeo.symbolic.formula.NtkOfVFormula;

/**
 * The Symja strings of {@code lcn formula} (mu, the NTK, its blocks, the inverse map, lambda^2 and
 * K^(delta)(v)) read back by Symja itself and evaluated exactly at random rational points of random
 * architectures equal the exact values, with the symbols named as we print them.
 */
class FormulaSymjaRoundTripProperties {
  private static final RationalRing Q = RationalRing.INSTANCE;

  record Case(FilterTuple<BigFraction> theta) {
    @Override
    public String toString() {
      return theta.architecture().summary() + " theta=" + theta;
    }
  }

  private static Arbitrary<BigFraction> rationals() {
    return Combinators.combine(
            Arbitraries.integers().between(-9, 9).filter(p -> p != 0), Arbitraries.integers().between(1, 4))
        .as(BigFraction::new);
  }

  private static Arbitrary<Case> cases(Arbitrary<Architecture> architectures) {
    return architectures.flatMap(a -> rationals().list().ofSize(a.parameterCount())
        .map(flat -> new Case(FilterTuple.fromFlat(a, flat))));
  }

  /** 1-D and 2-D networks with 2 or 3 layers, filter sizes 1..3 (2-D: 1..2 per axis). */
  @Provide
  Arbitrary<Case> anyArchitecture() {
    Arbitrary<Architecture> a = Arbitraries.integers().between(2, 3).flatMap(h ->
        Arbitraries.of(1, 1, 2).flatMap(dims -> {
          Arbitrary<int[]> size = Arbitraries.integers().between(1, dims == 1 ? 3 : 2).array(int[].class).ofSize(dims);
          Arbitrary<int[]> stride = Arbitraries.integers().between(1, 2).array(int[].class).ofSize(dims);
          return Combinators.combine(size.list().ofSize(h), stride.list().ofSize(h))
              .as((k, s) -> Architecture.of(k.toArray(new int[0][]), s.toArray(new int[0][])));
        }));
    return cases(a);
  }

  /** 1-D networks where mu is generically one-to-one up to scaling: inner strides > 1 (Thm. 4). */
  @Provide
  Arbitrary<Case> invertible() {
    Arbitrary<Architecture> a = Arbitraries.integers().between(2, 3).flatMap(h ->
        Combinators.combine(
                Arbitraries.integers().between(2, 3).list().ofSize(h),
                Arbitraries.integers().between(2, 3).list().ofSize(h))
            .as((k, s) -> {
              int[] sizes = k.stream().mapToInt(Integer::intValue).toArray();
              int[] strides = s.stream().mapToInt(Integer::intValue).toArray();
              strides[h - 1] = 1;
              return Architecture.oneDimensional(sizes, strides);
            }));
    return cases(a);
  }

  private static void assignFilters(NtkFormula f, FilterTuple<BigFraction> theta) {
    List<String> names = f.parameters();
    SymjaEvaluation.clear(String.join(",", names));
    for (int i = 0; i < names.size(); i++) {
      SymjaEvaluation.assign(names.get(i), theta.flat().get(i));
    }
  }

  private static void assertMatrix(List<List<Expr>> printed, List<List<BigFraction>> exact) {
    List<List<String>> s = Printer.SYMJA.entries(printed);
    for (int i = 0; i < exact.size(); i++) {
      for (int j = 0; j < exact.get(i).size(); j++) {
        assertThat(SymjaEvaluation.equalsExactly(s.get(i).get(j), exact.get(i).get(j)))
            .as("entry %d,%d: %s", i, j, s.get(i).get(j)).isTrue();
      }
    }
  }

  @Property(tries = 25)
  void ntkBlocksAndMuEvaluateToTheExactValues(@ForAll("anyArchitecture") Case c) {
    Architecture a = c.theta.architecture();
    NtkFormula f = NtkFormula.of(a);
    MuPlan plan = MuPlan.compile(a);
    assignFilters(f, c.theta);
    assertMatrix(JasExprs.polynomials(f.ntk()), plan.ntk(Q, c.theta));
    for (int l = 0; l < a.depth(); l++) {
      assertMatrix(JasExprs.polynomials(f.block(l)), plan.ntkLayer(Q, c.theta, l));
    }
    List<BigFraction> v = plan.mu(Q, c.theta);
    List<Expr> mu = f.mu().stream().map(JasExprs::of).toList();
    for (int m = 0; m < v.size(); m++) {
      assertThat(SymjaEvaluation.equalsExactly(Printer.SYMJA.print(mu.get(m)), v.get(m))).isTrue();
    }
  }

  /**
   * At v = mu(theta) with delta = theta's own invariants: the inverse map gives a tuple with the
   * same image, lambda^2 (H = 2) or P(beta_1) = 0 (H = 3) holds, and K^(delta)(v) is K(theta).
   */
  @Property(tries = 8)
  void inverseMapAndNtkOfVEvaluateToTheExactValues(@ForAll("invertible") Case c) {
    Architecture a = c.theta.architecture();
    InverseMap inv = InverseMap.derive(a, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    NtkOfVFormula k = NtkOfVFormula.of(inv, Invariants.symbolic(a.depth()));
    MuPlan plan = MuPlan.compile(a);
    List<BigFraction> v = plan.mu(Q, c.theta);
    List<String> names = new ArrayList<>(inv.variables());
    names.addAll(k.invariants().symbols());
    names.add("lambda2");
    names.add("beta1");
    SymjaEvaluation.clear(String.join(",", names));
    for (int m = 0; m < v.size(); m++) {
      SymjaEvaluation.assign("v" + m, v.get(m));
    }
    List<BigFraction> deltas = c.theta.invariants(Q);
    List<String> symbols = k.invariants().symbols();
    for (int l = 0; l < deltas.size(); l++) {
      SymjaEvaluation.assign(symbols.get(a.depth() == 2 ? 0 : l), deltas.get(l));
    }
    FilterTuple<BigFraction> back;
    try {
      back = inv.apply(v);
    } catch (InvalidInputException outsideTheDomain) { // a denominator of theta(v) vanishes at v
      Assume.that(false);
      return;
    }
    assertMatrix(JasExprs.quotients(inv.theta().layers()), back.layers());
    BigFraction beta1 = c.theta.squaredNorm(Q, 0);
    if (a.depth() == 2) {
      BigFraction lambda2 = beta1.divide(back.squaredNorm(Q, 0));
      assertThat(SymjaEvaluation.equalsExactly(Printer.SYMJA.print(k.lambdaSquared()), lambda2)).isTrue();
      SymjaEvaluation.assign("lambda2", lambda2);
    } else {
      // beta_1's closed form (H = 3: Viete or Cardano by the sign of the discriminant) evaluates to it
      java.math.BigDecimal exact = new java.math.BigDecimal(beta1.getNumerator())
          .divide(new java.math.BigDecimal(beta1.getDenominator()), new java.math.MathContext(45));
      String definition = Printer.SYMJA.print(k.beta1());
      assertThat(SymjaEvaluation.evaluatesTo(definition, exact)).as(definition).isTrue();
      SymjaEvaluation.assign("beta1", beta1);
    }
    assertThat(SymjaEvaluation.equalsExactly(Printer.SYMJA.print(k.scalarRelation()), BigFraction.ZERO)).isTrue();
    assertMatrix(k.ntkOfV(), plan.ntk(Q, c.theta));
  }

  /** An H = 4 network whose mu is generically one-to-one up to scaling; its inverse map, derived once. */
  private static final Architecture FOUR = Architecture.oneDimensional(new int[] {2, 2, 2, 2}, new int[] {2, 2, 2, 1});
  private static InverseMap fourInverse;

  private static synchronized InverseMap fourInverse() {
    if (fourInverse == null) {
      fourInverse = InverseMap.derive(FOUR, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    }
    return fourInverse;
  }

  @Provide
  Arbitrary<Case> fourLayers() {
    return cases(Arbitraries.just(FOUR));
  }

  @Provide
  Arbitrary<List<BigFraction>> threeDeltas() {
    return Combinators.combine(Arbitraries.integers().between(-6, 6), Arbitraries.integers().between(1, 3))
        .as(BigFraction::new).list().ofSize(3);
  }

  /**
   * H = 4: beta_1's Symja form (Newton's iteration from an upper bound, symbolic in v and delta),
   * assigned as in formula's Symja document while v and delta are still symbols (it must stay
   * unevaluated), then evaluated by Symja at v = mu(theta) and random rational invariants, equals
   * to 40 digits our exact beta_1 of the rescaling of theta to those invariants (Prop. 2), at 50
   * and at 80 digits.
   */
  @Property(tries = 10)
  void beta1OfFourLayersEvaluatesToTheExactRoot(@ForAll("fourLayers") Case c,
      @ForAll("threeDeltas") List<BigFraction> deltas) {
    InverseMap inv = fourInverse();
    NtkOfVFormula k = NtkOfVFormula.of(inv, Invariants.symbolic(4));
    List<BigFraction> v = MuPlan.compile(FOUR).mu(Q, c.theta);
    List<String> symbols = k.invariants().symbols();
    List<String> names = new ArrayList<>(inv.variables());
    names.addAll(symbols);
    names.add("beta1");
    SymjaEvaluation.clear(String.join(",", names));
    String form = Printer.SYMJA.print(k.beta1());
    assertThat(SymjaEvaluation.eval("beta1 = " + form)).as(form).startsWith("If(");
    for (int m = 0; m < v.size(); m++) {
      SymjaEvaluation.assign("v" + m, v.get(m));
    }
    for (int l = 0; l < deltas.size(); l++) {
      SymjaEvaluation.assign(symbols.get(l), deltas.get(l));
    }
    org.lcngeo.symbolic.algebraic.RealAlgebraicNumber exact =
        org.lcngeo.symbolic.rescale.Rescaling.rescale(c.theta, deltas).beta1();
    assertThat(SymjaEvaluation.evaluatesTo("beta1", exact.toBigDecimal(45))).as("%s at %s", form, deltas).isTrue();
    assertThat(SymjaEvaluation.evaluatesTo("beta1", exact.toBigDecimal(75), 80, 70)).as(form).isTrue();
  }
}
