package io.keygate.token.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PgArrayLiteralTest {

    @Test
    void quotesEveryElementSoSeparatorsAndKeywordsStayText() {
        assertEquals(
                "{\"orders:read\",\"a,b\",\"{x}\",\" \",\"\",\"NULL\"}",
                PgArrayLiteral.of(List.of("orders:read", "a,b", "{x}", " ", "", "NULL")));
    }

    @Test
    void escapesQuotesAndBackslashes() {
        assertEquals("{\"say \\\"hi\\\"\",\"c:\\\\dir\"}", PgArrayLiteral.of(List.of("say \"hi\"", "c:\\dir")));
    }

    @Test
    void emptyAndNullElements() {
        assertEquals("{}", PgArrayLiteral.of(List.of()));
        assertEquals("{\"a\",NULL}", PgArrayLiteral.of(Arrays.asList("a", null)));
    }
}
