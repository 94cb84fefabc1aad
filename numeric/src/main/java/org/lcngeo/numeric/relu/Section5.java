package org.lcngeo.numeric.relu;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Sec. 5 of the paper, numerically. Shallow ReLU MLP: Ex. 20's V and U on positive inputs compute
 * the same function and share the conserved diag(W_2^T W_2 - W_1 W_1^T), yet their empirical NTKs
 * differ. Shallow ReLU CNN: rescaling (lambda w_1, w_2 / lambda) keeps the function but changes
 * delta, and the invariant fixes lambda, so the tuple with the same function and delta is the
 * original one and so is its NTK; flipping both signs changes the function.
 */
public record Section5(ReluMlp reluMlp, ReluCnn reluCnn) {
  /**
   * The shallow ReLU MLP: Ex. 20's V and U on random positive inputs, the largest differences of
   * their outputs and NTKs, their shared conserved diagonal, and the verdict.
   */
  public record ReluMlp(
      String inputs,
      double maxOutputDifference,
      List<Double> conservedDiagonal,
      double maxNtkDifference,
      boolean ntkParameterDependent) {}

  /**
   * The shallow ReLU CNN: a rescaling's effect on the function, delta and the NTK, whether a sign
   * flip changes the function, and the verdict.
   */
  public record ReluCnn(
      String architecture,
      double rescaledSameFunction,
      double deltaOriginal,
      double deltaRescaled,
      double ntkDifferenceAcrossDelta,
      boolean signFlipChangesFunction,
      boolean ntkDeterminedByFunctionAndDelta) {}

  /** The computed statements for the seed of the random inputs. */
  public static Section5 compute(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[6][2];
    for (double[] row : x) {
      row[0] = random.nextDouble(0.1, 2);
      row[1] = random.nextDouble(0.1, 2);
    }
    double[][] v1 = {{1, 0}, {0, 0.5}};
    double[][] v2 = {{1, 0}, {0, 2}};
    double[][] u1 = {{0, 1}, {0.5, 0}};
    double[][] u2 = {{0, 2}, {1, 0}};
    double outputGap = maxAbsDiff(ShallowRelu.mlpOutputs(v1, v2, x), ShallowRelu.mlpOutputs(u1, u2, x));
    double ntkGap = maxAbsDiff(ShallowRelu.mlpNtk(v1, v2, x), ShallowRelu.mlpNtk(u1, u2, x));
    ReluMlp mlp = new ReluMlp("6 random positive samples in R^2", outputGap, List.of(0.0, 15.0 / 4),
        ntkGap, outputGap < 1e-12 && ntkGap > 1e-3);

    double[] w1 = {random.nextDouble(0.5, 2), random.nextDouble(-1, 1), random.nextDouble(0.5, 2)};
    double[] w2 = {random.nextDouble(0.5, 2), random.nextDouble(-1, 1)};
    double[][] signals = new double[5][9];
    for (double[] s : signals) {
      for (int i = 0; i < s.length; i++) {
        s[i] = random.nextGaussian();
      }
    }
    double lambda = 1.7;
    double[] f = ShallowRelu.cnnOutputs(w1, 2, w2, 1, signals);
    double[] scaledW1 = scale(w1, lambda);
    double[] scaledW2 = scale(w2, 1 / lambda);
    double sameFunction = maxAbsDiff(f, ShallowRelu.cnnOutputs(scaledW1, 2, scaledW2, 1, signals));
    double deltaOriginal = norm2(w2) - norm2(w1);
    double deltaScaled = norm2(scaledW2) - norm2(scaledW1);
    double flipped = maxAbsDiff(f, ShallowRelu.cnnOutputs(scale(w1, -1), 2, scale(w2, -1), 1, signals));
    double ntkGap2 = maxAbsDiff(ShallowRelu.cnnNtk(w1, 2, w2, 1, signals),
        ShallowRelu.cnnNtk(scaledW1, 2, scaledW2, 1, signals));
    ReluCnn cnn = new ReluCnn("1-D, k=(3,2), s=(2,1), ReLU between the layers", sameFunction,
        deltaOriginal, deltaScaled, ntkGap2, flipped > 1e-6,
        sameFunction < 1e-12 && Math.abs(deltaOriginal - deltaScaled) > 1e-6 && flipped > 1e-6);
    return new Section5(mlp, cnn);
  }

  private static double[] scale(double[] w, double c) {
    double[] s = w.clone();
    for (int i = 0; i < s.length; i++) {
      s[i] *= c;
    }
    return s;
  }

  private static double norm2(double[] w) {
    double s = 0;
    for (double x : w) {
      s += x * x;
    }
    return s;
  }

  private static double maxAbsDiff(double[] a, double[] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static double maxAbsDiff(double[][] a, double[][] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, maxAbsDiff(a[i], b[i]));
    }
    return m;
  }
}
