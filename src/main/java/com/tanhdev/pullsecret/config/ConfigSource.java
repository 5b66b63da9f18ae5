package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.policy.PolicySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a long-running process takes its configuration from: the file named on the command line,
 * else the one {@code PULLSECRET_CONFIG} names, else the embedded default; with the environment's
 * overrides applied. Only a file can change while the process runs.
 */
public record ConfigSource(Optional<Path> file, ProcessEnvironment environment) {

  /** How often the file is compared with what was loaded; a ConfigMap update takes longer. */
  public static final Duration RELOAD_INTERVAL = Duration.ofSeconds(2);

  /** {@code commandLineFile} wins over {@code PULLSECRET_CONFIG}. */
  public static ConfigSource of(Optional<Path> commandLineFile, ProcessEnvironment environment) {
    return new ConfigSource(commandLineFile.or(environment::configFile), environment);
  }

  public WebhookConfig load() {
    return new ConfigLoader().loadOrEmbedded(file.orElse(null), environment.variables());
  }

  /**
   * Starts reloading the file's policy part (nothing to reload for the embedded default).
   *
   * @param onChange called with each valid new policy
   * @param onReloadResult called after each attempt: true when it was applied
   */
  public Optional<ConfigWatcher> watch(
      Consumer<PolicySettings> onChange, Consumer<Boolean> onReloadResult) {
    return file.map(
        path -> {
          ConfigWatcher watcher =
              new ConfigWatcher(
                  path, environment.variables(), new ConfigLoader(), onChange, onReloadResult);
          watcher.start(RELOAD_INTERVAL);
          return watcher;
        });
  }

  /** Like {@link #watch}, handing on each valid new configuration whole. */
  public Optional<ConfigWatcher> watchWhole(
      Consumer<WebhookConfig> onChange, Consumer<Boolean> onReloadResult) {
    return file.map(
        path -> {
          ConfigWatcher watcher =
              ConfigWatcher.ofWholeConfig(
                  path, environment.variables(), new ConfigLoader(), onChange, onReloadResult);
          watcher.start(RELOAD_INTERVAL);
          return watcher;
        });
  }
}
