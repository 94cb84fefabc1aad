package org.lcngeo.symbolic.formula;

import edu.jas.arith.BigRational;
import edu.jas.poly.GenPolynomial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.core.algebra.Rationals;

/**
 * The invariants delta_1, ..., delta_{H-1} (eq. 1) of a closed form, each exact rational or a
 * symbol, as polynomials in Q[symbols]; with the offsets c_1 = 0, c_l = delta_1 + ... +
 * delta_{l-1} of Prop. 2. The user writes a symbol {@code d} (or {@code d1, d2, ...} per layer);
 * it is named {@code delta} ({@code delta1, delta2, ...}) in every output, since {@code d0, d1,
 * ...} are the entries of layer 4.
 */
public final class Invariants {
  private static final Pattern SYMBOL = Pattern.compile("d(elta)?(\\d*)");

  private final PolynomialRing ring;
  private final List<GenPolynomial<BigRational>> deltas;

  private Invariants(PolynomialRing ring, List<GenPolynomial<BigRational>> deltas) {
    this.ring = ring;
    this.deltas = List.copyOf(deltas);
  }

  /** Symbolic invariants: {@code delta} for two layers, {@code delta1, ..., delta<H-1>} otherwise. */
  public static Invariants symbolic(int depth) {
    if (depth < 2) {
      return new Invariants(PolynomialRing.withVariables(List.of("delta")), List.of());
    }
    if (depth == 2) {
      return parse("d", depth);
    }
    List<String> names = new ArrayList<>();
    for (int l = 1; l < depth; l++) {
      names.add("d" + l);
    }
    return parse(String.join(",", names), depth);
  }

  /**
   * Parses {@code --delta}: comma-separated exact rationals or symbols {@code d}, {@code d<i>}; a
   * single entry is used for every layer.
   */
  public static Invariants parse(String text, int depth) {
    if (depth < 2) {
      throw new InvalidInputException("--delta: a network with one layer has no invariants");
    }
    String[] parts = text.strip().split(",", -1);
    if (parts.length != 1 && parts.length != depth - 1) {
      throw new InvalidInputException(
          "--delta needs 1 or " + (depth - 1) + " values for " + depth + " layers, got "
              + parts.length);
    }
    Set<String> symbols = new LinkedHashSet<>();
    for (String p : parts) {
      String s = p.strip();
      Matcher m = SYMBOL.matcher(s);
      if (m.matches()) {
        String index = m.group(2);
        if (!index.isEmpty() && (index.length() > 3 || Integer.parseInt(index) < 1
            || Integer.parseInt(index) > depth - 1)) {
          throw new InvalidInputException(
              "--delta: symbol " + s + " names no invariant; use d or d1..d" + (depth - 1));
        }
        symbols.add("delta" + index);
      }
    }
    PolynomialRing ring =
        PolynomialRing.withVariables(symbols.isEmpty() ? List.of("delta") : List.copyOf(symbols));
    List<GenPolynomial<BigRational>> deltas = new ArrayList<>();
    for (String p : parts) {
      String s = p.strip();
      Matcher m = SYMBOL.matcher(s);
      if (m.matches()) {
        deltas.add(ring.variable("delta" + m.group(2)));
      } else {
        try {
          deltas.add(ring.constant(Rationals.parse(s)));
        } catch (InvalidInputException e) {
          throw new InvalidInputException(
              "--delta: '" + s + "' is neither a rational number nor a symbol d, d1, d2, ...");
        }
      }
    }
    if (deltas.size() == 1) {
      deltas = new ArrayList<>(Collections.nCopies(Math.max(depth - 1, 0), deltas.get(0)));
    }
    return new Invariants(ring, deltas);
  }

  public PolynomialRing ring() {
    return ring;
  }

  /** delta_1, ..., delta_{H-1}. */
  public List<GenPolynomial<BigRational>> deltas() {
    return deltas;
  }

  /** The symbols used, in order of appearance (none when every delta is a number). */
  public List<String> symbols() {
    List<String> names = ring.variableNames();
    List<String> used = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      int index = i; // GenPolynomial.degree(i) counts variables in the order they are named
      if (deltas.stream().anyMatch(d -> d.degree(index) > 0)) {
        used.add(names.get(i));
      }
    }
    return used;
  }

  /** c_l = delta_1 + ... + delta_{l-1} for layer l (0-based): c of the first layer is 0. */
  public GenPolynomial<BigRational> offset(int l) {
    GenPolynomial<BigRational> c = ring.zero();
    for (int i = 0; i < l; i++) {
      c = c.sum(deltas.get(i));
    }
    return c;
  }
}
