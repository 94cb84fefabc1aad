package org.lcngeo.numeric.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep found (issue 5, item 7; Thm. 7 / Prop. 8 predict the limits): how many runs there
 * are, how many end at mu(theta) = 0, the final losses in run order, their min / median / max, and
 * the distinct loss levels the runs converge to.
 *
 * @param runs number of runs with a row in the file
 * @param zeroLimits runs whose {@code zeroLimit} column is {@code true}
 * @param incomplete runs whose {@code status} column says that a flow stopped before T (for
 *     example a function-space flow stalled at a singular point)
 * @param finalLosses the {@code finalLoss} column in run order (runs without a row left out)
 * @param minLoss smallest final loss (NaN without runs)
 * @param medianLoss median final loss (mean of the two middle values for an even count)
 * @param maxLoss largest final loss
 * @param levels distinct loss levels, ascending
 */
public record SweepSummary(int runs, int zeroLimits, int incomplete, List<Double> finalLosses,
    double minLoss, double medianLoss, double maxLoss, List<LossLevel> levels) {

  /**
   * One cluster of final losses: sorted losses are joined while consecutive values differ by at
   * most the relative tolerance (single linkage in one dimension).
   *
   * @param value mean of the cluster
   * @param count number of runs in it
   * @param min smallest loss in it
   * @param max largest loss in it
   */
  public record LossLevel(double value, int count, double min, double max) {}

  /** Summarizes final losses (run order) with the given relative tolerance for one level. */
  static SweepSummary of(int runs, int zeroLimits, int incomplete, List<Double> losses,
      double relTol) {
    List<Double> sorted = new ArrayList<>(losses);
    sorted.sort(null);
    int n = sorted.size();
    List<LossLevel> levels = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= n; i++) {
      if (i == n || sorted.get(i) - sorted.get(i - 1)
          > relTol * Math.max(Math.abs(sorted.get(i)), Double.MIN_NORMAL)) {
        double sum = 0;
        for (int j = start; j < i; j++) {
          sum += sorted.get(j);
        }
        levels.add(new LossLevel(
            sum / (i - start), i - start, sorted.get(start), sorted.get(i - 1)));
        start = i;
      }
    }
    double median = n == 0 ? Double.NaN
        : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return new SweepSummary(runs, zeroLimits, incomplete, List.copyOf(losses),
        n == 0 ? Double.NaN : sorted.get(0), median, n == 0 ? Double.NaN : sorted.get(n - 1),
        List.copyOf(levels));
  }
}
