package org.lcngeo.numeric.fc;

import org.hipparchus.linear.RealMatrix;

/**
 * A loss ell(W) on the product matrix W of a fully connected network, with its Euclidean gradient
 * (the nabla L_D of eqs. 4 and 6).
 */
public interface FcLoss {
  double value(RealMatrix w);

  RealMatrix gradient(RealMatrix w);

  /** ell(W) = ||W - Y||_F^2, gradient 2 (W - Y). */
  static FcLoss distanceTo(RealMatrix y) {
    RealMatrix target = y.copy();
    return new FcLoss() {
      @Override
      public double value(RealMatrix w) {
        double f = w.subtract(target).getFrobeniusNorm();
        return f * f;
      }

      @Override
      public RealMatrix gradient(RealMatrix w) {
        return w.subtract(target).scalarMultiply(2);
      }
    };
  }

  /** The data loss ell(W) = ||W X - Y||_F^2 (samples as columns), gradient 2 (W X - Y) X^T. */
  static FcLoss data(RealMatrix x, RealMatrix y) {
    RealMatrix inputs = x.copy();
    RealMatrix outputs = y.copy();
    return new FcLoss() {
      @Override
      public double value(RealMatrix w) {
        double f = w.multiply(inputs).subtract(outputs).getFrobeniusNorm();
        return f * f;
      }

      @Override
      public RealMatrix gradient(RealMatrix w) {
        return w.multiply(inputs).subtract(outputs).multiplyTransposed(inputs).scalarMultiply(2);
      }
    };
  }
}
