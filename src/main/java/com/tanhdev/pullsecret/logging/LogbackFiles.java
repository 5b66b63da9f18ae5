package com.tanhdev.pullsecret.logging;

import ch.qos.logback.classic.ClassicConstants;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Optional;

/**
 * The logback configuration files a process was given, found the way logback finds them: the one
 * {@code -Dlogback.configurationFile} names (a URL, a class-path resource or a file), else a {@code
 * logback-test.xml} or {@code logback.xml} on the class path.
 *
 * @param isAnyFound whether logback will configure logging from one of them
 * @param unfound what {@code -Dlogback.configurationFile} named, when it names nothing there is
 */
record LogbackFiles(boolean isAnyFound, Optional<String> unfound) {

  /** Neither a file named nor one on the class path. */
  static final LogbackFiles NONE = new LogbackFiles(false, Optional.empty());

  /** This process's: its system property and class path. */
  static LogbackFiles current() {
    return find(
        System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY),
        LogbackFiles.class.getClassLoader());
  }

  static LogbackFiles find(String named, ClassLoader classPath) {
    boolean onClassPath =
        classPath.getResource("logback-test.xml") != null
            || classPath.getResource("logback.xml") != null;
    if (named == null || named.isBlank()) {
      return new LogbackFiles(onClassPath, Optional.empty());
    }
    if (resolves(named.strip(), classPath)) {
      return new LogbackFiles(true, Optional.empty());
    }
    // logback then falls back to the class path's files, as it would without the property.
    return new LogbackFiles(onClassPath, Optional.of(named));
  }

  private static boolean resolves(String name, ClassLoader classPath) {
    try {
      URI uri = URI.create(name);
      uri.toURL();
      // logback fetches other URLs itself; a file URL is a file like any other.
      return !uri.getScheme().equals("file") || isFile(new File(uri));
    } catch (IllegalArgumentException | MalformedURLException notAUrl) {
      return classPath.getResource(name) != null || isFile(new File(name));
    }
  }

  private static boolean isFile(File file) {
    return file.exists() && file.isFile();
  }
}
