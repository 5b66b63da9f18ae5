package com.tanhdev.pullsecret.policy;

import com.tanhdev.pullsecret.podspec.ContainerImage;

/**
 * A secret some image needs, with the first image that needs it (for messages and findings).
 *
 * @param secret the secret's name
 * @param registry the registry the rule names
 * @param firstImage the first container image pulled from that registry
 */
public record NeededSecret(String secret, String registry, ContainerImage firstImage) {}
