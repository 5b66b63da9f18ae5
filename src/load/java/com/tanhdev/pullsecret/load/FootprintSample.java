package com.tanhdev.pullsecret.load;

import com.tanhdev.pullsecret.load.ServerProcess.Memory;

/**
 * What one start of the server measured.
 *
 * @param readyMillis process start to {@code /readyz} 200, informers synced
 * @param loadedClasses classes loaded when idle
 * @param idle resident memory a few seconds after readiness
 * @param firstSecondP99Millis p99 of the first second of calls at full rate on the fresh server
 * @param firstRunCpuMicros server CPU per review over that first run
 * @param lastRunCpuMicros server CPU per review over the fastest run, by then warm
 * @param failedCalls calls of the whole load that failed
 * @param afterLoad resident memory after the load, with the peak of the whole life
 */
record FootprintSample(
    long readyMillis,
    long loadedClasses,
    Memory idle,
    double firstSecondP99Millis,
    double firstRunCpuMicros,
    double lastRunCpuMicros,
    long failedCalls,
    Memory afterLoad) {}
