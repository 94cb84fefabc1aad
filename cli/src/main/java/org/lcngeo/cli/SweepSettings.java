package org.lcngeo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcngeo.core.InvalidInputException;
import org.lcngeo.numeric.data.StrictJson;

/**
 * The settings a sweep's CSV was written with, in a sidecar file {@code FILE.settings.json} beside
 * it: architecture, data (the SHA-256 of a {@code --data} file, or the generator's options), method,
 * tolerances, time, grid, step and seeds, with a SHA-256 of them all. {@code --resume} continues a
 * file only when its sidecar holds the same settings (docs/cli.md, "sweep"); the CSV stays plain
 * CSV for every reader. The number of runs is not a setting: a resume may add runs.
 */
final class SweepSettings {
  private final Map<String, Object> settings;

  private SweepSettings(Map<String, Object> settings) {
    this.settings = settings;
  }

  /** The settings of a sweep (in a fixed order). */
  static SweepSettings of(Map<String, Object> settings) {
    return new SweepSettings(new LinkedHashMap<>(settings));
  }

  /** The SHA-256 of a data file, hex; a file that cannot be read is bad input. */
  static String sha256(Path file) {
    try {
      return hex(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new InvalidInputException("cannot read --data " + file + ": " + e.getMessage());
    }
  }

  /** The sidecar of a CSV file. */
  static Path sidecar(Path csv) {
    return csv.resolveSibling(csv.getFileName() + ".settings.json");
  }

  /** The SHA-256 of these settings' canonical JSON (compact, UTF-8). */
  String fingerprint() {
    return hex(canonical().getBytes(StandardCharsets.UTF_8));
  }

  /** The settings as compact JSON (their values are plain: {@link PlainJson}). */
  private String canonical() {
    return PlainJson.text(settings, false);
  }

  /**
   * Before a {@code --resume}: fails, leaving every file as it was, unless {@code csv} does not
   * exist yet or its sidecar records these settings.
   */
  void requireSameAs(Path csv) {
    if (!Files.exists(csv)) {
      return;
    }
    Path side = sidecar(csv);
    if (!Files.isRegularFile(side)) {
      throw new InvalidInputException("--resume: " + csv + " has no settings file " + side
          + ", so it cannot be checked to come from this sweep; run without --resume or choose"
          + " another --csv");
    }
    JsonNode stored;
    JsonNode now;
    try {
      stored = StrictJson.read(Files.readString(side, StandardCharsets.UTF_8));
      now = StrictJson.read(canonical());
    } catch (IOException e) {
      throw new InvalidInputException("--resume: cannot read the settings file " + side);
    }
    if (fingerprint().equals(stored.path("sha256").asText())) {
      return;
    }
    List<String> differ = new ArrayList<>();
    JsonNode old = stored.path("settings");
    now.fieldNames().forEachRemaining(k -> {
      if (!now.get(k).equals(old.get(k))) {
        differ.add(k + " " + (old.has(k) ? old.get(k) : "(none)") + " -> " + now.get(k));
      }
    });
    throw new InvalidInputException("--resume: " + csv + " was written with other settings ("
        + (differ.isEmpty() ? "the settings file is damaged" : String.join(", ", differ))
        + "); the file is left as it was: run without --resume or choose another --csv");
  }

  /** Writes the sidecar of {@code csv} (atomically). */
  void writeFor(Path csv) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("writtenBy", "lcn sweep");
    doc.put("settings", settings);
    doc.put("sha256", fingerprint());
    OutputFiles.write(sidecar(csv), "--csv (settings file)", Output.jsonText(doc) + "\n");
  }

  private static String hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
