package io.keygate.bench;

/** The lines of the gateway benchmark: each is the same wrk load against another server in front of the upstream. */
enum GatewayLine {
    A("(a) upstream directly (nginx static 200, the limit)"),
    B("(b) nginx reverse proxy"),
    C("(c) nginx reverse proxy + API-key `map` + `limit_req` per key"),
    D("(d) gateway: key auth + scope + subscription + local rate limit + call records"),
    E("(e) as (d) with cluster rate limiting in Redis"),
    M("(m) minimal Vert.x reverse proxy, no checks (the floor of the gateway's stack)");

    private final String label;

    GatewayLine(String label) {
        this.label = label;
    }

    /** How the line is named in the report. */
    String label() {
        return label;
    }

    /** Its letter, as in the ratios ({@code d/c}). */
    String letter() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
