// Swift cannot call C variadic functions, and rd_kafka_producev() takes its arguments as a variadic list of
// RD_KAFKA_V_* pairs. This header wraps the one call shape the Swift layer needs in a fixed-arity inline function.
#ifndef CRDKAFKA_SHIM_H
#define CRDKAFKA_SHIM_H

#include <stddef.h>
#include <stdint.h>
#include <librdkafka/rdkafka.h>

/// Enqueues one message; librdkafka copies key and value (RD_KAFKA_MSG_F_COPY), so the caller's buffers may be
/// released as soon as this returns. On success librdkafka owns `headers`; on failure the caller still does.
/// `partition` is RD_KAFKA_PARTITION_UA to let the partitioner choose. `opaque` comes back in the delivery report.
static inline rd_kafka_resp_err_t crdkafka_produce(rd_kafka_t *rk, const char *topic, int32_t partition,
                                                   const void *key, size_t key_len,
                                                   const void *value, size_t value_len,
                                                   rd_kafka_headers_t *headers, void *opaque) {
    if (headers == NULL) {
        return rd_kafka_producev(rk,
                                 RD_KAFKA_V_TOPIC(topic),
                                 RD_KAFKA_V_PARTITION(partition),
                                 RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                 RD_KAFKA_V_KEY(key, key_len),
                                 RD_KAFKA_V_VALUE((void *)value, value_len),
                                 RD_KAFKA_V_OPAQUE(opaque),
                                 RD_KAFKA_V_END);
    }
    return rd_kafka_producev(rk,
                             RD_KAFKA_V_TOPIC(topic),
                             RD_KAFKA_V_PARTITION(partition),
                             RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                             RD_KAFKA_V_KEY(key, key_len),
                             RD_KAFKA_V_VALUE((void *)value, value_len),
                             RD_KAFKA_V_HEADERS(headers),
                             RD_KAFKA_V_OPAQUE(opaque),
                             RD_KAFKA_V_END);
}

/// The "let the partitioner choose" sentinel; the header defines it as a macro Swift does not import reliably.
static inline int32_t crdkafka_partition_unassigned(void) {
    return RD_KAFKA_PARTITION_UA;
}

/// The "beginning of the partition" logical offset, for the same reason.
static inline int64_t crdkafka_offset_beginning(void) {
    return RD_KAFKA_OFFSET_BEGINNING;
}

/// The "end of the partition" logical offset, for the same reason.
static inline int64_t crdkafka_offset_end(void) {
    return RD_KAFKA_OFFSET_END;
}

#endif
