package io.keygate.token.rest;

/** JSON merge-patch (RFC 7396), the body of every PATCH: left out = kept, {@code null} = cleared. */
public final class MergePatch {

    /** Its media type; PATCH endpoints accept it and plain {@code application/json}. */
    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private MergePatch() {}
}
