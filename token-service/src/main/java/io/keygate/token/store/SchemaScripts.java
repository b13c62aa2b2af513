package io.keygate.token.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The SQL scripts (idempotent {@code CREATE … IF NOT EXISTS}) that create the read models at startup. */
public final class SchemaScripts {

    private SchemaScripts() {}

    /** The text of a script on the classpath, e.g. {@code /io/keygate/token/schema.sql}. */
    public static String load(String resource) {
        try (InputStream in = SchemaScripts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema script " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
