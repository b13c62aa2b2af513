package io.keygate.analytics.usage.rest;

import io.keygate.analytics.usage.InvalidParameterException;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps analytics' own failures to problem JSON; shared failures are mapped by the problem-json module. */
public class AnalyticsProblemMapper {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return Problems.invalidField(400, e.parameter(), e.reason(), uri);
    }
}
