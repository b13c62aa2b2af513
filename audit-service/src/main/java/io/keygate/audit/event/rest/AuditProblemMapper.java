package io.keygate.audit.event.rest;

import io.keygate.audit.event.AuditEventNotFoundException;
import io.keygate.audit.event.InvalidParameterException;
import io.keygate.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps audit's own failures to problem JSON; shared failures are mapped by the problem-json module. */
public class AuditProblemMapper {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return Problems.invalidField(400, e.parameter(), e.reason(), uri);
    }

    @ServerExceptionMapper
    public Response notFound(AuditEventNotFoundException e, UriInfo uri) {
        return Problems.notFound(e.getMessage(), uri);
    }
}
