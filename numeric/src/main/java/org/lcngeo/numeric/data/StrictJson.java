package org.lcngeo.numeric.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One strict JSON document (RFC 8259: one value, nothing after it) as a Jackson tree, read by
 * jackson-core's streaming parser: the tree and the errors of {@code ObjectMapper.readTree} with
 * {@code FAIL_ON_TRAILING_TOKENS} (integers as int, long or big-integer nodes, other numbers as
 * doubles, the last of duplicate keys), without an {@code ObjectMapper}. Building the first
 * mapper (its date format loads the calendar and locale data; its deserializer caches) cost a
 * flow's or a sweep's whole process about a tenth of its CPU time.
 */
public final class StrictJson {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private StrictJson() {}

  /**
   * The document's tree; a missing node for empty input, as {@code readTree} gives.
   *
   * @throws JsonProcessingException for malformed JSON or anything after the value
   */
  public static JsonNode read(String text) throws JsonProcessingException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return NODES.missingNode();
      }
      JsonNode value = value(p, t);
      JsonToken after = p.nextToken();
      if (after != null) {
        throw MismatchedInputException.from(p, JsonNode.class, String.format(
            "Trailing token (of type %s) found after value (bound as %s): not allowed as per"
                + " `DeserializationFeature.FAIL_ON_TRAILING_TOKENS`",
            after, "`" + JsonNode.class.getName() + "`"));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a String source has no I/O
    }
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    switch (t) {
      case START_OBJECT: {
        // names by nextFieldName, values by nextToken, as the mapper's tree deserializer reads
        // them (the parser words some errors differently on the two paths)
        ObjectNode o = NODES.objectNode();
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
          o.set(name, value(p, p.nextToken()));
        }
        return o;
      }
      case START_ARRAY: {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e));
        }
        return a;
      }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalStateException("unexpected token " + t); // the parser reports bad input
    }
  }
}
