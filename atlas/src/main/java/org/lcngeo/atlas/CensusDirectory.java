package org.lcngeo.atlas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lcngeo.cli.OutputFiles;
import org.lcngeo.core.InvalidInputException;

/**
 * The directory of a census ({@code --out DIR}): {@value #SETTINGS} (what the census covers),
 * the Parquet dataset {@value #DATASET} with one file per finished architecture, and at the end
 * the summary ({@value #SUMMARY_JSON}, {@value #SUMMARY_TEXT}) and the plot ({@value #PLOT}).
 *
 * <p>Nothing lost: a row is written to a hidden temporary file (Spark and Parquet readers skip
 * names starting with '.'), forced to disk and renamed into place atomically, as soon as its
 * architecture finishes; a killed run loses only the architectures in flight. A directory that
 * already holds a census with the same settings is continued (with or without {@code --resume}):
 * its rows are kept, the temporary files of a killed run removed (only those, recognized by their
 * names), and a row is redone only when it timed out under a shorter time limit than this run's
 * and its file is writable. A census with other settings is never mixed in, and no read-only file
 * is replaced: both are refused before any work.
 */
final class CensusDirectory {
  static final String SETTINGS = "settings.json";
  static final String DATASET = "atlas.parquet";
  static final String SUMMARY_JSON = "summary.json";
  static final String SUMMARY_TEXT = "summary.txt";
  static final String PLOT = "atlas.png";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The temporary name of a row being written: {@code .part-ID-NANOS.parquet}. */
  private static final Pattern TEMPORARY_ROW = Pattern.compile("\\.part-[A-Za-z0-9_.x-]+-\\d+\\.parquet");

  private final Path dir;
  private final Path dataset;
  private final JsonNode settings;
  private final boolean existing;

  private CensusDirectory(Path dir, JsonNode settings, boolean existing) {
    this.dir = dir;
    this.dataset = dir.resolve(DATASET);
    this.settings = settings;
    this.existing = existing;
  }

  /**
   * Checks that {@code dir} can hold this census, without writing anything ({@link #create()}
   * does): a new census, or one with the same settings to continue.
   *
   * @throws InvalidInputException when the directory cannot be used, holds a census with other
   *     settings or files this census would have to replace but cannot (read-only), or {@code
   *     resume} finds no census
   */
  static CensusDirectory check(Path dir, CensusSettings settings, boolean resume) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new InvalidInputException("--out " + dir + " is not a directory");
    }
    Path parent = dir.toAbsolutePath().getParent();
    if (!Files.exists(dir) && (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))) {
      throw new InvalidInputException("cannot create --out " + dir + ": " + parent + " is not a writable directory");
    }
    if (Files.exists(dir) && OutputFiles.readOnly(dir)) {
      throw new InvalidInputException("--out " + dir + " is not writable");
    }
    Path file = dir.resolve(SETTINGS);
    // compared as parsed JSON, so that numbers compare by value whatever their Java type
    JsonNode wanted = MAPPER.readTree(MAPPER.writeValueAsString(settings.toMap()));
    boolean existing = Files.exists(file);
    if (existing) {
      JsonNode stored;
      try {
        stored = MAPPER.readTree(file.toFile());
      } catch (IOException e) {
        throw new InvalidInputException(file + " is not a census settings file: choose another --out");
      }
      if (!wanted.equals(stored)) {
        throw new InvalidInputException(dir + " holds a census with the settings " + stored
            + ", but this run has " + wanted + "; run with the same options to continue it, or"
            + " choose another --out");
      }
    } else if (resume) {
      throw new InvalidInputException("--resume: " + dir + " holds no census (no " + SETTINGS + ")");
    } else if (Files.exists(dir.resolve(DATASET))) {
      throw new InvalidInputException(dir + " holds " + DATASET + " but no " + SETTINGS
          + ": not a census lcn atlas can continue; choose another --out");
    }
    for (String name : List.of(SUMMARY_JSON, SUMMARY_TEXT, PLOT)) {
      if (Files.exists(dir.resolve(name))) {
        OutputFiles.requireWritable(dir.resolve(name), "--out");
      }
    }
    Path data = dir.resolve(DATASET);
    if (existing && Files.exists(data) && (!Files.isDirectory(data) || OutputFiles.readOnly(data))) {
      throw new InvalidInputException(data + " is not a writable directory: choose another --out");
    }
    return new CensusDirectory(dir, wanted, existing);
  }

  /** Whether the directory held this census before (a continued run). */
  boolean existing() {
    return existing;
  }

  /** Starts the census on disk: the settings (a new census), then the dataset directory. */
  void create() throws IOException {
    Files.createDirectories(dir);
    if (!existing) {
      writeAtomically(SETTINGS, MAPPER.writerWithDefaultPrettyPrinter()
          .writeValueAsString(settings).getBytes(StandardCharsets.UTF_8));
    }
    Files.createDirectories(dataset);
  }

  Path dir() {
    return dir;
  }

  /**
   * The rows on disk, by architecture id (the temporary row files of a killed run are removed;
   * other files are left alone).
   */
  Map<String, AtlasEntry> rows() throws IOException {
    Map<String, AtlasEntry> out = new LinkedHashMap<>();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(dataset)) {
      s.sorted().forEach(files::add);
    }
    for (Path p : files) {
      String name = p.getFileName().toString();
      if (TEMPORARY_ROW.matcher(name).matches()) {
        Files.deleteIfExists(p);
      } else if (name.endsWith(".parquet")) {
        for (AtlasEntry e : ParquetRows.read(p)) {
          out.put(e.id(), e);
        }
      }
    }
    return out;
  }

  /** Whether the row of {@code e}'s architecture may be replaced (its file is writable). */
  boolean replaceable(AtlasEntry e) {
    Path p = dataset.resolve("part-" + e.id() + ".parquet");
    return !Files.exists(p) || !OutputFiles.readOnly(p);
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

  /** Writes a file of the directory atomically (temporary file, then rename; never a read-only one). */
  void writeAtomically(String name, byte[] bytes) {
    OutputFiles.write(dir.resolve(name), "--out", tmp -> Files.write(tmp, bytes));
  }
}
