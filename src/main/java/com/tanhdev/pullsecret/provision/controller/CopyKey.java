package com.tanhdev.pullsecret.provision.controller;

/** The work queue's key: one rule secret in one namespace. */
record CopyKey(String secret, String namespace) {}
