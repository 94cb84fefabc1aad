/**
 * The exact executor of the plan of mu over Q (paper, Observation 3 and eq. 8 / Lemma 9): {@link
 * org.lcngeo.symbolic.ntk.ExactNtk} (end-to-end filter, Jacobian, layer kernels K_l, NTK, rank,
 * invariants at a rational filter tuple) on integer numerators with one common denominator ({@link
 * org.lcngeo.symbolic.ntk.ScaledIntegerMatrix}), and the certain rank of integer matrices ({@link
 * org.lcngeo.symbolic.ntk.ExactRank}). mu as a product of sparse JAS polynomials is {@link
 * org.lcngeo.symbolic.poly.LayerPolynomials}.
 */
package org.lcngeo.symbolic.ntk;
