package com.tanhdev.pullsecret.podspec;

/**
 * One image a pod spec pulls, with where it came from (for warnings and {@code check} findings).
 *
 * @param container the container's name, or its position when the name is missing
 * @param image the image string exactly as written
 */
public record ContainerImage(String container, String image) {}
