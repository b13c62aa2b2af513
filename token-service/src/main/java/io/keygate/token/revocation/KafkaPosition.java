package io.keygate.token.revocation;

/**
 * Where Kafka stored an event: a consumer enforces it once its position on the partition is past the offset.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    the record's offset
 */
public record KafkaPosition(String topic, int partition, long offset) {}
