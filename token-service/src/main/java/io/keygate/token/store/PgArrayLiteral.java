package io.keygate.token.store;

import java.util.List;

/**
 * PostgreSQL's text form of a one-dimensional text array ({@code {"a","b \"c\""}}), for an array column written from
 * an array of such texts: a multi-row statement passes each column as one array, and an array of arrays is not one
 * (PostgreSQL's arrays are rectangular), so each row's array travels as its literal and is cast back in SQL.
 */
public final class PgArrayLiteral {

    private PgArrayLiteral() {}

    /**
     * The literal of {@code elements}: each element double-quoted with its backslashes and quotes escaped, so commas,
     * braces, spaces, empty texts and the word NULL stay texts; a null element is the unquoted {@code NULL}.
     */
    public static String of(List<String> elements) {
        StringBuilder literal = new StringBuilder(2 + elements.size() * 16).append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String element = elements.get(i);
            if (element == null) {
                literal.append("NULL");
                continue;
            }
            literal.append('"');
            for (int c = 0; c < element.length(); c++) {
                char ch = element.charAt(c);
                if (ch == '"' || ch == '\\') {
                    literal.append('\\');
                }
                literal.append(ch);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }
}
