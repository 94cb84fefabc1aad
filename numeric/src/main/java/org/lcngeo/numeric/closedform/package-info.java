/**
 * Closed forms of the metric K^(delta)(v) of Thm. 4 / Cor. 6 (for example Example 15's), compiled
 * from Java source text to double-precision code for the function-space flow (issue 5, item 4b).
 */
package org.lcngeo.numeric.closedform;
