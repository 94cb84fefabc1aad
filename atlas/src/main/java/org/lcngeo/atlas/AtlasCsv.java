package org.lcngeo.atlas;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.lcngeo.cli.OutputFiles;
import org.lcngeo.numeric.sweep.CsvRows;

/**
 * The atlas as CSV ({@code --csv FILE}), in the sweep's dialect: one line per architecture,
 * appended as it finishes; a resumed census first rewrites the file (atomically) from the rows of
 * the census directory, which are the reference.
 */
final class AtlasCsv implements AutoCloseable {
  static final List<String> HEADER = List.of("id", "dims", "sizes", "strides", "parameters",
      "dimension", "expectedDimension", "pointRanks", "fiberSize", "swapClasses",
      "balancedIndependent", "genericIndependent", "class", "paperBalanced", "paperGeneric",
      "agreesWithPaper", "witness", "seconds", "cpuSeconds", "status", "reason", "timeout");

  private final FileOutputStream out;

  /** Starts the file with the header and the given rows. */
  AtlasCsv(Path file, Collection<AtlasEntry> rows) throws IOException {
    StringBuilder b = new StringBuilder(CsvRows.line(HEADER));
    rows.forEach(r -> b.append(line(r)));
    OutputFiles.write(file, "--csv", tmp -> Files.writeString(tmp, b, StandardCharsets.UTF_8));
    this.out = new FileOutputStream(file.toFile(), true);
  }

  synchronized void append(AtlasEntry e) throws IOException {
    out.write(line(e).getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.getFD().sync();
    out.close();
  }

  private static String line(AtlasEntry e) {
    List<String> f = new ArrayList<>();
    f.add(e.id());
    f.add(Integer.toString(e.dims()));
    f.add(Architectures.notation(e.sizes()));
    f.add(Architectures.notation(e.strides()));
    f.add(Integer.toString(e.parameters()));
    f.add(Integer.toString(e.dimension()));
    f.add(Integer.toString(e.expectedDimension()));
    f.add(join(e.pointRanks()));
    f.add(join(e.fiberSize()));
    f.add(e.swapClasses().stream().map(AtlasCsv::join).collect(Collectors.joining("|")));
    f.add(text(e.balancedIndependent()));
    f.add(text(e.genericIndependent()));
    f.add(e.architectureClass());
    f.add(Boolean.toString(e.paperBalanced()));
    f.add(Boolean.toString(e.paperGeneric()));
    f.add(text(e.agreesWithPaper()));
    f.add(text(e.witness()));
    f.add(Double.toString(e.seconds()));
    f.add(text(e.cpuSeconds()));
    f.add(e.status());
    f.add(text(e.reason()));
    f.add(Integer.toString(e.timeoutSeconds()));
    return CsvRows.line(f);
  }

  /** Values separated by ';', an undecided entry empty. */
  private static String join(List<Integer> values) {
    return values.stream().map(AtlasCsv::text).collect(Collectors.joining(";"));
  }

  private static String text(Object x) {
    return x == null ? "" : x.toString();
  }
}
