package io.keygate.audit.event;

import java.time.Instant;
import org.apache.kafka.common.header.Headers;

/**
 * A Kafka record as audit receives it: undecoded, so a record that is not a storable event can be kept whole.
 *
 * @param topic      its topic
 * @param partition  its partition
 * @param offset     its offset
 * @param timestamp  the record timestamp, or null
 * @param headers    its headers (CloudEvents binary mode keeps the attributes here)
 * @param key        key bytes, or null
 * @param value      value bytes, or null
 */
public record RawRecord(
        String topic, int partition, long offset, Instant timestamp, Headers headers, byte[] key, byte[] value) {}
