package io.keygate.token.oauth.rest;

import io.keygate.events.signing.PublicJwk;
import java.util.List;

/** A JWK Set (RFC 7517 §5): the public keys verifiers accept. */
public record JwkSet(List<PublicJwk> keys) {}
