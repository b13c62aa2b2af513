package io.keygate.testkit;

/** Test helper run as its own JVM: starts a broker, prints its run directory, then waits to be killed. */
public final class StartKafkaAndWait {

    public static void main(String[] args) throws Exception {
        KafkaBroker broker = Testkit.kafka();
        System.out.println("PORT " + broker.port());
        System.out.flush();
        Thread.sleep(120_000);
    }
}
