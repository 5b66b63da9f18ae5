package com.tanhdev.pullsecret.load;

import java.nio.file.Path;
import java.util.List;

/**
 * How to start a load target JVM.
 *
 * @param java the {@code java} executable
 * @param jvmFlags the container's flags, plus any being evaluated
 * @param classpath the test classpath
 * @param tlsDir holds {@code tls.crt} and {@code tls.key}
 * @param apiServerUrl the (mock) API server the informers list and watch
 * @param workDir where ports files and server logs go
 */
record ServerLaunch(
    String java,
    List<String> jvmFlags,
    String classpath,
    Path tlsDir,
    String apiServerUrl,
    Path workDir) {}
