package com.tanhdev.pullsecret.admission;

/**
 * The handler's answer to one review: the response for the API server and the record for logs and
 * metrics, built together by {@link AdmissionResponses}.
 */
public record Answer(AdmissionResponse response, ReviewRecord record) {}
