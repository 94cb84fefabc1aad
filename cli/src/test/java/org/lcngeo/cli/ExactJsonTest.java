package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.lcngeo.symbolic.expr.Exprs;
import org.lcngeo.symbolic.paper.PaperExample;

/** Typed exact values in JSON: rationals as "p/q", trees in Symja syntax, records field by field. */
class ExactJsonTest {
  record Point(List<BigFraction> v, List<List<org.lcngeo.symbolic.expr.Expr>> ntk,
      PaperExample.NonNegative inequality) {}

  @Test
  void exactValuesAreStrings() {
    var half = Exprs.quotient(Exprs.sqrt(Exprs.num(2)), Exprs.num(2));
    Point p = new Point(List.of(new BigFraction(-3, 4), BigFraction.ONE), List.of(List.of(half, Exprs.ZERO)),
        new PaperExample.NonNegative(Exprs.sum(Exprs.power(Exprs.symbol("v", 2), 2), Exprs.num(-1))));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("point", p);
    assertThat(Output.jsonText(m).replaceAll("\\s+", "")).isEqualTo(
        "{\"point\":{\"v\":[\"-3/4\",\"1\"],\"ntk\":[[\"Sqrt(2)/2\",\"0\"]],\"inequality\":\"v2^2-1>=0\"}}");
    assertThat(Output.fields(p).get("v")).isEqualTo(List.of("-3/4", "1"));
  }
}
