package org.lcngeo.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.function.Function;
import org.hipparchus.fraction.BigFraction;
import org.lcngeo.core.algebra.Rationals;
import org.lcngeo.symbolic.expr.Expr;
import org.lcngeo.symbolic.expr.Printer;
import org.lcngeo.symbolic.fiber.FactorSyntax;
import org.lcngeo.symbolic.fiber.LayerFactorization;
import org.lcngeo.symbolic.paper.PaperExample;

/**
 * How typed exact values are written in JSON (docs/cli.md, "Numbers in JSON output"), so that
 * typed results (records of {@link Expr}, {@link BigFraction}, ...) serialize as they are: an exact
 * rational as the string "p/q", an expression tree and a layer factorization as Symja input, an
 * inequality as "expr >= 0". The one place where results meet the JSON's syntax.
 */
final class ExactJson {
  private ExactJson() {}

  static Module module() {
    SimpleModule m = new SimpleModule("lcngeo-exact-values");
    m.addSerializer(BigFraction.class, string(BigFraction.class, Rationals::format));
    m.addSerializer(Expr.class, string(Expr.class, Printer.SYMJA::print));
    m.addSerializer(LayerFactorization.class, string(LayerFactorization.class, FactorSyntax::symja));
    m.addSerializer(PaperExample.NonNegative.class, string(PaperExample.NonNegative.class,
        n -> Printer.SYMJA.print(n.expr()) + " >= 0"));
    return m;
  }

  /** A serializer that writes a value as one JSON string. */
  private static <T> StdSerializer<T> string(Class<T> type, Function<? super T, String> text) {
    return new StdSerializer<>(type) {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(text.apply(value));
      }
    };
  }
}
