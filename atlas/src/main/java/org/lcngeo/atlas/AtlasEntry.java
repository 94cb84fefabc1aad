package org.lcngeo.atlas;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the atlas: an architecture, what was computed at its sample points, the verdicts and
 * how they compare with the paper's Table 1. Verdicts are three-valued: {@code null} is undecided
 * (a fiber incomplete, or not computed within the time limit), never evidence.
 *
 * @param id the architecture's id ({@link Architectures#id})
 * @param sizes filter sizes, layer 1 first
 * @param strides strides, layer 1 first
 * @param dimension the certified dimension of the neuromanifold (generic rank of d mu)
 * @param expectedDimension sum_l (|k_l| - 1) + 1, capped by the end-to-end entries
 * @param pointRanks the exact rank of d mu at each sample point computed
 * @param fiberSize per sample point, the number of real fiber points up to sign, null where the
 *     fiber is incomplete or was not computed
 * @param swapClasses classes of swappable layers (Obs. 11), layers from 1
 * @param balancedIndependent the NTK is parameter independent at delta = 0 at the sample points
 * @param genericIndependent the same at random non-zero delta
 * @param architectureClass the row of Table 1
 * @param paperBalanced the paper's answer for the class at delta = 0
 * @param paperGeneric the paper's answer for the class at generic delta
 * @param agreesWithPaper false when a decided verdict differs from the paper's, true when both are
 *     decided and agree, null otherwise
 * @param witness the {@code lcn fiber} command that reproduces a disagreement, or the deciding
 *     fiber of a verdict; null when nothing was decided
 * @param seconds wall time of the architecture
 * @param cpuSeconds CPU time of the thread that computed the architecture (until its row was made,
 *     also when it was abandoned at the time limit), null where the JVM does not measure it or the
 *     row was written by a version that did not
 * @param status {@code complete}, {@code incomplete} (a fiber is not the whole real fiber),
 *     {@code timeout} or {@code failed}
 * @param reason what is missing, for a status other than complete
 * @param timeoutSeconds the time limit the row was computed under
 */
public record AtlasEntry(
    String id,
    int dims,
    int[][] sizes,
    int[][] strides,
    int parameters,
    int dimension,
    int expectedDimension,
    List<Integer> pointRanks,
    List<Integer> fiberSize,
    List<List<Integer>> swapClasses,
    Boolean balancedIndependent,
    Boolean genericIndependent,
    String architectureClass,
    boolean paperBalanced,
    boolean paperGeneric,
    Boolean agreesWithPaper,
    String witness,
    double seconds,
    Double cpuSeconds,
    String status,
    String reason,
    int timeoutSeconds) implements Serializable {
  public static final String COMPLETE = "complete";
  public static final String INCOMPLETE = "incomplete";
  public static final String TIMEOUT = "timeout";
  public static final String FAILED = "failed";

  /** Whether the row disagrees with the paper (a decided verdict differs). */
  public boolean disagrees() {
    return Boolean.FALSE.equals(agreesWithPaper);
  }

  /** The contract's object (cli.md, {@code lcn atlas}), plus the reason and the time limit. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dims", dims);
    m.put("sizes", sizes);
    m.put("strides", strides);
    m.put("parameters", parameters);
    m.put("dimension", dimension);
    m.put("expectedDimension", expectedDimension);
    m.put("pointRanks", pointRanks);
    m.put("fiberSize", fiberSize);
    m.put("swapClasses", swapClasses);
    m.put("balancedIndependent", balancedIndependent);
    m.put("genericIndependent", genericIndependent);
    m.put("class", architectureClass);
    Map<String, Object> paper = new LinkedHashMap<>();
    paper.put("balancedIndependent", paperBalanced);
    paper.put("genericIndependent", paperGeneric);
    m.put("paperPrediction", paper);
    m.put("agreesWithPaper", agreesWithPaper);
    m.put("witness", witness);
    m.put("seconds", seconds);
    m.put("cpuSeconds", cpuSeconds);
    m.put("status", status);
    if (reason != null) {
      m.put("reason", reason);
    }
    m.put("timeout", timeoutSeconds);
    return m;
  }
}
