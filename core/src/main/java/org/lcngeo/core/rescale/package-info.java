/**
 * The rescaling to prescribed invariants (Prop. 2 / 12) as one problem over an ordered ring; the
 * executors supply only its {@link org.lcngeo.core.rescale.RootSolver}.
 */
package org.lcngeo.core.rescale;
