package com.tanhdev.pullsecret.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes changed files back where they were read; files that did not change are not touched. */
public final class ChangeWriter {

  /**
   * Writes over each file in place (same inode, so its permissions and links stay).
   *
   * @throws UnreadableManifestException when a file cannot be written
   */
  public void write(List<FileChange> changes) {
    for (FileChange change : changes) {
      if (!change.isChanged()) {
        continue;
      }
      try {
        Files.write(Path.of(change.file()), change.after().getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UnreadableManifestException(change.file() + ": cannot write: " + e.getMessage());
      }
    }
  }
}
