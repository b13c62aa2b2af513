package io.keygate.policy.iprule.rest;

import io.keygate.events.policy.IpRuleScope;
import io.keygate.events.policy.IpRuleState;
import io.keygate.policy.iprule.IpRuleRejectedException;
import io.keygate.policy.iprule.IpRuleRejection;
import io.keygate.policy.iprule.service.IpRuleService;
import io.keygate.policy.iprule.store.IpRuleProjection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

/** What the global and the tenant IP-rule resources share: the same operations on one scope each. */
@ApplicationScoped
public class IpRuleEndpoints {

    static final String TENANT_ID = "[a-z0-9][a-z0-9-]{0,62}";
    static final String RULE_ID = "ipr_[0-9a-f]{32}";
    static final int MAX_LIMIT = 500;

    private final IpRuleService service;
    private final IpRuleProjection projection;

    IpRuleEndpoints(IpRuleService service, IpRuleProjection projection) {
        this.service = service;
        this.projection = projection;
    }

    Uni<Response> create(IpRuleScope scope, String tenantId, IpRuleRequest request, String requestId, UriInfo uri) {
        return service.create(
                        scope,
                        tenantId,
                        request.action(),
                        request.cidr(),
                        request.reason(),
                        request.expiresAt(),
                        correlation(requestId))
                .map(rule -> Response.created(
                                uri.getAbsolutePathBuilder().path(rule.ruleId()).build())
                        .entity(IpRuleView.of(rule))
                        .build());
    }

    Uni<List<IpRuleView>> list(IpRuleScope scope, String tenantId, String status, int limit) {
        return projection
                .list(scope, tenantId, "ALL".equals(status), limit)
                .map(rules -> rules.stream().map(IpRuleView::of).toList());
    }

    Uni<IpRuleView> get(IpRuleScope scope, String tenantId, String ruleId) {
        return projection.find(scope, tenantId, ruleId).map(rule -> IpRuleView.of(existing(rule, ruleId)));
    }

    Uni<IpRuleView> delete(IpRuleScope scope, String tenantId, String ruleId, String requestId) {
        return service.delete(scope, tenantId, ruleId, correlation(requestId)).map(IpRuleView::of);
    }

    private static IpRuleState existing(IpRuleState rule, String ruleId) {
        if (rule == null) {
            throw new IpRuleRejectedException(new IpRuleRejection.NotFound(ruleId));
        }
        return rule;
    }

    private static String correlation(String requestId) {
        return requestId != null && requestId.matches("[A-Za-z0-9._-]{1,128}")
                ? requestId
                : UUID.randomUUID().toString();
    }
}
