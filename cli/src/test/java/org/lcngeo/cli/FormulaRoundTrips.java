package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Assumptions;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;
import org.matheclipse.core.eval.ExprEvaluator;

/**
 * What the round trips of {@code lcn formula}'s formats share ({@link FormulaFormatsRoundTripTest},
 * {@link DeterminantInverseFormatsTest}, {@link FactorInverseFormatsTest}, {@link
 * ComposedNtkFormatsTest}): running Macaulay2 and pdflatex, reading a Symja session, rational lists
 * in and out, and the random 2-D architectures of the factoring form.
 */
final class FormulaRoundTrips {
  private static final Pattern RATIONAL = Pattern.compile("-?\\d+(/\\d+)?");

  private FormulaRoundTrips() {}

  /** A random filter tuple theta (of its architecture). */
  record Case(FilterTuple<BigFraction> theta) {
    @Override
    public String toString() {
      return theta.architecture().summary() + " theta=" + theta;
    }
  }

  /** 2-D, stride 1, {@code depth} layers of pairwise distinct sizes up to 3x3 with >= 2 entries. */
  static Arbitrary<Architecture> factoringArchitectures(Arbitrary<Integer> depth) {
    Arbitrary<int[]> size = Combinators.combine(Arbitraries.integers().between(1, 3),
        Arbitraries.integers().between(1, 3)).as((p, q) -> new int[] {p, q}).filter(s -> s[0] * s[1] >= 2);
    return depth.flatMap(h -> size.list().ofSize(h)
        .filter(l -> l.stream().map(s -> s[0] * 10 + s[1]).distinct().count() == h)
        .map(l -> {
          int[][] strides = new int[h][];
          for (int i = 0; i < h; i++) {
            strides[i] = new int[] {1, 1};
          }
          return Architecture.of(l.toArray(int[][]::new), strides);
        }));
  }

  /** Whether {@code command --version} runs and exits 0. */
  static boolean has(String command) {
    try {
      Process p = new ProcessBuilder(command, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs the command in dir; asserts that it ends within 300 s with exit 0; its output. */
  static String run(Path dir, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  /**
   * Runs {@code M2 --script} on the script written as {@code name} in a new temporary directory
   * (prefix {@code prefix}), deleted after a run with exit 0; the output.
   */
  static String runMacaulay2(String prefix, String name, CharSequence script) throws Exception {
    Path dir = Files.createTempDirectory(prefix);
    Files.writeString(dir.resolve(name), script);
    String out = run(dir, "M2", "--script", name);
    delete(dir);
    return out;
  }

  /** Skips the test (an assumption) when Macaulay2 is not installed. */
  static void assumeMacaulay2() {
    Assumptions.assumeTrue(has("M2"), "Macaulay2 (M2) is not installed; .ci/run installs it");
  }

  /** The rationals of a line, in order. */
  static List<BigFraction> rationals(String line) {
    List<BigFraction> out = new ArrayList<>();
    Matcher m = RATIONAL.matcher(line);
    while (m.find()) {
      out.add(Rationals.parse(m.group()));
    }
    return out;
  }

  /** {x0, x1, ...} (a Symja or Macaulay2 list). */
  static String list(List<BigFraction> xs) {
    return "{" + String.join(", ", xs.stream().map(Rationals::format).toList()) + "}";
  }

  /** Evaluates a printed Symja session statement by statement (a matrix spans several lines; comments are skipped). */
  static void evalSession(ExprEvaluator symja, String session) {
    for (String statement : session.replaceAll("(?m)^\\(\\*.*\\*\\)$", "").split(";\n")) {
      if (!statement.isBlank()) {
        symja.eval(statement);
      }
    }
  }

  /** pdflatex compiles tex in dir on A4 with no overfull box (skipped without pdflatex). */
  static void assertCompilesOnA4(Path dir, String tex) throws Exception {
    Assumptions.assumeTrue(has("pdflatex"), "pdflatex is not installed; .ci/run installs texlive-latex-base");
    assertThat(tex).startsWith("\\documentclass[a4paper]{article}");
    Files.writeString(dir.resolve("doc.tex"), tex);
    run(dir, "pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex");
    String log = Files.readString(dir.resolve("doc.log"), StandardCharsets.ISO_8859_1);
    assertThat(log).contains("Output written on doc.pdf").doesNotContain("Overfull \\hbox")
        .doesNotContain("Overfull \\vbox");
  }

  /** {@link #assertCompilesOnA4} in a new temporary directory (prefix), deleted after. */
  static void assertCompilesOnA4(String prefix, String tex) throws Exception {
    Path dir = Files.createTempDirectory(prefix);
    assertCompilesOnA4(dir, tex);
    delete(dir);
  }

  static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
