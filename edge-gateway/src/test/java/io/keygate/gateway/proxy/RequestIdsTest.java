package io.keygate.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void saneIncomingIdIsKept() {
        assertThat(RequestIds.acceptOrGenerate("req-01HZX.abc_9:1")).isEqualTo("req-01HZX.abc_9:1");
    }

    @Test
    void missingOrInsaneIdIsReplaced() {
        assertThat(RequestIds.acceptOrGenerate(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrGenerate("")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrGenerate("a b")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrGenerate("x\r\nSet-Cookie: y")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.acceptOrGenerate("a".repeat(129))).matches("[0-9a-f-]{36}");
    }

    @Test
    void generatedIdsAreVersion4UuidsAndDiffer() {
        String id = RequestIds.generate();
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4);
        assertThat(RequestIds.generate()).isNotEqualTo(id);
    }
}
