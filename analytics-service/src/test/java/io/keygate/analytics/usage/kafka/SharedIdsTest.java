package io.keygate.analytics.usage.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedIdsTest {

    private final SharedIds ids = new SharedIds();

    @Test
    void equalIdsGetOneInstanceWhetherGivenAsStringsOrAsCharacters() {
        String first = ids.share(new String("key-1"));
        char[] parsed = "{\"keyId\":\"key-1\"}".toCharArray();

        assertThat(ids.share(new String("key-1"))).isSameAs(first);
        assertThat(ids.share(parsed, 10, 5)).isSameAs(first);
        assertThat(ids.share(parsed, 10, 4)).isEqualTo("key-").isNotSameAs(first);
        assertThat(ids.share("")).isSameAs(ids.share(parsed, 0, 0));
    }

    @Test
    void idsBeyondLatin1HashAlikeEitherWay() {
        String id = new String("clé-キー-\uD83D\uDD11");

        String shared = ids.share(id);

        assertThat(ids.share(id.toCharArray(), 0, id.length())).isSameAs(shared);
    }

    @Test
    void anAbsentIdStaysAbsent() {
        assertThat(ids.share(null)).isNull();
    }

    @Test
    void idsWhoseHashesCollideStayDistinct() {
        // "Aa" and "BB" have the same String.hashCode.
        String aa = ids.share("Aa");
        String bb = ids.share("BB");

        assertThat(bb).isEqualTo("BB");
        assertThat(ids.share("Aa".toCharArray(), 0, 2)).isSameAs(aa);
        assertThat(ids.share("BB".toCharArray(), 0, 2)).isSameAs(bb);
    }

    @Test
    void pastItsBoundTheTableStartsOverAndIdsKeepTheirValue() {
        for (int i = 0; i <= SharedIds.MAX_SHARED_IDS; i++) {
            char[] id = ("key-" + i).toCharArray();
            assertThat(ids.share(id, 0, id.length)).isEqualTo("key-" + i);
        }
        String after = ids.share(new String("key-7"));

        assertThat(ids.share(new String("key-7"))).isSameAs(after);
        assertThat(ids.share("key-7".toCharArray(), 0, 5)).isSameAs(after);
    }
}
