package org.lcngeo.symbolic.manifold;

import org.lcngeo.core.model.Architecture;

/**
 * Whether mu is generically one-to-one up to scaling, decided rather than read off a sufficient
 * condition (Thm. 4, Cor. 10 are only sufficient). deg(mu), the number of points of a generic
 * fiber of the projectivized mu over C, is at most the length of any finite fiber, which {@link
 * Implicitization#fiberLength} computes at a random point: length 1 proves deg(mu) = 1. A lower
 * bound deg(mu) >= 2 comes from a structural witness that moves a generic point inside its fiber:
 * two layers that can exchange their filters (Observation 11), or two layers that are polynomials
 * in the same power x^t of the same variable (every stride between them 1 along that axis), which
 * can exchange roots (Ex. 19). Without either, the answer is undecided (null) and says why.
 *
 * @param oneToOne true, false, or null when undecided
 * @param fiberLength the length of the fiber at a random point (an upper bound of deg(mu)); 0 when
 *     it was not computed (a witness decided first) or not finite
 * @param reason why
 */
public record GenericFiber(Boolean oneToOne, long fiberLength, String reason) {

  /** Decides it for an architecture (within the running command's time bound). */
  public static GenericFiber of(Architecture a) {
    for (int l = 0; l < a.depth(); l++) {
      for (int o = l + 1; o < a.depth(); o++) {
        if (a.layersSwappable(l, o)) {
          return new GenericFiber(false, 0, "layers " + (l + 1) + " and " + (o + 1)
              + " can exchange their filters without changing mu (Observation 11): a generic fiber"
              + " has at least two points up to scaling");
        }
        int axis = commonAxis(a, l, o);
        if (axis >= 0) {
          return new GenericFiber(false, 0, "layers " + (l + 1) + " and " + (o + 1)
              + " are polynomials in the same power x" + (a.dims() > 1 ? "_" + (axis + 1) : "")
              + "^" + a.dilation(l)[axis] + " (stride 1 between them), so they can exchange"
              + " roots without changing mu (Ex. 19): a generic fiber has several points up to"
              + " scaling over C, one per distribution of the roots (several branches of the"
              + " inverse)");
        }
      }
    }
    long length = Implicitization.fiberLength(a);
    if (length == 1) {
      return new GenericFiber(true, 1, "the fiber of mu at a random point has exactly one point up to"
          + " scaling, with multiplicity one (Groebner basis mod p), so a generic fiber has one");
    }
    return new GenericFiber(null, length, length == 0
        ? "the fiber at a random point is not finite mod p"
        : "the fiber at a random point has " + length + " points up to scaling (an upper bound of"
            + " the generic number), and no symmetry of mu was found that proves more than one");
  }

  /** The axis along which both layers are univariate with equal dilation, or -1. */
  private static int commonAxis(Architecture a, int l, int o) {
    int axis = -1;
    for (int m = 0; m < a.dims(); m++) {
      boolean inL = a.size(l)[m] > 1;
      boolean inO = a.size(o)[m] > 1;
      if (inL != inO || (inL && axis >= 0)) {
        return -1;
      }
      if (inL) {
        axis = m;
      }
    }
    return axis >= 0 && a.dilation(l)[axis] == a.dilation(o)[axis] ? axis : -1;
  }
}
