package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.gb.GroebnerBaseSeq;
import edu.jas.gb.ReductionSeq;
import edu.jas.poly.GenPolynomial;
import edu.jas.poly.GenPolynomialRing;
import edu.jas.poly.Monomial;
import edu.jas.poly.TermOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.core.plan.MuPlan;

/**
 * A Groebner basis of the graph ideal {v_m - mu_m(theta)} of mu in an elimination order (filter
 * variables before end-to-end variables), with the scaling ambiguity of mu (Prop. 2) removed by
 * fixing the first entry of each layer 1..H-1 to 1. Its elements free of filter variables generate
 * the ideal of the Zariski closure of the neuromanifold (the normalized parametrization has the same
 * dense image); its elements linear in one filter variable give the rational inverse map where mu
 * is generically one-to-one up to scaling (Thm. 4, Cor. 10).
 *
 * <p>The computation runs on a worker thread and is abandoned after a deadline (the thread stops at
 * its next reduction), since Groebner bases can grow doubly exponentially: callers get an {@link
 * InvalidInputException} naming the bound.
 */
public final class Elimination {
  /** Most variables (end-to-end entries plus free filter entries) an elimination is tried with. */
  public static final int MAX_VARIABLES = 40;
  /** Default deadline of one Groebner basis. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  private final Architecture architecture;
  private final PolynomialRing graphRing;
  private final PolynomialRing endToEndRing;
  private final List<String> filterVariables;
  private final List<GenPolynomial<BigRational>> basis;
  private final List<GenPolynomial<BigRational>> equations;

  private final int[] normalization;

  private Elimination(Architecture a, int[] normalization, Duration timeout) {
    this.architecture = a;
    this.normalization = normalization.clone();
    int n = a.endToEndEntries();
    List<String> vNames = endToEndNames(n);
    List<String> wNames = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      for (int j = 0; j < a.layerParameters(l); j++) {
        if (!isNormalized(l, j)) {
          wNames.add(NtkFormula.symbol(l, j));
        }
      }
    }
    if (n + wNames.size() > MAX_VARIABLES) {
      throw new InvalidInputException(
          "elimination for this architecture needs " + (n + wNames.size())
              + " variables, more than the limit of " + MAX_VARIABLES);
    }
    this.filterVariables = List.copyOf(wNames);
    List<String> all = new ArrayList<>(vNames);
    all.addAll(wNames);
    // JAS stores the last variable names first: the first block (the filter variables) dominates.
    TermOrder order =
        new TermOrder(TermOrder.IGRLEX, TermOrder.IGRLEX, all.size(), wNames.size());
    this.graphRing =
        new PolynomialRing(
            new GenPolynomialRing<>(
                BigRational.ZERO, all.size(), order, all.toArray(String[]::new)));
    this.endToEndRing = PolynomialRing.withVariables(vNames);
    List<List<GenPolynomial<BigRational>>> layers = new ArrayList<>();
    for (int l = 0; l < a.depth(); l++) {
      List<GenPolynomial<BigRational>> w = new ArrayList<>();
      for (int j = 0; j < a.layerParameters(l); j++) {
        w.add(isNormalized(l, j) ? graphRing.one() : graphRing.variable(NtkFormula.symbol(l, j)));
      }
      layers.add(w);
    }
    List<GenPolynomial<BigRational>> mu = MuPlan.compile(a).mu(graphRing, FilterTuple.of(a, layers));
    List<GenPolynomial<BigRational>> graph = new ArrayList<>();
    for (int m = 0; m < n; m++) {
      graph.add(graphRing.variable(vNames.get(m)).subtract(mu.get(m)));
    }
    this.basis = Collections.unmodifiableList(groebnerBasis(graph, timeout, a));
    List<GenPolynomial<BigRational>> eqs = new ArrayList<>();
    List<GenPolynomial<BigRational>> vValues = new ArrayList<>(endToEndRing.variables());
    for (int i = 0; i < wNames.size(); i++) {
      vValues.add(endToEndRing.zero());
    }
    for (GenPolynomial<BigRational> g : basis) {
      if (filterVariablesIn(g).isEmpty()) {
        eqs.add(primitive(Substitution.evaluate(g, endToEndRing, vValues, endToEndRing::constantOf)));
      }
    }
    this.equations = Collections.unmodifiableList(eqs);
  }

  /**
   * Computes the elimination basis.
   *
   * @throws InvalidInputException when the architecture exceeds {@link #MAX_VARIABLES} or the
   *     Groebner basis does not finish before the timeout
   */
  public static Elimination compute(Architecture a, Duration timeout) {
    return new Elimination(a, new int[Math.max(a.depth() - 1, 0)], timeout);
  }

  /**
   * Computes the elimination basis with entry {@code normalization[l]} of layer l set to 1, for l =
   * 0..H-2 (0-based).
   */
  public static Elimination compute(Architecture a, int[] normalization, Duration timeout) {
    if (normalization.length != Math.max(a.depth() - 1, 0)) {
      throw new IllegalArgumentException("one normalized entry per layer but the last is needed");
    }
    return new Elimination(a, normalization, timeout);
  }

  /** Whether entry j of layer l is fixed to 1. */
  public boolean isNormalized(int l, int j) {
    return l + 1 < architecture.depth() && normalization[l] == j;
  }

  /** {@code v0, v1, ..., v<n-1>}: the row-major end-to-end entries. */
  public static List<String> endToEndNames(int n) {
    List<String> names = new ArrayList<>(n);
    for (int m = 0; m < n; m++) {
      names.add("v" + m);
    }
    return names;
  }

  private static List<GenPolynomial<BigRational>> groebnerBasis(
      List<GenPolynomial<BigRational>> f, Duration timeout, Architecture a) {
    ExecutorService worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "lcngeo-groebner");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<List<GenPolynomial<BigRational>>> gb =
          worker.submit(() -> new GroebnerBaseSeq<BigRational>(new InterruptibleReduction()).GB(f));
      return gb.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new InvalidInputException(
          "the Groebner basis for " + a.summary() + " did not finish within "
              + timeout.toSeconds() + " s; the architecture is too large for exact elimination");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Groebner basis failed: " + e.getCause(), e.getCause());
    } finally {
      worker.shutdownNow();
    }
  }

  /**
   * JAS' sequential reduction, abandoned when its thread is interrupted: Buchberger's algorithm
   * reduces every S-polynomial through it, so a timed-out basis stops within one reduction.
   */
  private static final class InterruptibleReduction extends ReductionSeq<BigRational> {
    private static final long serialVersionUID = 1L;

    @Override
    public GenPolynomial<BigRational> normalform(
        List<GenPolynomial<BigRational>> basis, GenPolynomial<BigRational> p) {
      if (Thread.currentThread().isInterrupted()) {
        throw new CancellationException("Groebner basis abandoned");
      }
      return super.normalform(basis, p);
    }
  }

  /** The filter variables that occur in g. */
  List<String> filterVariablesIn(GenPolynomial<BigRational> g) {
    String[] vars = graphRing.jas().getVars();
    int nv = vars.length;
    List<String> out = new ArrayList<>();
    for (int i = 0; i < filterVariables.size(); i++) {
      int exp = filterVariables.size() - 1 - i; // JAS index of the i-th filter variable
      for (Monomial<BigRational> m : g) {
        if (m.exponent().getVal(exp) > 0) {
          out.add(vars[nv - 1 - exp]);
          break;
        }
      }
    }
    return out;
  }

  /** g scaled to integer coefficients with positive leading coefficient and content 1. */
  static GenPolynomial<BigRational> primitive(GenPolynomial<BigRational> g) {
    if (g.isZERO()) {
      return g;
    }
    java.math.BigInteger lcm = java.math.BigInteger.ONE;
    for (Monomial<BigRational> m : g) {
      java.math.BigInteger d = m.coefficient().denominator();
      lcm = lcm.divide(lcm.gcd(d)).multiply(d);
    }
    GenPolynomial<BigRational> h = g.multiply(new BigRational(lcm));
    java.math.BigInteger gcd = java.math.BigInteger.ZERO;
    for (Monomial<BigRational> m : h) {
      gcd = gcd.gcd(m.coefficient().numerator());
    }
    h = h.divide(new BigRational(gcd));
    return h.leadingBaseCoefficient().signum() < 0 ? h.negate() : h;
  }

  public Architecture architecture() {
    return architecture;
  }

  /** Q[v, w] with the elimination order. */
  public PolynomialRing graphRing() {
    return graphRing;
  }

  /** Q[v0, ..., v<n-1>]. */
  public PolynomialRing endToEndRing() {
    return endToEndRing;
  }

  /** The reduced Groebner basis of the graph ideal in the elimination order. */
  public List<GenPolynomial<BigRational>> basis() {
    return basis;
  }

  /**
   * Generators of the ideal of the Zariski closure of the neuromanifold: a Groebner basis (graded
   * order) in Q[v0, ..., v<n-1>], each with coprime integer coefficients.
   */
  public List<GenPolynomial<BigRational>> equations() {
    return equations;
  }

  /** Normal form of p in Q[v] modulo the neuromanifold's ideal: zero iff p vanishes on it. */
  public GenPolynomial<BigRational> reduce(GenPolynomial<BigRational> p) {
    return new ReductionSeq<BigRational>().normalform(equations, p);
  }
}
