package org.lcngeo.atlas;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.Deadline;
import org.lcngeo.core.TimeLimitException;
import org.lcngeo.core.algebra.RationalRing;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;
import org.lcngeo.core.plan.Neuromanifold;
import org.lcngeo.symbolic.fiber.Fiber;
import org.lcngeo.symbolic.ntk.ExactNtk;
import org.lcngeo.symbolic.ntk.ExactRank;
import org.lcngeo.symbolic.paper.Table1;
import org.lcngeo.symbolic.paper.Table1.ArchitectureClass;
import org.lcngeo.symbolic.paper.Table1.FiberSample;

/**
 * One architecture of the census, decided exactly (the row of Table 1 it belongs to, recomputed
 * for it alone): at N seeded sample tuples theta_i, the exact rank of d mu; the fiber of mu over
 * v_i = mu(theta_i) at delta = 0 and at a random non-zero delta, every point rescaled exactly and
 * the NTKs compared exactly ({@link Fiber}). The sample tuples are those of {@link Table1}: in 1-D
 * the even points have real-rooted layers (an open set on which stride-1 layers can exchange
 * factors, Example 19), the others random integers.
 *
 * <p>Verdicts, per kind of invariants: <b>false</b> when some fiber over a smooth point (complete,
 * non-empty, {@link Fiber#isSingular()} false) has two points with different NTKs: one such sample
 * proves dependence (Remark 1); <b>true</b> when every sample's fiber is complete and every smooth
 * one has a single NTK (at least one smooth sample): evidence at the sample points, not a proof for
 * all points; <b>null</b> otherwise (an incomplete fiber, or the time limit). Singular samples never
 * vote, as in Table 1: the paper's statements are about smooth points.
 *
 * <p>Bounded: the work runs on its own daemon thread under a {@link Deadline} of the time limit
 * (long exact loops check it); if it has not stopped shortly after, the thread is abandoned and the
 * row reports what was finished, with status {@code timeout}. Fibers decided before the limit still
 * count: a counterexample found in time is a decided false.
 *
 * <p>The row records the worker thread's CPU time beside the wall time: under load the wall time
 * measures the machine, the CPU time the architecture (an abandoned computation's CPU after its
 * row is not in the row).
 */
public final class ArchitectureCensus {
  /** How long past its limit a computation may take to notice its deadline. */
  static final Duration GRACE = Duration.ofSeconds(2);

  /** Measures each architecture's CPU time (its worker thread's; -1 where not supported). */
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Architecture architecture;
  private final CensusSettings settings;
  private final int points;
  private final List<Sample> balanced = Collections.synchronizedList(new ArrayList<>());
  private final List<Sample> generic = Collections.synchronizedList(new ArrayList<>());
  private final List<Integer> ranks = Collections.synchronizedList(new ArrayList<>());
  private volatile int dimension = -1;

  private record Sample(List<BigFraction> target, List<BigFraction> delta, Fiber fiber) {
    FiberSample asFiberSample() {
      return new FiberSample(null, delta, fiber);
    }
  }

  private ArchitectureCensus(Architecture architecture, CensusSettings settings) {
    this.architecture = architecture;
    this.settings = settings;
    this.points = settings.points();
  }

  /** The row of one architecture, within the time limit (see the class comment). */
  public static AtlasEntry compute(Architecture a, CensusSettings settings, Duration timeout) {
    ArchitectureCensus census = new ArchitectureCensus(a, settings);
    long start = System.nanoTime();
    Deadline deadline = Deadline.after(timeout);
    CompletableFuture<Void> done = new CompletableFuture<>();
    AtomicLong cpuNanos = new AtomicLong(-1);
    Thread worker = new Thread(() -> {
      Throwable failure = null;
      try (Deadline.Scope scope = deadline.enter()) {
        census.run();
      } catch (Throwable t) {
        failure = t;
      }
      cpuNanos.set(THREADS.getCurrentThreadCpuTime());
      if (failure == null) {
        done.complete(null);
      } else {
        done.completeExceptionally(failure);
      }
    }, "atlas-" + Architectures.id(a));
    worker.setDaemon(true);
    worker.start();
    String status;
    String reason = null;
    try {
      done.get(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
      status = null;
    } catch (TimeoutException e) {
      cpuNanos.compareAndSet(-1, THREADS.getThreadCpuTime(worker.getId()));
      worker.interrupt();
      status = AtlasEntry.TIMEOUT;
      reason = "the time limit of " + timeout.toSeconds() + " s was reached (the computation"
          + " did not stop at its deadline and was abandoned)";
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TimeLimitException) {
        status = AtlasEntry.TIMEOUT;
        reason = "the time limit of " + timeout.toSeconds() + " s was reached";
      } else {
        status = AtlasEntry.FAILED;
        reason = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      worker.interrupt();
      status = AtlasEntry.FAILED;
      reason = "interrupted";
    }
    double seconds = (System.nanoTime() - start) * 1e-9;
    Double cpuSeconds = cpuNanos.get() < 0 ? null : cpuNanos.get() * 1e-9;
    return census.entry(status, reason, seconds, cpuSeconds, (int) timeout.toSeconds());
  }

  private void run() {
    MuPlan plan = MuPlan.compile(architecture);
    dimension = Neuromanifold.compute(plan).dimension();
    SplittableRandom random = new SplittableRandom(seedOf(settings.seed(), Architectures.id(architecture)));
    int h = architecture.depth();
    for (int i = 0; i < points; i++) {
      Deadline.checkCurrent();
      FilterTuple<BigFraction> theta = architecture.dims() == 1 && i % 2 == 0
          ? Table1.realRootedTuple(architecture, random)
          : Table1.integerTuple(architecture, random);
      List<BigFraction> delta = new ArrayList<>();
      for (int l = 0; l + 1 < h; l++) {
        int p = random.nextInt(1, 10) * (random.nextBoolean() ? 1 : -1);
        delta.add(new BigFraction(p, random.nextInt(1, 5)));
      }
      ranks.add(ExactRank.of(ExactNtk.of(plan, theta).scaledJacobian().numerators(),
          architecture.dimensionUpperBound()));
      List<BigFraction> v = plan.mu(RationalRing.INSTANCE, theta);
      List<BigFraction> zero = Collections.nCopies(h - 1, BigFraction.ZERO);
      balanced.add(new Sample(v, zero, Fiber.compute(architecture, v, zero)));
      Deadline.checkCurrent();
      generic.add(new Sample(v, delta, Fiber.compute(architecture, v, delta)));
    }
  }

  /** A seed per architecture and census seed, the same in every JVM. */
  static long seedOf(long seed, String id) {
    long h = 1125899906842597L;
    for (int i = 0; i < id.length(); i++) {
      h = 31 * h + id.charAt(i);
    }
    return new SplittableRandom(seed ^ h).nextLong();
  }

  /** A verdict with the sample that decided it (null when undecided). */
  private record Verdict(Boolean independent, Sample witness) {}

  private Verdict verdict(List<Sample> samples) {
    List<Sample> copy;
    synchronized (samples) {
      copy = List.copyOf(samples);
    }
    for (Sample s : copy) {
      if (s.asFiberSample().votes() && !s.fiber().ntkEqual()) {
        return new Verdict(false, s);
      }
    }
    boolean allComplete = copy.size() == points && copy.stream().allMatch(s -> s.fiber().complete());
    Sample voter = copy.stream().filter(s -> s.asFiberSample().votes()).findFirst().orElse(null);
    if (allComplete && voter != null) {
      return new Verdict(true, voter);
    }
    return new Verdict(null, null);
  }

  private AtlasEntry entry(String stopped, String stoppedReason, double seconds,
      Double cpuSeconds, int timeout) {
    Architecture a = architecture;
    ArchitectureClass cls = Architectures.classOf(a);
    Verdict b = verdict(balanced);
    Verdict g = verdict(generic);
    Boolean agrees;
    Sample witness;
    if (b.independent() != null && b.independent() != cls.paperBalanced()) {
      agrees = false;
      witness = b.witness();
    } else if (g.independent() != null && g.independent() != cls.paperGeneric()) {
      agrees = false;
      witness = g.witness();
    } else {
      agrees = b.independent() != null && g.independent() != null ? Boolean.TRUE : null;
      witness = b.witness() != null ? b.witness() : g.witness();
    }
    List<Sample> fibers;
    synchronized (balanced) {
      fibers = List.copyOf(balanced);
    }
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      Fiber f = i < fibers.size() ? fibers.get(i).fiber() : null;
      sizes.add(f != null && f.complete() ? f.points().size() : null);
    }
    String status = stopped;
    String reason = stoppedReason;
    if (status == null) {
      List<String> missing = new ArrayList<>();
      synchronized (generic) {
        for (List<Sample> kind : List.of(fibers, List.copyOf(generic))) {
          for (Sample s : kind) {
            if (!s.fiber().complete()) {
              missing.add(s.fiber().reason().orElse("incomplete fiber"));
            }
          }
        }
      }
      status = missing.isEmpty() ? AtlasEntry.COMPLETE : AtlasEntry.INCOMPLETE;
      reason = missing.isEmpty() ? null
          : missing.stream().distinct().collect(Collectors.joining("; "));
    }
    List<Integer> pointRanks;
    synchronized (ranks) {
      pointRanks = new ArrayList<>(ranks);
    }
    return new AtlasEntry(
        Architectures.id(a), a.dims(), Architectures.sizes(a), Architectures.strides(a),
        a.parameterCount(), dimension, a.dimensionUpperBound(), pointRanks, sizes,
        Architectures.swapClasses(a), b.independent(), g.independent(), cls.id(),
        cls.paperBalanced(), cls.paperGeneric(), agrees,
        witness == null ? null : witness(a, witness), seconds, cpuSeconds, status, reason,
        timeout);
  }

  /** The {@code lcn fiber} command line that recomputes a sample's fiber. */
  static String witness(Architecture a, List<BigFraction> target, List<BigFraction> delta) {
    String d = delta.stream().map(Rationals::format).collect(Collectors.joining(","));
    return "./lcn fiber --sizes " + Architectures.notation(Architectures.sizes(a))
        + " --strides " + Architectures.notation(Architectures.strides(a))
        + " --target '" + nestedJson(target, a.endToEndSize()) + "' --delta=" + d + " --json";
  }

  private static String witness(Architecture a, Sample s) {
    return witness(a, s.target(), s.delta());
  }

  private static String nestedJson(List<BigFraction> flat, int[] shape) {
    StringBuilder b = new StringBuilder();
    nest(flat, shape, 0, 0, b);
    return b.toString();
  }

  private static int nest(List<BigFraction> flat, int[] shape, int axis, int pos, StringBuilder b) {
    b.append('[');
    for (int i = 0; i < shape[axis]; i++) {
      if (i > 0) {
        b.append(',');
      }
      if (axis + 1 == shape.length) {
        BigFraction x = flat.get(pos++);
        b.append(x.getDenominator().equals(java.math.BigInteger.ONE)
            ? x.getNumerator().toString() : "\"" + Rationals.format(x) + "\"");
      } else {
        pos = nest(flat, shape, axis + 1, pos, b);
      }
    }
    b.append(']');
    return pos;
  }
}
