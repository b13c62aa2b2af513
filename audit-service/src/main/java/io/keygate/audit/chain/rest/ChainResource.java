package io.keygate.audit.chain.rest;

import io.keygate.audit.chain.ChainVerificationService;
import io.keygate.audit.chain.Verification;
import io.keygate.audit.checkpoint.Checkpoint;
import io.keygate.audit.checkpoint.CheckpointKeys;
import io.keygate.audit.checkpoint.CheckpointService;
import io.keygate.audit.event.InvalidParameterException;
import io.keygate.events.audit.AuditCheckpointSigned;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tamper evidence: verify a tenant's hash chain, read its signed checkpoints and the keys that signed them. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tamper evidence")
public class ChainResource {

    /** A tenant id, or {@code _platform}. */
    private static final Pattern CHAIN = Pattern.compile("_platform|[a-z0-9][a-z0-9-]{0,62}");

    private final ChainVerificationService verification;
    private final CheckpointService checkpoints;

    ChainResource(ChainVerificationService verification, CheckpointService checkpoints) {
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @GET
    @Path("/chains/{chain}/verification")
    @Operation(
            summary = "Verify a tenant's chain",
            description = "Recomputes every entry's hash from its content and the previous hash, compares every link"
                    + " and every signed checkpoint in the range, and names the first broken link. From the oldest"
                    + " kept entry to the head unless from/to narrow it.")
    public Uni<Verification> verify(
            @Parameter(description = "A tenant id, or _platform for events of no tenant") @PathParam("chain")
                    String chain,
            @Parameter(description = "First position to check (default: the oldest kept)") @QueryParam("from")
                    String from,
            @Parameter(description = "Last position to check (default: the head)") @QueryParam("to") String to) {
        String name = chain(chain);
        Long fromSequence = position("from", from);
        Long toSequence = position("to", to);
        if (fromSequence != null && toSequence != null && toSequence < fromSequence) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        return verification.verify(name, fromSequence, toSequence).map(result -> {
            if (result == null) {
                throw new NotFoundException("The chain " + name + " has no entries");
            }
            return result;
        });
    }

    @GET
    @Path("/chains/{chain}/checkpoints")
    @Operation(summary = "The chain's signed checkpoints, oldest first (as published on keygate.audit-checkpoints)")
    public Uni<List<AuditCheckpointSigned>> checkpoints(
            @PathParam("chain") String chain, @QueryParam("from") String from, @QueryParam("to") String to) {
        String name = chain(chain);
        Long fromSequence = position("from", from);
        Long toSequence = position("to", to);
        return checkpoints
                .checkpoints(
                        name, fromSequence == null ? 1 : fromSequence, toSequence == null ? Long.MAX_VALUE : toSequence)
                .map(list -> list.stream().map(Checkpoint::toEvent).toList());
    }

    @GET
    @Path("/checkpoint-keys")
    @Operation(
            summary = "The public keys of the checkpoints (JWK set)",
            description = "Every Ed25519 key that ever signed a checkpoint, as OKP JWKs, by kid.")
    public Uni<Map<String, List<Map<String, String>>>> keys() {
        return checkpoints
                .publicKeys()
                .map(keys -> Map.of(
                        "keys",
                        keys.entrySet().stream()
                                .map(e -> Map.of(
                                        "kty", "OKP",
                                        "crv", "Ed25519",
                                        "use", "sig",
                                        "alg", "EdDSA",
                                        "kid", e.getKey(),
                                        "x",
                                                Base64.getUrlEncoder()
                                                        .withoutPadding()
                                                        .encodeToString(CheckpointKeys.raw(e.getValue()))))
                                .toList()));
    }

    private static String chain(String chain) {
        if (chain == null || !CHAIN.matcher(chain).matches()) {
            throw new InvalidParameterException("chain", "must be a tenant id or _platform");
        }
        return chain;
    }

    private static Long position(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new InvalidParameterException(name, "must be a positive integer");
    }
}
