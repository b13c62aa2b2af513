package io.keygate.events;

/**
 * Every event Keygate publishes. One sealed sub-interface per aggregate ({@code TokenEvent},
 * {@code ApplicationEvent}, {@code PolicyEvent}, {@code CallEvent}, …), one record per event type;
 * {@link EventType} names each record's CloudEvents {@code type}, topic and JSON Schema. (Not sealed itself: Java allows sealing
 * across packages only inside a named module.)
 */
public interface KeygateEvent {

    /** The aggregate the event belongs to; the CloudEvents {@code subject} and the Kafka record key. */
    String aggregateId();

    /** The owning tenant, or {@code null} when the event belongs to no tenant (e.g. a call to no route). */
    String tenantId();
}
