package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import org.lcngeo.symbolic.expr.Printer;
import java.util.List;
import java.util.Random;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/**
 * In-process timing of the exact rescaled NTK on 2-D architectures with K at least 225 x 225
 * (not a test: run its main). Prints the time of each stage.
 */
public final class RescaledNtkBenchmark {
  private RescaledNtkBenchmark() {}

  public static void main(String[] args) {
    int[][][] sizes = {
      {{3, 3}, {7, 7}},
      {{3, 3}, {3, 3}, {3, 3}},
      {{2, 2}, {2, 2}, {2, 2}, {2, 2}},
    };
    int[][][] strides = {
      {{2, 2}, {1, 1}},
      {{2, 2}, {2, 2}, {1, 1}},
      {{2, 2}, {2, 2}, {2, 2}, {1, 1}},
    };
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    for (int c = 0; c < sizes.length; c++) {
      Architecture arch = Architecture.of(sizes[c], strides[c]);
      Random rnd = new Random(42 + c);
      List<List<BigFraction>> layers = new ArrayList<>();
      for (int l = 0; l < arch.depth(); l++) {
        List<BigFraction> w = new ArrayList<>();
        for (int j = 0; j < arch.layerParameters(l); j++) {
          w.add(new BigFraction(rnd.nextInt(7) - 3, 1 + rnd.nextInt(2)));
        }
        w.set(0, BigFraction.ONE);
        layers.add(w);
      }
      FilterTuple<BigFraction> theta = FilterTuple.of(arch, layers);
      List<BigFraction> delta = new ArrayList<>();
      for (int l = 1; l < arch.depth(); l++) {
        delta.add(new BigFraction(l, 2));
      }
      for (int rep = 0; rep < repeats; rep++) {
        long t0 = System.nanoTime();
        MuPlan plan = MuPlan.compile(arch);
        List<List<List<BigFraction>>> k = new ArrayList<>();
        for (int l = 0; l < arch.depth(); l++) {
          k.add(plan.ntkLayer(RationalRing.INSTANCE, theta, l));
        }
        long t1 = System.nanoTime();
        RescaledTuple r = Rescaling.rescale(theta, delta);
        long t2 = System.nanoTime();
        RescaledNtk ntk = r.ntk(k);
        long t3 = System.nanoTime();
        List<List<String>> dec = ntk.ntkDecimal(20);
        long t4 = System.nanoTime();
        List<List<String>> sym = Printer.SYMJA.entries(ntk.ntkExpr());
        long t5 = System.nanoTime();
        r.filters();
        long t6 = System.nanoTime();
        System.out.printf(
            "H=%d K %dx%d deg(beta1)=%d | K_l over Q %.0f ms | rescale %.1f ms | K^(delta) in Q(beta1) %.0f ms"
                + " | decimals(20) %.0f ms | symja %.0f ms | filters %.0f ms | total %.0f ms | %s%n",
            arch.depth(), ntk.size(), ntk.size(), r.beta1().degree(), ms(t1 - t0), ms(t2 - t1),
            ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t6 - t5), ms(t6 - t0),
            dec.get(0).get(0) + " / " + sym.get(0).get(0).length() + " chars");
      }
    }
    edu.jas.kern.ComputerThreads.terminate();
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
