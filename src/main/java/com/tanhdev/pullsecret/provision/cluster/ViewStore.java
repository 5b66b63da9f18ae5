package com.tanhdev.pullsecret.provision.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An informer's store that keeps, for each object, only a small view of it (what the controller
 * decides on) and a metadata-only stand-in (what the informer itself needs: the key and resource
 * version). The full object, and a Secret's data above all, is dropped when {@link #put} returns.
 */
final class ViewStore<T extends HasMetadata, V> implements ItemStore<T> {

  private final Function<T, V> view;
  private final Supplier<T> blank;
  private final Map<String, T> standIns = new ConcurrentHashMap<>();
  private final Map<String, V> views = new ConcurrentHashMap<>();

  ViewStore(Function<T, V> view, Supplier<T> blank) {
    this.view = view;
    this.blank = blank;
  }

  V view(String key) {
    return views.get(key);
  }

  Stream<V> views() {
    return views.values().stream();
  }

  @Override
  public T put(String key, T object) {
    views.put(key, view.apply(object));
    T standIn = blank.get();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(object.getMetadata().getName());
    metadata.setNamespace(object.getMetadata().getNamespace());
    metadata.setResourceVersion(object.getMetadata().getResourceVersion());
    metadata.setUid(object.getMetadata().getUid());
    standIn.setMetadata(metadata);
    return standIns.put(key, standIn);
  }

  @Override
  public T remove(String key) {
    views.remove(key);
    return standIns.remove(key);
  }

  @Override
  public String getKey(T object) {
    return Cache.metaNamespaceKeyFunc(object);
  }

  @Override
  public Stream<String> keySet() {
    return standIns.keySet().stream();
  }

  @Override
  public Stream<T> values() {
    return standIns.values().stream();
  }

  @Override
  public int size() {
    return standIns.size();
  }

  @Override
  public T get(String key) {
    return standIns.get(key);
  }
}
