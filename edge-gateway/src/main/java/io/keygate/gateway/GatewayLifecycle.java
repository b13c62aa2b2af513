package io.keygate.gateway;

import io.keygate.gateway.calls.CallRecordPublisher;
import io.keygate.gateway.kafka.GatewayTopics;
import io.keygate.gateway.proxy.ProxyServer;
import io.keygate.gateway.state.StateConsumer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Starts the gateway's parts in dependency order and stops them in reverse: topics, call-record
 * producer, state consumer, proxy port. The proxy opens before the state is complete on purpose: it
 * answers 503 until then, which is what a client should see.
 */
@ApplicationScoped
public class GatewayLifecycle {

    private final GatewayTopics topics;
    private final CallRecordPublisher callRecords;
    private final StateConsumer stateConsumer;
    private final ProxyServer proxy;

    public GatewayLifecycle(
            GatewayTopics topics, CallRecordPublisher callRecords, StateConsumer stateConsumer, ProxyServer proxy) {
        this.topics = topics;
        this.callRecords = callRecords;
        this.stateConsumer = stateConsumer;
        this.proxy = proxy;
    }

    void onStart(@Observes StartupEvent event) {
        topics.ensureExist();
        callRecords.start();
        stateConsumer.start();
        proxy.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        proxy.stop();
        stateConsumer.stop();
        callRecords.stop();
    }
}
