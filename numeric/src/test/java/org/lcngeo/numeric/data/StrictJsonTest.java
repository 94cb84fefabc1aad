package org.lcngeo.numeric.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lcngeo.core.InvalidInputException;

/**
 * {@link StrictJson} reads what {@code ObjectMapper.readTree} with {@code FAIL_ON_TRAILING_TOKENS}
 * reads (it replaced that mapper in {@link TrainingData}): the same trees, node types included,
 * and the same errors for broken documents.
 */
class StrictJsonTest {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @Property(tries = 300)
  void readsTheTreeTheMapperReads(@ForAll("documents") String text) throws Exception {
    JsonNode ours = StrictJson.read(text);
    JsonNode theirs = MAPPER.readTree(text);
    assertThat(ours).isEqualTo(theirs);
    assertThat(classes(ours)).isEqualTo(classes(theirs));
  }

  /** Broken documents (cut, or a character inserted): the same tree or the same error. */
  @Property(tries = 500)
  void failsWhereTheMapperFails(@ForAll("documents") String text,
      @ForAll @IntRange(min = 0, max = 1_000) int at, @ForAll("junk") String junk,
      @ForAll boolean cut) {
    int i = Math.min(at, text.length());
    String broken = cut ? text.substring(0, i) : text.substring(0, i) + junk + text.substring(i);
    String ours = outcome(() -> StrictJson.read(broken));
    String theirs = outcome(() -> MAPPER.readTree(broken));
    assertThat(ours).isEqualTo(theirs);
  }

  @Test
  void trailingValuesAndEmptyInput() {
    for (String t : List.of("[1] 2", "{\"a\": 1} {", "1 [", "null null", "\"x\" 3")) {
      assertThat(outcome(() -> StrictJson.read(t))).isEqualTo(outcome(() -> MAPPER.readTree(t)))
          .contains("Trailing token");
    }
    for (String t : List.of("", "  \n")) {
      assertThat(outcome(() -> StrictJson.read(t))).isEqualTo(outcome(() -> MAPPER.readTree(t)))
          .isEqualTo("MissingNode ");
    }
    assertThatThrownBy(() -> TrainingData.readJson("[1, 2] x", "d.json"))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("d.json is not valid JSON");
  }

  /** Numbers at the edges of int, long and double, as text. */
  @Property(tries = 300)
  void numbersKeepTheirType(@ForAll("numbers") String number) throws Exception {
    String text = "[" + number + ", {\"v\": " + number + "}]";
    assertThat(classes(StrictJson.read(text))).isEqualTo(classes(MAPPER.readTree(text)));
    assertThat(StrictJson.read(text)).isEqualTo(MAPPER.readTree(text));
  }

  @Provide
  Arbitrary<String> numbers() {
    Arbitrary<String> ints = Arbitraries.bigIntegers()
        .between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70)).map(BigInteger::toString);
    Arbitrary<String> edges = Arbitraries.of(Integer.MAX_VALUE, Integer.MIN_VALUE,
        (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE, Long.MIN_VALUE).map(String::valueOf);
    Arbitrary<String> doubles = Arbitraries.doubles().map(String::valueOf)
        .filter(s -> !s.contains("Infinity") && !s.contains("NaN"));
    Arbitrary<String> exponents = Arbitraries.integers().between(-330, 330)
        .flatMap(e -> Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25)
            .filter(m -> m.length() == 1 || m.charAt(0) != '0').map(m -> m + "e" + e));
    return Arbitraries.oneOf(ints, edges, doubles, exponents);
  }

  @Provide
  Arbitrary<String> junk() {
    return Arbitraries.of(",", "]", "}", "[", "{", ":", "\"", "x", "1", "-", ".", "e", " ", "\\", "nul");
  }

  @Provide
  Arbitrary<String> documents() {
    return values(3).map(v -> {
      try {
        return MAPPER.writeValueAsString(v);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static Arbitrary<Object> values(int depth) {
    Arbitrary<Object> leaves = Arbitraries.oneOf(
        Arbitraries.integers().map(x -> (Object) x),
        Arbitraries.longs().map(x -> (Object) x),
        Arbitraries.doubles().filter(Double::isFinite).map(x -> (Object) x),
        Arbitraries.strings().ofMaxLength(8).map(x -> (Object) x),
        Arbitraries.of(true, false).map(x -> (Object) x),
        Arbitraries.just(null));
    if (depth == 0) {
      return leaves;
    }
    Arbitrary<Object> lists = values(depth - 1).list().ofMaxSize(4).map(x -> (Object) x);
    Arbitrary<Object> maps = Arbitraries.maps(
            Arbitraries.strings().alpha().ofMaxLength(3), values(depth - 1)).ofMaxSize(4)
        .map(m -> (Object) new LinkedHashMap<String, Object>(m));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaves), net.jqwik.api.Tuple.of(2, lists),
        net.jqwik.api.Tuple.of(2, maps));
  }

  /** The node classes of a tree, in document order. */
  private static String classes(JsonNode n) {
    StringBuilder b = new StringBuilder(n.getClass().getSimpleName());
    if (n.isContainerNode()) {
      b.append('(');
      n.fieldNames().forEachRemaining(k -> b.append(k).append(':'));
      for (JsonNode c : n) {
        b.append(classes(c)).append(' ');
      }
      b.append(')');
    }
    return b.toString();
  }

  private interface Read {
    JsonNode read() throws Exception;
  }

  /** The tree's text and node classes, or the error's message and location. */
  private static String outcome(Read r) {
    try {
      JsonNode n = r.read();
      return n.getClass().getSimpleName() + " " + (n.isMissingNode() ? "" : n + " " + classes(n));
    } catch (JsonProcessingException e) {
      return "error " + e.getClass().getSimpleName() + ": " + e.getOriginalMessage() + " at "
          + (e.getLocation() == null ? null
              : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr());
    } catch (Exception e) {
      return "error " + e;
    }
  }
}
