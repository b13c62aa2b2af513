package io.keygate.audit.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void absentParametersMeanNoFilterAndTheDefaultPageSize() {
        AuditQuery query = AuditQuery.builder()
                .text("tenantId", "tenant_id", null)
                .range(null, null)
                .limit(null)
                .after(null)
                .build();

        assertThat(query).isEqualTo(new AuditQuery(List.of(), null, null, AuditQuery.DEFAULT_LIMIT, null));
    }

    @Test
    void everyParameterIsParsed() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-01-01T00:00:00.123456Z"), UUID.randomUUID());

        AuditQuery query = AuditQuery.builder()
                .text("tenantId", "tenant_id", "acme")
                .integer("status", "status", "429", 100, 599)
                .range("2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")
                .limit("500")
                .after(cursor.encode())
                .build();

        assertThat(query.filters())
                .containsExactly(new AuditQuery.Filter("tenant_id", "acme"), new AuditQuery.Filter("status", 429));
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
    void badValuesNameTheirParameter() {
        for (String limit : new String[] {"0", "501", "-1", "1e2", ""}) {
            assertInvalid(() -> AuditQuery.builder().limit(limit), "limit");
        }
        assertInvalid(() -> AuditQuery.builder().integer("status", "status", "99", 100, 599), "status");
        assertInvalid(() -> AuditQuery.builder().text("actor", "actor", " "), "actor");
        assertInvalid(() -> AuditQuery.builder().range("yesterday", null), "from");
        assertInvalid(() -> AuditQuery.builder().range("2026-01-02T00:00:00Z", "2026-01-01T00:00:00Z"), "to");
    }

    private static void assertInvalid(Runnable parse, String parameter) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(
                        InvalidParameterException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter));
    }
}
