package io.keygate.audit.event.rest;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list of the trail takes. */
public class PageParameters {

    @Parameter(
            description = "Page size",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "100"))
    @QueryParam("limit")
    String limit;

    @Parameter(description = "nextCursor of the previous page")
    @QueryParam("after")
    String after;
}
