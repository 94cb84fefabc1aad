/**
 * The delta-rescaling of Prop. 2 / 12 (proof in Sec. 7.1.1) and the rescaled NTK K^(delta) of
 * Thm. 4 / 13, exactly, over the number field Q(beta_1).
 */
package org.lcngeo.symbolic.rescale;
