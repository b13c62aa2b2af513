package io.keygate.audit.event;

import java.time.Instant;
import java.util.List;

/**
 * A record audit could not store as an entry, kept with its raw bytes so nothing read is lost.
 *
 * @param topic      where it was read
 * @param partition  its partition
 * @param offset     its offset
 * @param key        the record key's bytes, or null
 * @param value      the record value's bytes, or null
 * @param headers    the record headers, in order
 * @param reason     why it could not be stored (never the payload)
 * @param recordTime the Kafka record timestamp, or null
 */
public record DeadLetter(
        String topic,
        int partition,
        long offset,
        byte[] key,
        byte[] value,
        List<Header> headers,
        String reason,
        Instant recordTime) {

    /**
     * One record header.
     *
     * @param name  the header key
     * @param value its bytes, or null
     */
    public record Header(String name, byte[] value) {}
}
