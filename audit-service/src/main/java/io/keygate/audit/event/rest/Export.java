package io.keygate.audit.event.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keygate.audit.event.InvalidParameterException;
import io.smallrye.mutiny.Multi;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestMulti;

/**
 * Streams an export: items are read a page at a time as the client takes them (back-pressure), written as JSON
 * Lines or CSV (RFC 4180), in chunks of many lines. Memory stays flat however large the export.
 */
final class Export {

    static final String JSON_LINES = "application/jsonl";
    static final String CSV = "text/csv";
    private static final int LINES_PER_CHUNK = 500;

    private Export() {}

    /** The format named by the {@code format} parameter: {@code jsonl} (default) or {@code csv}. */
    static boolean csv(String format) {
        if (format == null || format.equals("jsonl")) {
            return false;
        }
        if (format.equals("csv")) {
            return true;
        }
        throw new InvalidParameterException("format", "must be jsonl or csv");
    }

    /** The streamed response. */
    static <T> RestMulti<String> of(
            Multi<T> items,
            boolean csv,
            String name,
            List<String> header,
            Function<T, List<Object>> cells,
            Function<T, String> jsonLine) {
        Multi<String> lines = items.map(item -> csv ? csvLine(cells.apply(item)) : jsonLine.apply(item) + "\n");
        if (csv) {
            lines = Multi.createBy()
                    .concatenating()
                    .streams(Multi.createFrom().item(csvLine(List.copyOf(header))), lines);
        }
        Multi<String> chunks = lines.group().intoLists().of(LINES_PER_CHUNK).map(list -> String.join("", list));
        return RestMulti.fromMultiData(chunks)
                .header("Content-Type", (csv ? CSV : JSON_LINES) + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + (csv ? ".csv" : ".jsonl") + "\"")
                .build();
    }

    /** One value as a line of JSON (without the line end). */
    static String json(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV record: fields quoted when needed; a text starting with = + - @ is prefixed with ' (no formulas). */
    static String csvLine(List<Object> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            Object cell = cells.get(i);
            if (cell == null) {
                continue;
            }
            String text = cell.toString();
            if (cell instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.indexOf(',') >= 0
                    || text.indexOf('"') >= 0
                    || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0) {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.append("\r\n").toString();
    }
}
