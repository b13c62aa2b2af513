package io.keygate.token.oauth.rest;

/** Answer to a rotation: the id ({@code kid}) of the key that signs from now on. */
public record RotatedKey(String keyId) {}
