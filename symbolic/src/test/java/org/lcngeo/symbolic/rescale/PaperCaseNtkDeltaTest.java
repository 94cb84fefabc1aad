package org.lcngeo.symbolic.rescale;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.core.model.Architecture;
import org.lcngeo.core.model.FilterTuple;

/** The {@code ntk_delta} golden cases of shared/examples/paper-cases.json (a copy in the test resources). */
class PaperCaseNtkDeltaTest {
  private static final java.net.URL CASES = PaperCaseNtkDeltaTest.class.getResource("/paper-cases.json");
  private static final BigDecimal TOLERANCE = new BigDecimal("1e-35");

  static Stream<JsonNode> cases() throws IOException {
    JsonNode root = new ObjectMapper().readTree(CASES);
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c : root.get("cases")) {
      if (c.get("kind").asText().equals("ntk_delta")) {
        out.add(c);
      }
    }
    assertThat(out).isNotEmpty();
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void matchesGoldenCase(JsonNode c) {
    JsonNode in = c.get("input");
    JsonNode ex = c.get("expected");
    Architecture arch = Architecture.of(intMatrix(in.get("filterSizes")), intMatrix(in.get("strides")));
    List<List<BigFraction>> layers = new ArrayList<>();
    for (JsonNode w : in.get("filters")) {
      List<BigFraction> flat = new ArrayList<>();
      flatten(w, flat);
      layers.add(flat);
    }
    FilterTuple<BigFraction> theta = FilterTuple.of(arch, layers);
    RescaledTuple r = Rescaling.rescale(theta, rationals(in.get("delta")));

    JsonNode b = ex.get("beta1");
    assertThat(reversed(r.polynomial())).isEqualTo(rationals(b.get("polynomial")));
    assertThat(reversed(r.beta1().minimalPolynomial())).isEqualTo(rationals(b.get("minimalPolynomial")));
    assertThat(r.lowerBound()).isEqualTo(Rationals.parse(b.get("lowerBound").asText()));
    assertThat(r.beta1().toDecimalString(40)).isEqualTo(b.get("decimal").asText());
    assertThat(r.offsets()).isEqualTo(rationals(ex.get("offsets")));
    assertThat(r.productOfSquaredNorms()).isEqualTo(Rationals.parse(ex.get("productOfSquaredNorms").asText()));
    assertThat(r.squaredNorms()).isEqualTo(rationals(ex.get("squaredNorms")));

    for (int l = 0; l < theta.depth(); l++) {
      assertClose(r.lambdas().get(l).toBigDecimal(45), ex.get("lambdas").get(l).asText());
      List<String> decimals = new ArrayList<>();
      flattenText(ex.get("rescaledFilters").get(l), decimals);
      for (int j = 0; j < decimals.size(); j++) {
        assertClose(r.filters().layer(l).get(j).toBigDecimal(45), decimals.get(j));
      }
    }
    // lambdaSquaredExact is SymPy syntax; compare its value through the 40-digit lambdas.
    for (int l = 0; l < theta.depth(); l++) {
      BigDecimal lam = new BigDecimal(ex.get("lambdas").get(l).asText());
      assertClose(r.lambdaSquared().get(l).toBigDecimal(45),
          lam.multiply(lam, new MathContext(80)).toPlainString());
    }

    RescaledNtk k = r.ntk();
    JsonNode coeffs = ex.get("ntkCoefficients");
    List<List<List<BigFraction>>> got = k.ntkCoefficients();
    List<List<String>> dec = k.ntkDecimal(40);
    for (int i = 0; i < k.size(); i++) {
      for (int j = 0; j < k.size(); j++) {
        assertThat(got.get(i).get(j)).isEqualTo(rationals(coeffs.get(i).get(j)));
        String expected = ex.get("ntkDecimal").get(i).get(j).asText();
        assertClose(new BigDecimal(dec.get(i).get(j)), expected);
        if (expected.equals("0")) {
          assertThat(dec.get(i).get(j)).isEqualTo("0");
        }
      }
    }
  }

  static void assertClose(BigDecimal got, String expected) {
    BigDecimal e = new BigDecimal(expected);
    BigDecimal diff = got.subtract(e).abs();
    assertThat(diff.compareTo(TOLERANCE.multiply(e.abs().max(BigDecimal.ONE.scaleByPowerOfTen(-30)))))
        .as("%s vs %s", got, expected)
        .isLessThanOrEqualTo(0);
  }

  static List<BigFraction> rationals(JsonNode a) {
    List<BigFraction> out = new ArrayList<>();
    a.forEach(x -> out.add(Rationals.parse(x.asText())));
    return out;
  }

  static <T> List<T> reversed(List<T> a) {
    List<T> r = new ArrayList<>(a);
    Collections.reverse(r);
    return r;
  }

  static int[][] intMatrix(JsonNode a) {
    int[][] m = new int[a.size()][];
    for (int i = 0; i < a.size(); i++) {
      m[i] = new int[a.get(i).size()];
      for (int j = 0; j < m[i].length; j++) {
        m[i][j] = a.get(i).get(j).asInt();
      }
    }
    return m;
  }

  static void flatten(JsonNode n, List<BigFraction> out) {
    if (n.isArray()) {
      n.forEach(x -> flatten(x, out));
    } else {
      out.add(Rationals.parse(n.asText()));
    }
  }

  static void flattenText(JsonNode n, List<String> out) {
    if (n.isArray()) {
      n.forEach(x -> flattenText(x, out));
    } else {
      out.add(n.asText());
    }
  }
}
