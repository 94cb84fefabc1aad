package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hipparchus.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/**
 * Plain values are written without data binding, byte for byte as the mapper writes them (the
 * outputs of lcn manifold, flows and sweeps must not change); other values still go to the mapper.
 */
class PlainJsonTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Property(tries = 300)
  void plainValuesAreWrittenAsTheMapperWritesThem(@ForAll("objects") Map<String, Object> value)
      throws Exception {
    assertThat(PlainJson.isPlain(value)).isTrue();
    assertThat(Output.jsonText(value)).isEqualTo(MAPPER.writeValueAsString(value));
  }

  @Test
  void otherValuesAreLeftToTheMapper() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sizes", List.of(new int[] {3, 2}));
    assertThat(PlainJson.isPlain(m)).isTrue();
    m.put("v", List.of(new BigFraction(-3, 4)));
    assertThat(PlainJson.isPlain(m)).isFalse();
    assertThat(Output.jsonText(m)).contains("\"-3/4\"");
    assertThat(PlainJson.isPlain(Map.of(1, "a"))).isFalse();
    assertThat(PlainJson.isPlain(List.of(1.5f))).isFalse();
  }

  @Provide
  Arbitrary<Map<String, Object>> objects() {
    return Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), value(3)).ofMaxSize(5)
        .map(LinkedHashMap::new);
  }

  private static Arbitrary<Object> value(int depth) {
    Arbitrary<Object> leaf = Arbitraries.<Object>oneOf(
        Arbitraries.strings().all().ofMaxLength(8).map(x -> (Object) x),
        Arbitraries.integers().map(x -> (Object) x),
        Arbitraries.longs().map(x -> (Object) x),
        Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30))
            .map(x -> (Object) x),
        Arbitraries.doubles().withStandardSpecialValues().map(x -> (Object) x),
        Arbitraries.of(true, false).map(x -> (Object) x),
        Arbitraries.integers().array(int[].class).ofMaxSize(4).map(x -> (Object) x),
        Arbitraries.doubles().withStandardSpecialValues().array(double[].class).ofMaxSize(4)
            .map(x -> (Object) x))
        .injectNull(0.1);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<Object> lists = value(depth - 1).list().ofMaxSize(4).map(x -> (Object) x);
    Arbitrary<Object> maps = Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), value(depth - 1))
        .ofMaxSize(3).map(x -> new LinkedHashMap<String, Object>(x));
    return Arbitraries.oneOf(leaf, lists, maps);
  }
}
