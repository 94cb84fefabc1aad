/**
 * Exact linear algebra over Q shared by the symbolic packages: the one Gauss-Jordan row reduction
 * ({@link org.lcngeo.symbolic.linalg.ExactLinearAlgebra}) behind the tangent spaces of Lemma 5 /
 * Corollary 6, the column spaces of the Jacobian of mu at fiber points (Thm. 13) and the linear
 * relations on the graph of mu.
 */
package org.lcngeo.symbolic.linalg;
