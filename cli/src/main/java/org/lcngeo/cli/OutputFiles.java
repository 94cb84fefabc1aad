package org.lcngeo.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import org.lcngeo.core.InvalidInputException;

/**
 * Output files ({@code --csv}, {@code --plot}, {@code --latex}, ...): checked before any work
 * starts, written whole through a temporary file beside the target that is moved into place, and
 * never replacing a read-only file (docs/cli.md, "Exit status"). Every problem is an {@link
 * InvalidInputException}: exit 2 with one line naming the option and the path.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /** Writes one file's content into a path. */
  @FunctionalInterface
  public interface Writer {
    void write(Path file) throws IOException;
  }

  /**
   * Fails unless {@code file} can be written: not a directory, not an existing read-only file,
   * in an existing writable directory.
   */
  public static void requireWritable(Path file, String option) {
    Path absolute;
    try {
      absolute = file.toAbsolutePath();
    } catch (InvalidPathException e) {
      throw new InvalidInputException(option + ": '" + file + "' is not a valid path");
    }
    if (Files.isDirectory(absolute)) {
      throw new InvalidInputException(
          "cannot write " + option + " " + file + ": it is a directory, not a file");
    }
    if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && readOnly(absolute)) {
      throw new InvalidInputException(
          "cannot write " + option + " " + file + ": the file is read-only (it is never replaced)");
    }
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new InvalidInputException(
          "cannot write " + option + " " + file + ": the directory " + dir + " does not exist");
    }
    if (!Files.isWritable(dir) || readOnly(dir)) {
      throw new InvalidInputException(
          "cannot write " + option + " " + file + ": the directory " + dir + " is not writable");
    }
  }

  /**
   * Whether a file or directory may not be written by us: the file system says so, or (for the
   * super-user, whom the file system lets write anything) its owner has no write permission.
   */
  public static boolean readOnly(Path p) {
    if (!Files.isWritable(p)) {
      return true;
    }
    PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
    if (posix == null) {
      return false;
    }
    try {
      return !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
    } catch (IOException e) {
      return true;
    }
  }

  /** Writes text to {@code file} atomically (see {@link #write(Path, String, Writer)}). */
  public static void write(Path file, String option, String text) {
    write(file, option, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code file} whole: {@code writer} fills a temporary file in the same directory, which
   * is then moved over the target (atomically where the file system can). The checks of {@link
   * #requireWritable} are repeated just before the move, so a file made read-only meanwhile is not
   * replaced either.
   */
  public static void write(Path file, String option, Writer writer) {
    requireWritable(file, option);
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, ".lcn-", ".tmp");
      writer.write(tmp);
      requireWritable(file, option);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new InvalidInputException("cannot write " + option + " " + file + ": " + e.getMessage());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden and named as ours; nothing else to do
        }
      }
    }
  }
}
