package org.lcngeo.symbolic.rescale;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.model.FilterTuple;
import org.lcngeo.symbolic.algebraic.FieldElement;
import org.lcngeo.symbolic.algebraic.FieldExtensions;
import org.lcngeo.symbolic.algebraic.NumberField;
import org.lcngeo.symbolic.algebraic.RealAlgebraicNumber;
import org.lcngeo.symbolic.algebraic.Symja;

/**
 * A filter tuple with entries in a real number field K = Q(gamma) rescaled to prescribed
 * invariants (Prop. 2 / 12), exactly: beta_1 is the root of P(x) = prod_l (x + c_l) - C with C =
 * prod ||w_l||^2 in K, and beta_l, lambda_l^2 and the rescaled NTK live in L = Q(gamma, beta_1)
 * (one primitive element, {@link FieldExtensions}). Built by {@link AlgebraicRescaling#rescale}.
 * The square roots lambda_l are computed on first use.
 */
public final class AlgebraicRescaledTuple implements RescaledFilters {
  private final FilterTuple<FieldElement> original;
  private final List<BigFraction> delta;
  private final List<FieldElement> squaredNorms;
  private final RealAlgebraicNumber beta1;
  private final FieldExtensions.Extension extension;
  private final List<FieldElement> lambdaSquared;
  /** ||w_l||^2 / beta_l = 1 / lambda_l^2 in L: the weight of K_l in K^(delta). */
  private final List<FieldElement> kernelWeights;
  private List<RealAlgebraicNumber> lambdas;
  private FilterTuple<RealAlgebraicNumber> filters;

  AlgebraicRescaledTuple(
      FilterTuple<FieldElement> original,
      List<BigFraction> delta,
      List<FieldElement> squaredNorms,
      List<BigFraction> offsets,
      RealAlgebraicNumber beta1,
      FieldExtensions.Extension extension) {
    this.original = original;
    this.delta = List.copyOf(delta);
    this.squaredNorms = List.copyOf(squaredNorms);
    this.beta1 = beta1;
    this.extension = extension;
    List<FieldElement> ls = new ArrayList<>();
    List<FieldElement> kw = new ArrayList<>();
    for (int l = 0; l < offsets.size(); l++) {
      FieldElement beta = extension.adjoined().add(extension.field().element(offsets.get(l)));
      FieldElement norm = extension.map(squaredNorms.get(l));
      ls.add(beta.divide(norm));
      kw.add(norm.divide(beta));
    }
    this.lambdaSquared = Collections.unmodifiableList(ls);
    this.kernelWeights = Collections.unmodifiableList(kw);
  }

  /** The tuple before rescaling, entries in K. */
  public FilterTuple<FieldElement> original() {
    return original;
  }

  public List<BigFraction> delta() {
    return delta;
  }

  /** ||w_l||^2 of the original filters, in K. */
  public List<FieldElement> squaredNorms() {
    return squaredNorms;
  }

  /** beta_1 = ||lambda_1 w_1||^2. */
  public RealAlgebraicNumber beta1() {
    return beta1;
  }

  /** L = Q(gamma, beta_1): every lambda_l^2 and entry of K^(delta) lies in it. */
  public NumberField field() {
    return extension.field();
  }

  /** lambda_l^2 = beta_l / ||w_l||^2, in L. */
  public List<FieldElement> lambdaSquared() {
    return lambdaSquared;
  }

  @Override
  public synchronized List<RealAlgebraicNumber> lambdas() {
    if (lambdas == null) {
      List<RealAlgebraicNumber> l = new ArrayList<>();
      for (FieldElement s : lambdaSquared) {
        l.add(s.toRealAlgebraic().sqrt());
      }
      lambdas = Collections.unmodifiableList(l);
    }
    return lambdas;
  }

  @Override
  public synchronized FilterTuple<RealAlgebraicNumber> filters() {
    if (filters == null) {
      List<RealAlgebraicNumber> lam = lambdas();
      List<List<RealAlgebraicNumber>> layers = new ArrayList<>();
      for (int l = 0; l < original.depth(); l++) {
        List<RealAlgebraicNumber> w = new ArrayList<>();
        for (FieldElement x : original.layer(l)) {
          w.add(x.isRational() ? lam.get(l).multiply(x.toRational())
              : lam.get(l).multiply(x.toRealAlgebraic()));
        }
        layers.add(w);
      }
      filters = FilterTuple.of(original.architecture(), layers);
    }
    return filters;
  }

  /**
   * lambda_l in Symja syntax: a radical when it has degree at most two, else Sqrt(lambda_l^2)
   * with lambda_l^2 in L.
   */
  @Override
  public String lambdaSymja(int l) {
    RealAlgebraicNumber lam = lambdas().get(l);
    return lam.degree() <= 2 ? lam.toSymja() : "Sqrt(" + lambdaSquared.get(l).toSymja() + ")";
  }

  /** Each rescaled entry as w_j * lambda_l, w_j by its own Symja form (radical or Root). */
  @Override
  public List<List<String>> filtersSymja() {
    List<List<String>> out = new ArrayList<>();
    for (int l = 0; l < original.depth(); l++) {
      String ls = lambdaSymja(l);
      RealAlgebraicNumber lam = lambdas().get(l);
      List<String> w = new ArrayList<>();
      for (FieldElement x : original.layer(l)) {
        if (x.isRational()) {
          w.add(lam.isRational() ? Symja.rational(x.toRational().multiply(lam.toRational()))
              : Symja.product(x.toRational(), ls));
        } else {
          w.add("(" + x.toRealAlgebraic().toSymja() + ")*(" + ls + ")");
        }
      }
      out.add(w);
    }
    return out;
  }

  /**
   * K^(delta) = sum_l (||w_l||^2 / beta_l) K_l(w) (Observation 3), from the layer kernels K_l of
   * the original tuple with entries in K; the result lies in L.
   */
  public RescaledNtk ntk(List<List<List<FieldElement>>> layerKernels) {
    int n = original.architecture().endToEndEntries();
    NumberField field = extension.field();
    List<List<FieldElement>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<FieldElement> row = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        if (j < i) {
          row.add(rows.get(j).get(i));
          continue;
        }
        FieldElement s = field.zero();
        for (int l = 0; l < layerKernels.size(); l++) {
          FieldElement k = layerKernels.get(l).get(i).get(j);
          if (!k.isZero()) {
            s = s.add(kernelWeights.get(l).multiply(extension.map(k)));
          }
        }
        row.add(s);
      }
      rows.add(Collections.unmodifiableList(row));
    }
    return new RescaledNtk(field, Collections.unmodifiableList(rows));
  }
}
