package io.keygate.events;

import io.keygate.events.identity.ServiceAccountCreated;
import io.keygate.events.identity.ServiceAccountRevoked;
import io.keygate.events.identity.ServiceAccountState;
import io.keygate.events.identity.ServiceAccountStatus;
import io.keygate.events.identity.TenantRole;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Samples of the service-account events for {@link SampleEvents}. */
final class ServiceAccountSamples {

    static final String ACCOUNT = "svc_0123456789abcdef0123456789abcdef";

    private ServiceAccountSamples() {}

    static Map<EventType, List<KeygateEvent>> all(Instant t0) {
        ServiceAccountState active = new ServiceAccountState(
                ACCOUNT,
                "acme",
                "CI key rotation",
                List.of(TenantRole.ADMIN),
                ServiceAccountStatus.ACTIVE,
                t0,
                t0,
                null);
        ServiceAccountState revoked = new ServiceAccountState(
                ACCOUNT,
                "acme",
                "CI key rotation",
                List.of(TenantRole.ADMIN),
                ServiceAccountStatus.REVOKED,
                t0,
                t0.plusSeconds(60),
                t0.plusSeconds(60));
        return Map.of(
                EventType.SERVICE_ACCOUNT_CREATED, List.of(new ServiceAccountCreated(active)),
                EventType.SERVICE_ACCOUNT_REVOKED, List.of(new ServiceAccountRevoked(revoked, t0.plusSeconds(960))));
    }
}
