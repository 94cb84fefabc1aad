package org.lcngeo.numeric.closedform;

import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ClassBodyEvaluator;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.plan.NtkOfV;

/**
 * A closed form of the metric K^(delta)(v) (paper, Thm. 4 and Cor. 6; Example 15 works one out),
 * compiled to JVM bytecode with Janino: "the same expressions, evaluated and integrated in double
 * precision" (issue 5, item 4b). Where mu is generically one-to-one up to scaling (1-D strides
 * &gt; 1, D &gt;= 2 without swaps), {@code lcn formula} writes K^(delta)(v) as a rational map of v
 * followed by the rescaling of Prop. 2; its Java rendering is compiled here into an {@link NtkOfV}
 * that the function-space flow ({@code GradientFlow.run(theta0, ntkOfV, progress)}) integrates.
 *
 * <p><b>Contract of the source text.</b> It is the <em>body</em> of the method
 *
 * <pre>{@code public double[][] ntk(double[] v, double[] delta) { <source> }}</pre>
 *
 * <ul>
 *   <li>{@code v} is the end-to-end filter in the row-major (C order) flattening, length n = the
 *       number of end-to-end entries, names {@code v0, v1, ...} of {@code lcn formula} being
 *       {@code v[0], v[1], ...}; {@code delta} holds delta_1..delta_{H-1}, delta_l = ||w_{l+1}||^2
 *       - ||w_l||^2 (eq. 1), as {@code delta[0], ..., delta[H-2]}.
 *   <li>It consists of statements as Janino compiles them (the Java language up to about Java 8,
 *       without lambdas): local variables, arithmetic, {@code if}, loops, array initializers; the
 *       static members of {@link Math} are imported ({@code sqrt}, {@code pow}, {@code abs},
 *       {@code cbrt}, ...), and {@code java.lang.*} is visible as usual.
 *   <li>It returns a new n x n array: K^(delta)(v) over the row-major flattening (symmetric). It may
 *       not modify {@code v} or {@code delta} and may not keep state (no fields): the compiled
 *       function is pure, so one instance may serve many trajectories and threads at once.
 *   <li>Where the closed form is not defined (a division by zero off the chart of the inverse, a
 *       singular point of the neuromanifold) the entries may be non-finite; the flow reports that.
 *       A closed form is valid on one chart of the inverse (Example 15's eq. 15 needs v1 v3 != 0):
 *       a trajectory that crosses the chart's boundary, a removable singularity of the formula at
 *       a smooth point, can stall there (the stiff integrator does) and then needs another chart
 *       or the numeric fiber recovery.
 * </ul>
 *
 * <p>The text is trusted code: it runs with the caller's permissions. Compile only text this
 * toolkit produced ({@code lcn formula --format java}), never text from an untrusted user.
 */
public final class ClosedFormNtk implements NtkOfV {
  private static final String CLASS_NAME = "org.lcngeo.numeric.closedform.CompiledNtkOfV";

  private final String source;
  private final int size;
  private final int invariants;
  private final NtkOfV compiled;

  private ClosedFormNtk(String source, int size, int invariants, NtkOfV compiled) {
    this.source = source;
    this.size = size;
    this.invariants = invariants;
    this.compiled = compiled;
  }

  /**
   * Compiles a method body (contract in the class comment).
   *
   * @param methodBody the statements of {@code double[][] ntk(double[] v, double[] delta)}
   * @param size n, the number of end-to-end filter entries (length of v, order of K)
   * @param invariants H - 1, the length of delta
   * @throws InvalidInputException if the text does not compile (the message names line and column
   *     of the body)
   */
  public static ClosedFormNtk compile(String methodBody, int size, int invariants) {
    if (methodBody == null || methodBody.isBlank()) {
      throw new InvalidInputException("the closed form of K^(delta)(v) is empty");
    }
    if (size < 1 || invariants < 0) {
      throw new IllegalArgumentException("size must be positive and invariants non-negative");
    }
    ClassBodyEvaluator cbe = new ClassBodyEvaluator();
    cbe.setClassName(CLASS_NAME);
    cbe.setImplementedInterfaces(new Class<?>[] {NtkOfV.class});
    cbe.setDefaultImports("static java.lang.Math.*");
    cbe.setParentClassLoader(ClosedFormNtk.class.getClassLoader());
    // the signature shares line 1 with the body, so Janino's line numbers are the body's
    String classBody =
        "public double[][] ntk(double[] v, double[] delta) { " + methodBody + "\n}\n";
    try {
      cbe.cook(classBody);
      NtkOfV f = (NtkOfV) cbe.getClazz().getDeclaredConstructor().newInstance();
      return probed(new ClosedFormNtk(methodBody, size, invariants, f));
    } catch (CompileException e) {
      throw new InvalidInputException(
          "the closed form of K^(delta)(v) does not compile: " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the compiled closed form cannot be instantiated", e);
    }
  }

  /**
   * The closed form, once evaluated at a point with {@code size} entries and {@code invariants}
   * invariants: a closed form written for another architecture reads past v or delta, or returns
   * a matrix of another size, and is rejected as input here rather than failing inside a flow.
   */
  private static ClosedFormNtk probed(ClosedFormNtk k) {
    double[] v = new double[k.size];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1.0 + 0.125 * i;
    }
    try {
      k.ntk(v, new double[k.invariants]);
    } catch (IndexOutOfBoundsException | IllegalStateException e) {
      throw new InvalidInputException("the closed form of K^(delta)(v) was written for another"
          + " architecture: this one has " + k.size + " end-to-end entries and " + k.invariants
          + " invariants (" + e.getMessage() + ")");
    }
    return k;
  }

  /**
   * The method body of a source text: the text itself, or, for the class that {@code lcn formula
   * --format java} prints (which implements {@link NtkOfV}), the body of its {@code ntk} method.
   */
  public static String methodBody(String text) {
    String signature = "ntk(double[] v, double[] delta) {";
    int start = text.indexOf(signature);
    if (start < 0 || !text.contains("implements org.lcngeo.core.plan.NtkOfV")) {
      return text;
    }
    int end = text.lastIndexOf('}', text.lastIndexOf('}') - 1);
    if (end < start) {
      throw new InvalidInputException("the closed form's class has no complete ntk method");
    }
    return text.substring(start + signature.length(), end);
  }

  /** The method body this was compiled from. */
  public String source() {
    return source;
  }

  /** n, the number of end-to-end filter entries. */
  public int size() {
    return size;
  }

  /**
   * K^(delta)(v), evaluated by the compiled closed form.
   *
   * @throws IllegalArgumentException if v or delta have the wrong length
   * @throws IllegalStateException if the compiled code does not return an n x n array
   */
  @Override
  public double[][] ntk(double[] v, double[] delta) {
    if (v.length != size || delta.length != invariants) {
      throw new IllegalArgumentException(
          "the closed form takes " + size + " entries of v and " + invariants + " invariants, got "
              + v.length + " and " + delta.length);
    }
    double[][] k = compiled.ntk(v, delta);
    if (k == null || k.length != size) {
      throw new IllegalStateException("the closed form did not return " + size + " rows");
    }
    for (double[] row : k) {
      if (row == null || row.length != size) {
        throw new IllegalStateException("the closed form did not return " + size + " columns");
      }
    }
    return k;
  }
}
