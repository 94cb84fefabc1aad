/** The delta-rescaling of Prop. 2 / 12 and K^(delta) in double precision. */
package org.lcngeo.numeric.rescale;
