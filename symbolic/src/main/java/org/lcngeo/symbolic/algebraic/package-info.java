/**
 * Exact real algebraic numbers for the rescaled NTKs of Prop. 2 / 12 and Example 19 of the paper:
 * {@link org.lcngeo.symbolic.algebraic.RealAlgebraicNumber} (minimal polynomial and isolating
 * interval, general arithmetic by resultants, certified comparisons, in the spirit of
 * FLINT/Calcium's qqbar, built on JAS), and the fast path {@link
 * org.lcngeo.symbolic.algebraic.NumberField} / {@link org.lcngeo.symbolic.algebraic.FieldElement}
 * for values that share one field Q(theta).
 */
package org.lcngeo.symbolic.algebraic;
