/**
 * Prometheus remote write 1.0 on the receiving side: the Snappy block-compressed protobuf {@code WriteRequest}
 * (classes generated from {@code src/main/protobuf/remote.proto}) decoded into float samples per label set.
 */
package io.prescale.collect.remotewrite;
