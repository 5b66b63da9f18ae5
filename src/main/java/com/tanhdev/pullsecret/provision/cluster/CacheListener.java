package com.tanhdev.pullsecret.provision.cluster;

import com.tanhdev.pullsecret.provision.SourceRef;

/**
 * What the informers report: only which object changed, never what it holds. Called on informer
 * threads, so implementations only queue keys; the reconcile reads the cache later.
 */
public interface CacheListener {

  void sourceChanged(SourceRef source);

  void copyChanged(String secret, String namespace);

  void namespaceChanged(String namespace);
}
