package org.lcngeo.it;



/** The exact kernel with entries up to 10^9: sums beyond 2^63, so the BigInteger kernel runs. */
class ExactBigIntegerKernelTest extends ExactKernelTest {
  @Override
  int bound() {
    return 1_000_000_000;
  }
}
