package org.lcngeo.symbolic.formula;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.symbolic.expr.Printer;
import org.matheclipse.core.eval.ExprEvaluator;

/**
 * The printed Symja strings, read back by Symja itself and evaluated exactly at points of the
 * image: this checks the syntax (precedence, grouping) of everything the Symja printer writes,
 * symbol names included (as Symja reads them, with no renaming: an underscore would be a pattern).
 */
class SymjaSyntaxTest {
  private static ExprEvaluator symja;

  @BeforeAll
  static void start() {
    symja = new ExprEvaluator();
  }

  private static boolean equal(String expr, BigFraction expected) {
    String diff = symja.eval("Together((" + expr + ") - (" + Rationals.format(expected) + "))").toString();
    return diff.equals("0");
  }

  private static void assign(String name, BigFraction value) {
    symja.eval(name + " = " + Rationals.format(value));
  }

  @Test
  void twoLayerFormulasEvaluateToTheExactNtk() {
    check(FormulaFixtures.EX15, "d");
  }

  @Test
  void threeLayerFormulasEvaluateToTheExactNtk() {
    check(Architecture.oneDimensional(new int[] {2, 2, 2}, new int[] {2, 2, 1}), "d1,d2");
  }

  private static void check(Architecture a, String delta) {
    InverseMap inv = InverseMap.derive(a, Elimination.DEFAULT_TIMEOUT).orElseThrow();
    NtkOfVFormula f = NtkOfVFormula.of(inv, Invariants.parse(delta, a.depth()));
    NtkFormula formula = NtkFormula.of(a);
    MuPlan plan = MuPlan.compile(a);
    Random random = new Random(99);
    for (int trial = 0; trial < 3; trial++) {
      symja.eval("ClearAll(v0,v1,v2,v3,v4,v5,v6,v7,delta,delta1,delta2,lambda2,beta1,a0,a1,a2,b0,b1,b2,c0,c1)");
      FilterTuple<BigFraction> theta = FormulaFixtures.randomTuple(a, random);
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, theta);
      List<List<BigFraction>> k = plan.ntk(RationalRing.INSTANCE, theta);
      // the NTK in filter symbols at theta
      List<String> names = formula.parameters();
      for (int i = 0; i < names.size(); i++) {
        assign(names.get(i), theta.flat().get(i));
      }
      List<List<String>> ntk = NtkFormula.write(formula.ntk(), Notation.SYMJA);
      for (int i = 0; i < k.size(); i++) {
        for (int j = 0; j < k.size(); j++) {
          assertThat(equal(ntk.get(i).get(j), k.get(i).get(j))).isTrue();
        }
      }
      // the inverse map and K^(delta)(v) at v = mu(theta), delta = theta's invariants
      for (int m = 0; m < v.size(); m++) {
        assign("v" + m, v.get(m));
      }
      List<BigFraction> deltas = theta.invariants(RationalRing.INSTANCE);
      for (int l = 0; l < deltas.size(); l++) {
        assign(a.depth() == 2 ? "delta" : "delta" + (l + 1), deltas.get(l));
      }
      FilterTuple<BigFraction> back = inv.apply(v);
      List<List<String>> inverse = inv.write(Notation.SYMJA);
      for (int l = 0; l < a.depth(); l++) {
        for (int j = 0; j < back.layer(l).size(); j++) {
          assertThat(equal(inverse.get(l).get(j), back.layer(l).get(j))).isTrue();
        }
      }
      BigFraction beta1 = theta.squaredNorm(RationalRing.INSTANCE, 0);
      if (a.depth() == 2) {
        BigFraction lambda2 = beta1.divide(back.squaredNorm(RationalRing.INSTANCE, 0));
        assertThat(equal(Printer.SYMJA.print(f.lambdaSquared()), lambda2)).isTrue();
        assertThat(equal(Printer.SYMJA.print(f.beta1()), beta1)).isTrue();
        assign("lambda2", lambda2);
      } else {
        String p = Printer.SYMJA.print(f.beta1Polynomial());
        assertThat(equal("(" + p + ") /. x -> (" + Rationals.format(beta1) + ")", BigFraction.ZERO))
            .isTrue();
        assign("beta1", beta1);
      }
      assertThat(equal("v0", v.get(0).add(BigFraction.ONE))).isFalse(); // the comparison can fail
      List<List<String>> kv = Printer.SYMJA.entries(f.ntkOfV());
      for (int i = 0; i < k.size(); i++) {
        for (int j = 0; j < k.size(); j++) {
          assertThat(equal(kv.get(i).get(j), k.get(i).get(j)))
              .as("entry %d,%d: %s", i, j, kv.get(i).get(j))
              .isTrue();
        }
      }
    }
  }
}
