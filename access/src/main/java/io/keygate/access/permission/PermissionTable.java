package io.keygate.access.permission;

import io.keygate.events.identity.TenantRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The permission matrix, read from the Markdown page {@code docs/permissions.md} that this jar carries. Every table on
 * the page whose header is {@code | service | method | path | tenant | admin | developer | viewer | auditor |}
 * contributes rows; a cell is {@code ✓} (allowed), {@code own} (allowed on owned applications) or {@code —}
 * (refused). Anything else on the page is prose for people.
 */
public final class PermissionTable {

    /** Where the page is on the classpath. */
    public static final String RESOURCE = "/io/keygate/access/permissions.md";

    private static final List<String> FIXED_COLUMNS = List.of("service", "method", "path", "tenant");

    private final Map<String, Permission> byServiceAndEndpoint;

    private PermissionTable(Map<String, Permission> byServiceAndEndpoint) {
        this.byServiceAndEndpoint = byServiceAndEndpoint;
    }

    /** The table this jar carries, read once per class loader. */
    public static PermissionTable bundled() {
        return Bundled.TABLE;
    }

    /** Holds the bundled table: read on first use, by whichever of the filter and the state asks first. */
    private static final class Bundled {

        static final PermissionTable TABLE = load();

        private static PermissionTable load() {
            try (InputStream in = PermissionTable.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The permission table " + RESOURCE + " is not on the classpath");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads the permission rows of a Markdown page.
     *
     * @throws IllegalArgumentException naming the line, for a malformed row, an unknown cell value or a duplicate row
     */
    public static PermissionTable parse(String markdown) {
        Map<String, Permission> rows = new LinkedHashMap<>();
        List<TenantRole> roleColumns = null;
        String[] lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (!line.startsWith("|")) {
                roleColumns = null;
                continue;
            }
            List<String> cells = cells(line);
            if (roleColumns == null) {
                roleColumns = header(cells);
                if (roleColumns != null) {
                    i++; // the |---| line under the header
                }
                continue;
            }
            Permission permission = row(cells, roleColumns, i + 1);
            String key = permission.service() + " " + permission.endpoint();
            if (rows.putIfAbsent(key, permission) != null) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": " + key + " is listed twice");
            }
        }
        return new PermissionTable(Map.copyOf(rows));
    }

    /** The row for an endpoint of a service, or empty when the table has none (which refuses the call). */
    public Optional<Permission> find(String service, String method, String path) {
        return Optional.ofNullable(byServiceAndEndpoint.get(service + " " + method + " " + path));
    }

    /** The rows of one service. */
    public List<Permission> of(String service) {
        return byServiceAndEndpoint.values().stream()
                .filter(permission -> permission.service().equals(service))
                .toList();
    }

    /** Every row. */
    public Collection<Permission> all() {
        return byServiceAndEndpoint.values();
    }

    private static List<TenantRole> header(List<String> cells) {
        if (cells.size() < FIXED_COLUMNS.size()
                || !cells.subList(0, FIXED_COLUMNS.size()).equals(FIXED_COLUMNS)) {
            return null;
        }
        List<TenantRole> roles = new ArrayList<>();
        for (String cell : cells.subList(FIXED_COLUMNS.size(), cells.size())) {
            roles.add(TenantRole.find(cell)
                    .orElseThrow(() -> new IllegalArgumentException("Unknown role column '" + cell + "'")));
        }
        if (roles.size() != TenantRole.values().length) {
            throw new IllegalArgumentException("The permission table needs one column per role: " + roles);
        }
        return roles;
    }

    private static Permission row(List<String> cells, List<TenantRole> roleColumns, int lineNumber) {
        if (cells.size() != FIXED_COLUMNS.size() + roleColumns.size()) {
            throw new IllegalArgumentException("Line " + lineNumber + ": expected "
                    + (FIXED_COLUMNS.size() + roleColumns.size()) + " cells, found " + cells.size());
        }
        try {
            Map<TenantRole, Grant> grants = new EnumMap<>(TenantRole.class);
            for (int column = 0; column < roleColumns.size(); column++) {
                grants.put(roleColumns.get(column), grant(cells.get(FIXED_COLUMNS.size() + column)));
            }
            return new Permission(cells.get(0), cells.get(1), cells.get(2), TenantScope.parse(cells.get(3)), grants);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    private static Grant grant(String cell) {
        switch (cell) {
            case "✓":
                return Grant.ALLOW;
            case "own":
                return Grant.OWN;
            case "—":
                return Grant.DENY;
            default:
                throw new IllegalArgumentException("Unknown grant '" + cell + "': use ✓, own or —");
        }
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("\\|", -1))
                .map(cell -> cell.trim().replace("`", ""))
                .toList();
    }
}
