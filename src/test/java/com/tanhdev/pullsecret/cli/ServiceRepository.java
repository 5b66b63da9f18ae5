package com.tanhdev.pullsecret.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a GitOps repository shaped like the platform's: {@code apps/<service>/base/} with a
 * Deployment for every service and, for 13 of the 24, a worker Deployment and a migration Job (50
 * workload files), {@code overlays/dev} and {@code overlays/production} setting the namespace
 * {@code <service>-<env>}, the image tags and the production replicas. Every workload lists the
 * pull secret by hand, as they all do before the migration.
 */
final class ServiceRepository {

  static final List<String> SERVICES =
      List.of(
          "auth",
          "user",
          "customer",
          "gateway",
          "catalog",
          "search",
          "pricing",
          "promotion",
          "order",
          "payment",
          "fulfillment",
          "warehouse",
          "shipping",
          "notification",
          "analytics",
          "location",
          "review",
          "loyalty-rewards",
          "checkout",
          "return",
          "admin",
          "frontend",
          "inventory",
          "media");
  static final List<String> ENVIRONMENTS = List.of("dev", "production");
  static final int SERVICES_WITH_WORKERS = 13;

  private ServiceRepository() {}

  /** Writes the repository under {@code root}; returns the overlay directories, relative. */
  static List<String> write(Path root) {
    List<String> overlays = new ArrayList<>();
    for (int i = 0; i < SERVICES.size(); i++) {
      String service = SERVICES.get(i);
      boolean hasWorker = i < SERVICES_WITH_WORKERS;
      Path base = root.resolve("apps").resolve(service).resolve("base");
      List<String> resources = new ArrayList<>(List.of("deployment.yaml"));
      write(base.resolve("deployment.yaml"), deployment(service));
      if (hasWorker) {
        resources.addAll(List.of("worker-deployment.yaml", "migration-job.yaml"));
        write(base.resolve("worker-deployment.yaml"), worker(service));
        write(base.resolve("migration-job.yaml"), migration(service));
      }
      write(base.resolve("kustomization.yaml"), kustomization("resources", resources));
      for (String env : ENVIRONMENTS) {
        String overlay = "apps/" + service + "/overlays/" + env;
        write(
            root.resolve(overlay).resolve("kustomization.yaml"), overlay(service, env, hasWorker));
        overlays.add(overlay);
      }
    }
    return overlays;
  }

  private static String deployment(String service) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s-api
          labels:
            app.kubernetes.io/name: %1$s-api
            app.kubernetes.io/part-of: %1$s
        spec:
          replicas: 1
          selector:
            matchLabels:
              app.kubernetes.io/name: %1$s-api
          template:
            metadata:
              labels:
                app.kubernetes.io/name: %1$s-api
            spec:
              containers:
              - name: api
                image: registry-api.tanhdev.com/%1$s/api:1.0.0
                ports:
                - containerPort: 8080
                  name: http
              imagePullSecrets:
              - name: registry-api-tanhdev
        """
        .formatted(service);
  }

  private static String worker(String service) {
    return """
        # Consumes the %1$s event queue.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s-worker
        spec:
          selector:
            matchLabels:
              app.kubernetes.io/name: %1$s-worker
          template:
            metadata:
              labels:
                app.kubernetes.io/name: %1$s-worker
            spec:
              containers:
              - name: worker
                image: registry-api.tanhdev.com/%1$s/worker:1.0.0 # same release as the API
                args: ["--queue=%1$s-events"]
              imagePullSecrets:
              - name: registry-api-tanhdev # created by hand in every namespace
        """
        .formatted(service);
  }

  private static String migration(String service) {
    return """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: %1$s-db-migrate
        spec:
          backoffLimit: 2
          template:
            spec:
              containers:
              - name: migrate
                image: registry-api.tanhdev.com/%1$s/migrate:1.0.0
              imagePullSecrets:
              - name: registry-api-tanhdev
              restartPolicy: Never
        """
        .formatted(service);
  }

  private static String overlay(String service, String env, boolean hasWorker) {
    String tag = env.equals("dev") ? "1.1.0-rc.1" : "1.0.0";
    StringBuilder images = new StringBuilder();
    for (String image : hasWorker ? List.of("api", "worker", "migrate") : List.of("api")) {
      images.append(
          "- name: registry-api.tanhdev.com/%s/%s\n  newTag: %s\n".formatted(service, image, tag));
    }
    String replicas =
        env.equals("production")
            ? "replicas:\n- name: %s-api\n  count: 3\n".formatted(service)
            : "";
    return """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: %s-%s
        resources:
        - ../../base
        images:
        %s%s"""
        .formatted(service, env, images, replicas);
  }

  private static String kustomization(String field, List<String> entries) {
    StringBuilder text =
        new StringBuilder(
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n" + field + ":\n");
    entries.forEach(entry -> text.append("- ").append(entry).append('\n'));
    return text.toString();
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
