package io.keygate.gateway.state;

/** Where the state consumer is in its life. Only {@link #LIVE} lets requests through. */
public enum ConsumerPhase {
    /** Creating topics, assigning partitions, reading end offsets. */
    STARTING,
    /** Reading the topics from the beginning up to the end offsets seen at start. */
    CATCHING_UP,
    /** Caught up once; applying events as they arrive. */
    LIVE,
    /** Stopped by an error it cannot recover from: the state no longer follows the topics. */
    FAILED,
    /** Stopped at shutdown. */
    STOPPED
}
