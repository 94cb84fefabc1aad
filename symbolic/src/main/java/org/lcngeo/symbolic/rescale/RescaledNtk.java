package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;

/**
 * The NTK K^(delta) at a tuple rescaled to invariants delta (Thm. 4 / 13: it depends only on the
 * end-to-end filter and delta at smooth points), exactly: a symmetric matrix over Q(beta_1), each
 * entry a coefficient vector over 1, beta_1, ..., beta_1^(d-1).
 */
public final class RescaledNtk {
  private final NumberField field;
  private final List<List<FieldElement>> entries;

  RescaledNtk(NumberField field, List<List<FieldElement>> entries) {
    this.field = field;
    this.entries = entries;
  }

  /** The symmetric n x n NTK over the field from its upper triangle, entry(i, j) for i <= j. */
  static RescaledNtk symmetric(NumberField field, int n, BiFunction<Integer, Integer, FieldElement> upper) {
    List<List<FieldElement>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      org.lcngeo.core.Deadline.checkCurrent();
      List<FieldElement> row = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        row.add(j < i ? rows.get(j).get(i) : upper.apply(i, j));
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new RescaledNtk(field, Collections.unmodifiableList(rows));
  }

  /** Q(beta_1), the field of every entry. */
  public NumberField field() {
    return field;
  }

  /** The side n of the matrix (entries of the end-to-end filter). */
  public int size() {
    return entries.size();
  }

  public FieldElement entry(int i, int j) {
    return entries.get(i).get(j);
  }

  /** The matrix, rows of field elements. */
  public List<List<FieldElement>> entries() {
    return entries;
  }

  /**
   * Each entry as its coefficients [q_0, ..., q_{d-1}] over 1, beta_1, ..., beta_1^(d-1) (d is the
   * degree of beta_1), as in the golden cases' {@code ntkCoefficients}.
   */
  public List<List<List<BigFraction>>> ntkCoefficients() {
    return map(FieldElement::coefficients);
  }

  /** Each entry correctly rounded to the given significant digits, plain strings, "0" for zero. */
  public List<List<String>> ntkDecimal(int digits) {
    return map(e -> e.toDecimalString(digits));
  }

  /** Each entry as an expression tree ({@link FieldElement#toExpr}). */
  public List<List<Expr>> ntkExpr() {
    return map(FieldElement::toExpr);
  }

  /** Each entry as a real algebraic number (for comparisons with other fields). */
  public List<List<RealAlgebraicNumber>> toRealAlgebraic() {
    return map(FieldElement::toRealAlgebraic);
  }

  /**
   * Whether two NTKs are equal, decided exactly: entry vectors when both live in the same field,
   * otherwise by {@link FieldElement#allValuesEqual} (certified enclosures reject unequal NTKs
   * cheaply; equal entries of different fields are compared as real algebraic numbers).
   */
  public boolean exactlyEquals(RescaledNtk other) {
    if (other.size() != size()) {
      return false;
    }
    if (field.equals(other.field)) {
      return entries.equals(other.entries);
    }
    List<FieldElement> a = new ArrayList<>();
    List<FieldElement> b = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      org.lcngeo.core.Deadline.checkCurrent();
      for (int j = i; j < size(); j++) {
        a.add(entry(i, j));
        b.add(other.entry(i, j));
      }
    }
    return FieldElement.allValuesEqual(a, b);
  }

  /** Applies f once per distinct entry (NTKs repeat entries along diagonals). */
  private <T> List<List<T>> map(Function<FieldElement, T> f) {
    Map<FieldElement, T> cache = new HashMap<>();
    List<List<T>> out = new ArrayList<>(size());
    for (List<FieldElement> row : entries) {
      List<T> r = new ArrayList<>(row.size());
      for (FieldElement e : row) {
        r.add(cache.computeIfAbsent(e, f));
      }
      out.add(r);
    }
    return out;
  }

  @Override
  public String toString() {
    return "K^(delta) over " + field + ": " + entries;
  }
}
