package com.tanhdev.pullsecret.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.Stream;

/**
 * Undoes what a fixture set up, in reverse order, exactly once: on {@link #close()}, or from a JVM
 * shutdown hook when the JVM ends first (Ctrl-C, SIGTERM). The hook is registered before anything
 * is started, so nothing started can miss it.
 */
final class Teardown implements AutoCloseable {

  private final Deque<AutoCloseable> steps = new ArrayDeque<>();
  private final Thread hook;
  private boolean done; // guarded by this

  Teardown(String name) {
    this.hook = new Thread(this::runSteps, name + "-teardown");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Adds a step that runs before all steps added earlier; returns {@code step}. */
  synchronized <T extends AutoCloseable> T add(T step) {
    if (done) {
      throw new IllegalStateException("already torn down");
    }
    steps.push(step);
    return step;
  }

  /** Adds deleting {@code dir} with everything in it. */
  Path addDirectory(Path dir) {
    add(() -> deleteRecursively(dir));
    return dir;
  }

  synchronized boolean isDone() {
    return done;
  }

  @Override
  public void close() {
    runSteps();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The hook is running or has run; there is nothing left to undo.
    }
  }

  private synchronized void runSteps() {
    done = true;
    while (!steps.isEmpty()) {
      try {
        steps.pop().close();
      } catch (Exception e) {
        // One failed step must not stop the others, above all not the process stops.
        System.err.println("teardown step failed: " + e);
      }
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Leftovers in the temporary directory are harmless; the processes are what must not leak.
    }
  }
}
