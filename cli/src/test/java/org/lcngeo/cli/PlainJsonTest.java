package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainJson} writes the bytes {@link Output}'s mapper wrote (flow and sweep output, sweep
 * settings files) and the compact JSON whose SHA-256 a sweep's settings file records, so that
 * files written before still resume.
 */
class PlainJsonTest {
  private static final ObjectMapper INDENTED =
      new ObjectMapper().registerModule(ExactJson.module()).enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper COMPACT = new ObjectMapper();

  @Property(tries = 500)
  void writesWhatTheMapperWrites(@ForAll("objects") Map<String, Object> object) throws Exception {
    assertThat(PlainJson.plain(object)).isTrue();
    assertThat(PlainJson.text(object, true)).isEqualTo(INDENTED.writeValueAsString(object));
    assertThat(PlainJson.text(object, false).getBytes(StandardCharsets.UTF_8))
        .isEqualTo(COMPACT.writeValueAsBytes(object));
    assertThat(Output.jsonText(object)).isEqualTo(INDENTED.writeValueAsString(object));
  }

  @Test
  void otherValuesAreNotPlainAndGoThroughTheMapper() {
    record Point(double x) {}
    for (Object other : List.of(new BigFraction(1, 3), 1.5f, new Point(2), new Object[] {1},
        Map.of(1, "a"), List.of(List.of(new BigFraction(2)))))  {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("v", other);
      assertThat(PlainJson.plain(m)).as(String.valueOf(other)).isFalse();
    }
    Map<String, Object> exact = new LinkedHashMap<>();
    exact.put("v", List.of(new BigFraction(-3, 4)));
    assertThat(Output.jsonText(exact).replaceAll("\\s+", "")).isEqualTo("{\"v\":[\"-3/4\"]}");
  }

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    return Arbitraries.maps(keys(), values(3)).ofMaxSize(6).map(LinkedHashMap::new);
  }

  private static Arbitrary<String> keys() {
    return Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(6),
        Arbitraries.strings().ofMaxLength(4));
  }

  private static Arbitrary<Object> values(int depth) {
    Arbitrary<Object> leaves = Arbitraries.oneOf(
        Arbitraries.integers().map(x -> (Object) x),
        Arbitraries.longs().map(x -> (Object) x),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(x -> (Object) x),
        Arbitraries.doubles().map(x -> (Object) x),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 1e-300,
            Double.MIN_VALUE, 2302.9138210488).map(x -> (Object) x),
        Arbitraries.strings().ofMaxLength(8).map(x -> (Object) x),
        Arbitraries.of(true, false).map(x -> (Object) x),
        Arbitraries.just(null),
        Arbitraries.integers().array(int[].class).ofMaxSize(4).map(x -> (Object) x),
        Arbitraries.longs().array(long[].class).ofMaxSize(4).map(x -> (Object) x),
        Arbitraries.doubles().array(double[].class).ofMaxSize(4).map(x -> (Object) x));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<Object> lists =
        values(depth - 1).list().ofMaxSize(4).map(x -> (Object) new ArrayList<>(x));
    Arbitrary<Object> maps = Arbitraries.maps(keys(), values(depth - 1)).ofMaxSize(4)
        .map(m -> (Object) new LinkedHashMap<String, Object>(m));
    return Arbitraries.frequencyOf(Tuple.of(4, leaves), Tuple.of(1, lists), Tuple.of(1, maps));
  }
}
