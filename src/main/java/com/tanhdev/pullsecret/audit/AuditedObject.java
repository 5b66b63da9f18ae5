package com.tanhdev.pullsecret.audit;

import com.tanhdev.pullsecret.podspec.WorkloadKind;
import tools.jackson.databind.JsonNode;

/**
 * A workload or Pod as read from the cluster, in raw JSON so that it is read exactly as the webhook
 * reads an admission request's object.
 */
record AuditedObject(WorkloadKind kind, String namespace, String name, JsonNode json) {}
