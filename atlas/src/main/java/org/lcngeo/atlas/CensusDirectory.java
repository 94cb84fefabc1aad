package org.lcngeo.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.lcngeo.core.InvalidInputException;

/**
 * The directory of a census ({@code --out DIR}): {@value #SETTINGS} (what the census covers),
 * the Parquet dataset {@value #DATASET} with one file per finished architecture, and at the end
 * the summary ({@value #SUMMARY_JSON}, {@value #SUMMARY_TEXT}) and the plot ({@value #PLOT}).
 *
 * <p>Nothing lost: a row is written to a hidden temporary file (Spark and Parquet readers skip
 * names starting with '.'), forced to disk and renamed into place atomically, as soon as its
 * architecture finishes; a killed run loses only the architectures in flight. A directory that
 * already holds a census is only continued with {@code --resume}, after its settings were checked;
 * a row is redone only when it timed out under a shorter time limit than this run's.
 */
final class CensusDirectory {
  static final String SETTINGS = "settings.json";
  static final String DATASET = "atlas.parquet";
  static final String SUMMARY_JSON = "summary.json";
  static final String SUMMARY_TEXT = "summary.txt";
  static final String PLOT = "atlas.png";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path dir;
  private final Path dataset;

  private CensusDirectory(Path dir) {
    this.dir = dir;
    this.dataset = dir.resolve(DATASET);
  }

  /**
   * Opens (resume) or starts a census directory; every check happens before any work.
   *
   * @throws InvalidInputException when the directory cannot be used, holds another census, or
   *     resume finds no census or one with other settings
   */
  static CensusDirectory open(Path dir, CensusSettings settings, boolean resume) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException("--out " + dir + " is not a directory");
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (!Files.exists(dir) && (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))) {
      throw new InvalidInputException("cannot create --out " + dir + ": " + parent + " is not a writable directory");
    }
    if (Files.exists(dir) && !Files.isWritable(dir)) {
      throw new InvalidInputException("--out " + dir + " is not writable");
    }
    CensusDirectory d = new CensusDirectory(dir);
    Path file = dir.resolve(SETTINGS);
    // compared as parsed JSON, so that numbers compare by value whatever their Java type
    JsonNode wanted = MAPPER.readTree(MAPPER.writeValueAsString(settings.toMap()));
    if (resume) {
      if (!Files.exists(file)) {
        throw new InvalidInputException("--resume: " + dir + " holds no census (no " + SETTINGS + ")");
      }
      JsonNode stored;
      try {
        stored = MAPPER.readTree(file.toFile());
      } catch (IOException e) {
        throw new InvalidInputException("--resume: " + file + " is not a census settings file");
      }
      if (!stored.equals(wanted)) {
        throw new InvalidInputException("--resume: " + dir + " holds a census with the settings "
            + stored + ", but this run has " + wanted + "; run with the same options, or choose"
            + " another --out");
      }
    } else if (Files.exists(file) || Files.exists(d.dataset)) {
      throw new InvalidInputException(dir + " already holds a census: --resume continues it, or"
          + " choose another --out");
    }
    Files.createDirectories(d.dataset);
    if (!resume) {
      d.writeAtomically(SETTINGS, MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsString(wanted).getBytes(StandardCharsets.UTF_8));
    }
    return d;
  }

  Path dir() {
    return dir;
  }

  /** The rows on disk, by architecture id (temporary files of a killed run are removed). */
  Map<String, AtlasEntry> rows() throws IOException {
    Map<String, AtlasEntry> out = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dataset)) {
      s.sorted().forEach(files::add);
    }
    for (Path p : files) {
      String name = p.getFileName().toString();
      if (name.startsWith(".")) {
        Files.deleteIfExists(p);
      } else if (name.endsWith(".parquet")) {
        for (AtlasEntry e : ParquetRows.read(p)) {
          out.put(e.id(), e);
        }
      }
    }
    return out;
  }

  /** Writes one row durably and atomically (replacing an earlier row of the same architecture). */
  void write(AtlasEntry e) throws IOException {
    Path tmp = dataset.resolve(".part-" + e.id() + "-" + System.nanoTime() + ".parquet");
    ParquetRows.write(tmp, e);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, dataset.resolve("part-" + e.id() + ".parquet"),
        StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** Writes a file of the directory atomically (temporary file, then rename). */
  void writeAtomically(String name, byte[] bytes) throws IOException {
    Path tmp = dir.resolve("." + name + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      out.write(bytes);
    }
    Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
