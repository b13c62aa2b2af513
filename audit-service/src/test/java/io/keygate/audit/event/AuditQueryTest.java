package io.keygate.audit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void absentParametersMeanNoFilterAndTheDefaultPageSize() {
        AuditQuery query = AuditQuery.parse(null, null, null, null, null, null, null);

        assertThat(query).isEqualTo(new AuditQuery(null, null, null, null, null, AuditQuery.DEFAULT_LIMIT, null));
    }

    @Test
    void everyParameterIsParsed() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-01-01T00:00:00.123456Z"), UUID.randomUUID());

        AuditQuery query = AuditQuery.parse(
                "acme",
                "io.keygate.apikey.issued.v1",
                "key_1",
                "2026-01-01T00:00:00Z",
                "2026-01-02T00:00:00Z",
                "500",
                cursor.encode());

        assertThat(query.limit()).isEqualTo(500);
        assertThat(query.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(query.after()).isEqualTo(cursor);
    }

    @Test
    void aCursorSurvivesItsTextFormAndGarbageIsRefusedAsAfter() {
        PageCursor cursor = new PageCursor(Instant.parse("1969-12-31T23:59:59.999999Z"), UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        for (String garbage : new String[] {"", "%%%", "MTox", "Mjo1OmFiYw"}) {
            assertThatThrownBy(() -> PageCursor.decode(garbage))
                    .isInstanceOfSatisfying(
                            InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("after"));
        }
    }

    @Test
    void limitsOutsideOneToFiveHundredNameTheLimit() {
        for (String limit : new String[] {"0", "501", "-1", "1e2", ""}) {
            assertThatThrownBy(() -> AuditQuery.parse(null, null, null, null, null, limit, null))
                    .isInstanceOfSatisfying(
                            InvalidParameterException.class,
                            e -> assertThat(e.parameter()).isEqualTo("limit"));
        }
    }
}
