package com.tanhdev.pullsecret.config;

import com.tanhdev.pullsecret.policy.PolicySettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the config file when its bytes change. A ConfigMap volume changes by swapping a {@code
 * ..data} symlink, which file-modification events miss, so the file is re-read on a timer and
 * compared byte for byte. A bad new file keeps the old configuration and logs why.
 */
public final class ConfigWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);

  private final Path file;
  private final Map<String, String> env;
  private final ConfigLoader loader;
  private final Consumer<WebhookConfig> onChange;
  private final Consumer<Boolean> onReloadResult;
  private final ScheduledExecutorService timer;
  private byte[] lastBytes;

  /** Hands the policy of every valid change to {@code onChange} (what {@code serve} reloads). */
  public ConfigWatcher(
      Path file,
      Map<String, String> env,
      ConfigLoader loader,
      Consumer<PolicySettings> onChange,
      Consumer<Boolean> onReloadResult) {
    this(config -> onChange.accept(config.policy()), file, env, loader, onReloadResult);
  }

  // onChange first: the public constructor's parameters erase to the same types.
  private ConfigWatcher(
      Consumer<WebhookConfig> onChange,
      Path file,
      Map<String, String> env,
      ConfigLoader loader,
      Consumer<Boolean> onReloadResult) {
    this.file = file;
    this.env = env;
    this.loader = loader;
    this.onChange = onChange;
    this.onReloadResult = onReloadResult;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "config-reload");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Hands every valid change of the whole configuration to {@code onChange}. */
  public static ConfigWatcher ofWholeConfig(
      Path file,
      Map<String, String> env,
      ConfigLoader loader,
      Consumer<WebhookConfig> onChange,
      Consumer<Boolean> onReloadResult) {
    return new ConfigWatcher(onChange, file, env, loader, onReloadResult);
  }

  public void start(Duration interval) {
    lastBytes = readQuietly();
    timer.scheduleWithFixedDelay(
        this::checkOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Compares the file with what was loaded last and applies it if it changed and is valid. */
  void checkOnce() {
    byte[] bytes = readQuietly();
    if (bytes == null || Arrays.equals(bytes, lastBytes)) {
      return;
    }
    lastBytes = bytes;
    try {
      WebhookConfig config = loader.parse(bytes, file.toString(), env);
      onChange.accept(config);
      onReloadResult.accept(true);
      LOG.info("configuration reloaded from {}", file);
    } catch (ConfigException e) {
      onReloadResult.accept(false);
      LOG.error("configuration change ignored, keeping the previous one: {}", e.getMessage());
    }
  }

  private byte[] readQuietly() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      LOG.warn("cannot read {} ({}); keeping the current configuration", file, e.getMessage());
      return null;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
