package org.lcngeo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (issue 10, item 6; GUIDE: "Bad input gets one clear error: line, exit 2,
 * never a stack trace, and nothing written"). Every case runs through {@link Lcn#execute}: exit
 * status 2, nothing on stdout, exactly one line on stderr starting with {@code error:}, no stack
 * trace, and no file in the output directory that every output option points into. The fixed
 * cases are the ones the issue found plus a catalogue per option; the generated ones are jqwik
 * properties over random bytes, huge numbers, deep nesting, non-finite spellings and unicode.
 */
class BadInputCorpusTest {
  /** Placeholder for the output directory in the fixed cases. */
  private static final String OUT = "@OUT@";

  private static final String EX15 = "[[1,0,2],[2,1]]";

  static Stream<Arguments> fixedCases() {
    return corpus().stream().map(args -> Arguments.of((Object) args));
  }

  private static List<String[]> corpus() {
    List<String[]> c = new ArrayList<>();
    // from issue 10
    c.add(a("ntk", "--sizes", "2,2", "--filters", "[[1,2],[3,4]]", "--delta", "1,2"));
    c.add(a("mu", "--sizes", "1000000000", "--filters", "[[1]]"));
    c.add(a("ntk", "--sizes", "3,2", "--filters", EX15, "--digits", "0"));
    c.add(a("ntk", "--sizes", "3,2", "--filters", EX15, "--digits", "-5"));
    c.add(a("fiber", "--sizes", "2,2", "--target", "[1,2"));
    c.add(a("fiber", "--sizes", "2,2", "--target", "{\"a\":"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--csv", OUT));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--csv", OUT + "/no/such/t.csv"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--plot", OUT));
    c.add(a("sweep", "--sizes", "3,2", "--time", "1", "--samples", "3", "--runs", "2", "--csv", OUT));
    c.add(a("reproduce", "--latex", OUT));
    c.add(a("reproduce", "--latex", OUT + "/missing/dir/t.tex"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--method", "gd", "--step",
        "0.5", "--grid", "200"));
    // --sizes and --strides
    for (String s : new String[] {"", " ", ",", "3,", ",3", "3,,2", "x", "3x", "x3", "3xx3", "0",
        "-1", "3,0", "3,-2", "abc", "3.5", "1e3", "NaN", "Infinity", "99999999999999999999",
        "3;2", "３", "3x3,2", "٣", "3 2", "+-3", "100001", "-99999999999", "2x-3", "2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,"
            + "2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,2,"
            + "2,2,2,2,2"}) {
      c.add(a("mu", "--sizes=" + s, "--filters", EX15));
    }
    for (String s : new String[] {"0,1", "1", "1,1,1", "2x1,1", "a,b", "-1,1", "1,100001"}) {
      c.add(a("mu", "--sizes", "3,2", "--strides=" + s, "--filters", EX15));
    }
    c.add(a("mu", "--filters", EX15));
    c.add(a("mu", "--sizes", "3,2"));
    c.add(a("mu", "--sizes", "3,2", "--filters"));
    c.add(a("nosuchcommand"));
    c.add(a("mu", "--no-such-option"));
    // --filters, --target: numbers and shapes
    for (String f : new String[] {"", "[]", "[[]]", "[[],[]]", "[[1,0,2]]", "[[1,0,2],[2,1],[1]]",
        "[[1,0],[2,1]]", "[[1,0,2],[2,1,3]]", "[[1,0,2],2]", "[[1,0,2],[[2],[1]]]",
        "[[1,0,2],[2,\"x\"]]", "[[1,0,2],[2,\"1/0\"]]", "[[1,0,2],[2,\"NaN\"]]",
        "[[1,0,2],[2,\"Infinity\"]]", "[[1,0,2],[2,\"-Infinity\"]]", "[[1,0,2],[2,NaN]]",
        "[[1,0,2],[2,Infinity]]", "[[1,0,2],[2,null]]", "[[1,0,2],[2,true]]", "[[1,0,2],[2,{}]]",
        "[[1,0,2],[2,1e999999999]]", "[[1,0,2],[2,\"1e999999\"]]", "[[1,0,2],[2,1e-999999999]]",
        "{\"filters\": [[1,0,2],[2,1]]}", "null", "1", "\"[[1,0,2],[2,1]]\"", "[[1,0,2],[2,1]",
        "[[1,0,2],[2,1]]]", "[[1,0,2],[2,1]] trailing", "[[1,0,2],[2,0x1]]", "[[1,0,2],[2,01]]",
        "[[1,0,2],[2,\"½\"]]", "[[1,0,2],[2,\"１\"]]", "[[1,0,2],[2,\"1/2/3\"]]",
        "[[1,0,2],[2,'1']]"}) {
      c.add(a("ntk", "--sizes", "3,2", "--filters=" + f));
    }
    for (String t : new String[] {"[1,2,3]", "[[1,2],[3,4]]", "[0,0,0,0]", "[1,2,3,\"a\"]",
        "[1,2,3,4,5]", "[]", "[1,2,3,NaN]", "[\"\\u0000\",1,1,1]"}) {
      c.add(a("fiber", "--sizes", "2,3", "--target=" + t));
    }
    // --delta
    for (String d : new String[] {"", "a", "1,2,3", "1/0", "NaN", "--", "1,,2", "0x10", "1e99999999"}) {
      c.add(a("ntk", "--sizes", "3,2,2", "--filters", "[[1,0,2],[2,1],[1,1]]", "--delta=" + d));
    }
    c.add(a("ntk", "--sizes", "3", "--filters", "[[1,0,2]]", "--delta", "1"));
    c.add(a("ntk", "--sizes", "3,2", "--filters", "[[0,0,0],[2,1]]", "--delta", "1"));
    c.add(a("ntk", "--sizes", "3,2", "--filters", "[[1,0,2],[0,0]]", "--delta", "1"));
    c.add(a("fiber", "--sizes", "2,2", "--target", "[1,2,1]", "--delta", "x"));
    // --timeout
    for (String t : new String[] {"0", "-1", "abc", "NaN", "", "1e400", "604801"}) {
      c.add(a("fiber", "--sizes", "2,2", "--target", "[1,2,1]", "--timeout=" + t));
    }
    // --matrices
    for (String m : new String[] {"[]", "[[]]", "[[[1,2]],[[1,2]]]", "[[[1,2],[3]]]", "[1,2]",
        "[[[\"x\"]]]"}) {
      c.add(a("ntk", "--matrices=" + m));
    }
    c.add(a("ntk", "--matrices", "[[[1]]]", "--sizes", "3,2"));
    // formula, manifold
    c.add(a("formula", "--sizes", "3,2", "--format", "pdf"));
    c.add(a("formula", "--sizes", "3,2", "--delta", "d1,d3"));
    c.add(a("formula", "--sizes", "3,2", "--strides", "1,1", "--format", "java"));
    c.add(a("manifold", "--sizes", "3,2", "--format", "word"));
    c.add(a("formula", "--sizes", "40,40"));
    // flow and sweep options
    c.add(a("flow", "--sizes", "3,2", "--samples", "3"));
    c.add(a("flow", "--sizes", "3,2", "--time", "-1", "--samples", "3"));
    c.add(a("flow", "--sizes", "3,2", "--time", "NaN", "--samples", "3"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--method", "euler"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--rtol", "2"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--init-scale", "-1"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--noise", "NaN"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--data", OUT + "/none.json"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--closed-form",
        OUT + "/none.java"));
    c.add(a("flow", "--sizes", "3,2", "--time", "1", "--samples", "3", "--filters", "[[1,2],[3]]"));
    c.add(a("sweep", "--sizes", "3,2", "--time", "1", "--samples", "3"));
    c.add(a("sweep", "--sizes", "3,2", "--time", "1", "--samples", "3", "--runs", "0"));
    c.add(a("sweep", "--sizes", "3,2", "--time", "1", "--samples", "3", "--runs", "2", "--resume"));
    c.add(a("sweep", "--sizes", "3,2", "--time", "1", "--samples", "3", "--runs", "2",
        "--threads", "0"));
    return c;
  }

  private static String[] a(String... args) {
    return args;
  }

  @ParameterizedTest
  @MethodSource("fixedCases")
  void fixedCase(String[] args, @TempDir Path out) throws IOException {
    String[] resolved = new String[args.length];
    for (int i = 0; i < args.length; i++) {
      resolved[i] = args[i].replace(OUT, out.toString());
    }
    assertRejected(resolved, out);
  }

  /** The fixed corpus has the size the issue asks for. */
  @org.junit.jupiter.api.Test
  void corpusHasAtLeastOneHundredFixedCases() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(100);
  }

  /** Random text (any code points, control characters, bytes read as Latin-1) as a JSON argument. */
  @Property(tries = 40)
  void randomTextAsJson(@ForAll("junk") String json, @ForAll("jsonOption") String option)
      throws IOException {
    Path out = Files.createTempDirectory("lcn-corpus");
    String[] args = switch (option) {
      case "--filters" -> a("ntk", "--sizes", "3,2", "--filters=" + json);
      case "--target" -> a("fiber", "--sizes", "3,2", "--target=" + json);
      default -> a("ntk", "--matrices=" + json);
    };
    assertRejected(args, out);
  }

  /** Arrays nested deeper than the filter or target, up to far beyond Jackson's nesting limit. */
  @Property(tries = 15)
  void deepNesting(@ForAll("depths") int depth) throws IOException {
    Path out = Files.createTempDirectory("lcn-corpus");
    String json = "[".repeat(depth) + "1" + "]".repeat(depth);
    assertRejected(a("fiber", "--sizes", "2,2", "--target=" + json), out);
  }

  /** A filter entry spelled as a non-finite, huge or otherwise non-rational number. */
  @Property(tries = 40)
  void badNumbers(@ForAll("badNumbers") String number, @ForAll boolean quoted) throws IOException {
    Path out = Files.createTempDirectory("lcn-corpus");
    String entry = quoted ? "\"" + number.replace("\\", "\\\\").replace("\"", "\\\"") + "\"" : number;
    assertRejected(a("ntk", "--sizes", "3,2", "--filters=[[1,0,2],[2," + entry + "]]"), out);
  }

  /** Sizes with a bad component: zero, negative, huge, non-digits, unicode digits. */
  @Property(tries = 30)
  void badSizes(@ForAll("badSize") String size, @ForAll("layerCount") int layers)
      throws IOException {
    Path out = Files.createTempDirectory("lcn-corpus");
    List<String> parts = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      parts.add("2");
    }
    parts.set(layers / 2, size);
    assertRejected(a("fiber", "--sizes=" + String.join(",", parts), "--target", "[1,1]"), out);
  }

  @Provide
  Arbitrary<String> junk() {
    Arbitrary<String> unicode = Arbitraries.strings().all().ofMaxLength(40);
    Arbitrary<String> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
        .map(b -> new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
    Arbitrary<String> brackets = Arbitraries.strings().withChars("[]{},:\"1-.eE \\/nulNaI")
        .ofMaxLength(30);
    return Arbitraries.oneOf(unicode, bytes, brackets)
        .filter(s -> !s.strip().matches("\\[[\\[\\]0-9,.eE+\\- ]*\\]"));
  }

  @Provide
  Arbitrary<String> jsonOption() {
    return Arbitraries.of("--filters", "--target", "--matrices");
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.integers().between(3, 5000);
  }

  @Provide
  Arbitrary<String> badNumbers() {
    Arbitrary<String> spelled = Arbitraries.of("NaN", "nan", "-NaN", "Infinity", "-Infinity", "inf",
        "+Inf", "∞", "1/0", "0/0", "1.0.0", "1e", "e5", "--1", "1_000", "0x1F", "1,5", "½", "",
        " ", "null", "true", "١", "1e99999999", "-1e99999999", "1E+2147483647");
    Arbitrary<String> huge = Arbitraries.integers().between(2001, 1_000_000_000)
        .map(e -> "1e" + e);
    Arbitrary<String> tiny = Arbitraries.integers().between(2001, 1_000_000_000)
        .map(e -> "1e-" + e);
    Arbitrary<String> letters = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
        .filter(s -> !s.equalsIgnoreCase("e"));
    return Arbitraries.oneOf(spelled, huge, tiny, letters);
  }

  @Provide
  Arbitrary<String> badSize() {
    Arbitrary<String> numbers = Arbitraries.oneOf(
        Arbitraries.integers().between(-1_000_000, 0).map(String::valueOf),
        Arbitraries.longs().between(100_001L, Long.MAX_VALUE).map(String::valueOf),
        Arbitraries.strings().numeric().ofMinLength(20).ofMaxLength(60).map(s -> "9" + s));
    Arbitrary<String> words = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6)
        .filter(s -> !s.strip().matches("[+]?0*[1-9]\\d{0,5}(x[+]?0*[1-9]\\d{0,5})*"))
        .filter(s -> !s.contains(","));
    return Arbitraries.oneOf(numbers, words,
        Combinators.combine(numbers, Arbitraries.of("x", "x2x")).as((n, x) -> "2" + x + n));
  }

  @Provide
  Arbitrary<Integer> layerCount() {
    return Arbitraries.integers().between(1, 4);
  }

  /** Exit 2, one error: line, no stack trace, nothing on stdout, nothing written to out. */
  static void assertRejected(String[] args, Path out) throws IOException {
    CommandRun r = CommandRun.of(args);
    String what = String.join(" ", args);
    what = what.length() > 300 ? what.substring(0, 300) + "..." : what;
    assertThat(r.code()).as(what + "\n" + r.err()).isEqualTo(2);
    assertThat(r.out()).as(what).isEmpty();
    assertThat(r.err()).as(what).startsWith("error: ").endsWith("\n");
    assertThat(r.err().strip().lines().count()).as(what + "\n" + r.err()).isEqualTo(1);
    assertThat(r.err()).as(what).doesNotContain("\tat ", "Exception", "internal failure");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files.toList()).as(what).isEmpty();
    }
  }
}
