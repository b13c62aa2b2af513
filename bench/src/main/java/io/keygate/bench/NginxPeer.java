package io.keygate.bench;

import io.keygate.testkit.ChildProcesses;
import io.keygate.testkit.LogTail;
import io.keygate.testkit.RunDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One Debian {@code nginx} as a child process with its own prefix, configuration, pid file and logs in a
 * directory of the run: never the system's nginx, its configuration or its service. It runs in the foreground
 * ({@code daemon off}), so stopping the child stops it (SIGTERM: nginx's fast shutdown).
 *
 * <p>The three configurations of the gateway benchmark: the upstream every line reaches (a small static 200), a
 * plain reverse proxy to it, and the reverse proxy a user would set up instead of an API gateway: a {@code map}
 * of the API keys and {@code limit_req} keyed by the key.
 */
final class NginxPeer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * nginx closes a keep-alive connection after 1000 requests by default (client and upstream side); the gateway
     * does not, so the peers here do not either: reconnects would be measured, not proxying.
     */
    private static final String KEEPALIVE_REQUESTS = "1000000";

    /** Keep-alive connections to the upstream, as the gateway keeps them. */
    private static final String PROXY_PASS = """
                        proxy_pass http://bench_upstream;
                        proxy_http_version 1.1;
                        proxy_set_header Connection "";
            """;

    private final String name;
    private final int port;
    private final Process process;
    private final Path prefix;

    private NginxPeer(String name, int port, Process process, Path prefix) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.prefix = prefix;
    }

    /** Where the upstream tells how many requests it has handled ({@code stub_status}). */
    private static final String STATUS_PATH = "/nginx-status";

    /**
     * The upstream of every line: {@code 200 {"ok":true}} for any request. No access log: it is the limit. Its
     * {@link #handledRequests} count what reached it.
     */
    static NginxPeer upstream(RunDirectory run, int port) {
        return start(run, "nginx-upstream", port, """
                    access_log off;
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            default_type application/json;
                            return 200 '{"ok":true}\\n';
                        }
                        location = %s {
                            stub_status;
                        }
                    }
                """.formatted(port, STATUS_PATH));
    }

    /**
     * Requests this nginx has handled since it started, this one included ({@code stub_status}: "server accepts
     * handled requests" then the three numbers). Only the upstream serves it.
     */
    long handledRequests() throws IOException, InterruptedException {
        HttpResponse<String> status = HTTP.send(
                HttpRequest.newBuilder(URI.create(url() + STATUS_PATH)).build(), HttpResponse.BodyHandlers.ofString());
        if (status.statusCode() != 200) {
            throw new IllegalStateException(name + " has no status page: " + status.statusCode());
        }
        String counts = status.body().lines().skip(2).findFirst().orElseThrow().trim();
        return Long.parseLong(counts.split("\\s+")[2]);
    }

    /** (b) A plain reverse proxy to the upstream, with keep-alive upstream connections and an access log. */
    static NginxPeer reverseProxy(RunDirectory run, int port, int upstreamPort) {
        return start(run, "nginx-proxy", port, upstreamBlock(upstreamPort) + """
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                %s
                        }
                    }
                """.formatted(port, PROXY_PASS));
    }

    /**
     * (c) The reverse proxy a user would configure instead: a {@code map} from the {@code X-API-Key} header to the
     * key's application (401 for any other key), a {@code limit_req} zone keyed by the key with a rate far above
     * what a key sees, the key stripped before the upstream and the application passed to it.
     */
    static NginxPeer keyMapProxy(RunDirectory run, int port, int upstreamPort, List<String> keyMapLines) {
        Path prefix = prefixDirectory(run, "nginx-keymap");
        try {
            Files.write(prefix.resolve("api-keys.map"), keyMapLines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return start(
                run,
                prefix,
                "nginx-keymap",
                port,
                upstreamBlock(upstreamPort) + """
                    map_hash_max_size 65536;
                    map_hash_bucket_size 128;
                    map $http_x_api_key $api_application {
                        default "";
                        include %s;
                    }
                    limit_req_zone $http_x_api_key zone=per_key:32m rate=1000000r/s;
                    limit_req_status 429;
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            if ($api_application = "") {
                                return 401;
                            }
                            limit_req zone=per_key burst=1000 nodelay;
                            proxy_set_header X-API-Key "";
                            proxy_set_header X-Keygate-Application-Id $api_application;
                %s
                        }
                    }
                """.formatted(prefix.resolve("api-keys.map"), port, PROXY_PASS));
    }

    /** The line of the {@code map} for one key. */
    static String keyMapLine(String secret, String applicationId) {
        return "\"" + secret + "\" " + applicationId + ";";
    }

    private static String upstreamBlock(int upstreamPort) {
        return """
                    access_log %s combined buffer=64k flush=1s;
                    upstream bench_upstream {
                        server 127.0.0.1:%d;
                        keepalive 128;
                        keepalive_requests %s;
                    }
                """.formatted("access.log", upstreamPort, KEEPALIVE_REQUESTS);
    }

    private static NginxPeer start(RunDirectory run, String name, int port, String http) {
        return start(run, prefixDirectory(run, name), name, port, http);
    }

    private static NginxPeer start(RunDirectory run, Path prefix, String name, int port, String http) {
        Path config = prefix.resolve("nginx.conf");
        String conf = """
                worker_processes auto;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events {
                    worker_connections 4096;
                }
                http {
                    keepalive_requests %2$s;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %3$s
                }
                """.formatted(prefix, KEEPALIVE_REQUESTS, http);
        try {
            Files.writeString(config, conf);
            Process process = new ProcessBuilder(
                            "nginx", "-p", prefix + "/", "-e", prefix + "/error.log", "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("nginx.out").toFile())
                    .start();
            // A killed bench leaves no nginx behind: the next run's sweep stops it.
            run.recordServerPid(name, process.pid());
            NginxPeer nginx = new NginxPeer(name, port, process, prefix);
            nginx.awaitListening();
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private static Path prefixDirectory(RunDirectory run, String name) {
        try {
            return Files.createDirectories(run.path().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        try {
            Listening.await(
                    name,
                    process,
                    port,
                    START_TIMEOUT,
                    () -> LogTail.of(prefix.resolve("error.log"), 20) + LogTail.of(prefix.resolve("nginx.out"), 20));
        } catch (IllegalStateException e) {
            close();
            throw e;
        }
    }

    /** Its URL. */
    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Its master process; its workers are the master's children. */
    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, Duration.ofSeconds(5));
    }
}
