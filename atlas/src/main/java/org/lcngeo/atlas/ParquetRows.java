package org.lcngeo.atlas;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.GroupValueSource;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Atlas rows as Parquet files (one row per file, so that a row is on disk as soon as its
 * architecture finishes), in the standard three-level list layout that Spark reads: {@code
 * spark.read().parquet(dir)} gives one column per field of {@link AtlasEntry#toJson()}, the
 * paper's prediction as the columns paperBalanced and paperGeneric.
 */
final class ParquetRows {
  private ParquetRows() {}

  private static String intList(String name, String repetition) {
    return repetition + " group " + name + " (LIST) { repeated group list { optional int32 element; } }";
  }

  private static String intListList(String name) {
    return "required group " + name + " (LIST) { repeated group list { required group element (LIST)"
        + " { repeated group list { required int32 element; } } } }";
  }

  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message atlas {"
      + " required binary id (STRING);"
      + " required int32 dims;"
      + intListList("sizes")
      + intListList("strides")
      + " required int32 parameters;"
      + " required int32 dimension;"
      + " required int32 expectedDimension;"
      + intList("pointRanks", "required")
      + intList("fiberSize", "required")
      + intListList("swapClasses")
      + " optional boolean balancedIndependent;"
      + " optional boolean genericIndependent;"
      + " required binary class (STRING);"
      + " required boolean paperBalanced;"
      + " required boolean paperGeneric;"
      + " optional boolean agreesWithPaper;"
      + " optional binary witness (STRING);"
      + " required double seconds;"
      + " optional double cpuSeconds;"
      + " required binary status (STRING);"
      + " optional binary reason (STRING);"
      + " required int32 timeout;"
      + " }");

  /** Writes one row to a new file. */
  static void write(Path file, AtlasEntry e) throws IOException {
    Group g = new SimpleGroupFactory(SCHEMA).newGroup();
    g.add("id", e.id());
    g.add("dims", e.dims());
    addMatrix(g, "sizes", e.sizes());
    addMatrix(g, "strides", e.strides());
    g.add("parameters", e.parameters());
    g.add("dimension", e.dimension());
    g.add("expectedDimension", e.expectedDimension());
    addList(g, "pointRanks", e.pointRanks());
    addList(g, "fiberSize", e.fiberSize());
    List<int[]> classes = new ArrayList<>();
    e.swapClasses().forEach(c -> classes.add(c.stream().mapToInt(Integer::intValue).toArray()));
    addMatrix(g, "swapClasses", classes.toArray(new int[0][]));
    if (e.balancedIndependent() != null) {
      g.add("balancedIndependent", e.balancedIndependent());
    }
    if (e.genericIndependent() != null) {
      g.add("genericIndependent", e.genericIndependent());
    }
    g.add("class", e.architectureClass());
    g.add("paperBalanced", e.paperBalanced());
    g.add("paperGeneric", e.paperGeneric());
    if (e.agreesWithPaper() != null) {
      g.add("agreesWithPaper", e.agreesWithPaper());
    }
    if (e.witness() != null) {
      g.add("witness", e.witness());
    }
    g.add("seconds", e.seconds());
    if (e.cpuSeconds() != null) {
      g.add("cpuSeconds", e.cpuSeconds());
    }
    g.add("status", e.status());
    if (e.reason() != null) {
      g.add("reason", e.reason());
    }
    g.add("timeout", e.timeoutSeconds());
    try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA)
        .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
        .withWriteMode(ParquetFileWriter.Mode.CREATE)
        .build()) {
      w.write(g);
    }
  }

  private static void addList(Group g, String name, List<Integer> values) {
    Group list = g.addGroup(name);
    for (Integer x : values) {
      Group item = list.addGroup("list");
      if (x != null) {
        item.add("element", x);
      }
    }
  }

  private static void addMatrix(Group g, String name, int[][] rows) {
    Group outer = g.addGroup(name);
    for (int[] row : rows) {
      Group inner = outer.addGroup("list").addGroup("element");
      for (int x : row) {
        inner.addGroup("list").add("element", x);
      }
    }
  }

  /** Reads every row of a file. */
  static List<AtlasEntry> read(Path file) throws IOException {
    List<AtlasEntry> out = new ArrayList<>();
    try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toUri())).build()) {
      for (Group g = r.read(); g != null; g = r.read()) {
        List<List<Integer>> swaps = new ArrayList<>();
        for (int[] c : matrix(g, "swapClasses")) {
          swaps.add(java.util.Arrays.stream(c).boxed().toList());
        }
        out.add(new AtlasEntry(
            g.getString("id", 0), g.getInteger("dims", 0), matrix(g, "sizes"),
            matrix(g, "strides"), g.getInteger("parameters", 0), g.getInteger("dimension", 0),
            g.getInteger("expectedDimension", 0), list(g, "pointRanks"), list(g, "fiberSize"),
            swaps, optionalBoolean(g, "balancedIndependent"),
            optionalBoolean(g, "genericIndependent"), g.getString("class", 0),
            g.getBoolean("paperBalanced", 0), g.getBoolean("paperGeneric", 0),
            optionalBoolean(g, "agreesWithPaper"), optionalString(g, "witness"),
            g.getDouble("seconds", 0), optionalDouble(g, "cpuSeconds"), g.getString("status", 0), optionalString(g, "reason"),
            g.getInteger("timeout", 0)));
      }
    }
    return out;
  }

  private static Boolean optionalBoolean(Group g, String name) {
    return g.getFieldRepetitionCount(name) == 0 ? null : g.getBoolean(name, 0);
  }

  /** An optional column, null also in files written before it existed. */
  private static Double optionalDouble(Group g, String name) {
    return !g.getType().containsField(name) || g.getFieldRepetitionCount(name) == 0 ? null
        : g.getDouble(name, 0);
  }

  private static String optionalString(Group g, String name) {
    return g.getFieldRepetitionCount(name) == 0 ? null : g.getString(name, 0);
  }

  private static List<Integer> list(Group g, String name) {
    GroupValueSource list = g.getGroup(name, 0);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < list.getFieldRepetitionCount("list"); i++) {
      GroupValueSource item = list.getGroup("list", i);
      out.add(item.getFieldRepetitionCount("element") == 0 ? null : item.getInteger("element", 0));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  private static int[][] matrix(Group g, String name) {
    GroupValueSource outer = g.getGroup(name, 0);
    int n = outer.getFieldRepetitionCount("list");
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      GroupValueSource inner = outer.getGroup("list", i).getGroup("element", 0);
      int m = inner.getFieldRepetitionCount("list");
      out[i] = new int[m];
      for (int j = 0; j < m; j++) {
        out[i][j] = inner.getGroup("list", j).getInteger("element", 0);
      }
    }
    return out;
  }
}
