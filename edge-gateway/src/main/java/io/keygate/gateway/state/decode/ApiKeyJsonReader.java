package io.keygate.gateway.state.decode;

import static io.keygate.events.canonical.NotCanonicalException.requireCanonical;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.keygate.events.canonical.CanonicalText;
import io.keygate.events.canonical.NotCanonicalException;
import io.keygate.events.token.ApiKeyStatus;
import io.keygate.events.token.Quota;
import io.keygate.events.token.QuotaRefill;
import io.keygate.events.token.RateLimit;
import io.keygate.events.token.RateLimitPeriod;
import io.keygate.gateway.state.EnforcedKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a token event's JSON data with Jackson's streaming parser straight into an {@link EnforcedKey}: the fields
 * the gateway keeps are read, every other field of the event and of its {@code ApiKeyState} is only checked to be
 * what Jackson would accept (so the general reader would not refuse the event), and no event record or full state is
 * built. Whatever is not in the canonical shape (a number for a string, a non-canonical instant, a repeated field, a
 * missing required field, …) is {@linkplain NotCanonicalException not canonical}, and the caller reads the event the
 * general way, which then applies it or counts it as unreadable exactly as before.
 */
final class ApiKeyJsonReader {

    private static final JsonFactory JSON = new JsonFactory();
    private static final long NEVER = Long.MAX_VALUE;
    /** Each field of {@code ApiKeyState}, checked or read below, with its bit in a set of the fields seen. */
    private static final Map<String, Long> KEY_FIELDS = bitsOf(
            "keyId",
            "tenantId",
            "name",
            "maskedKey",
            "keyHash",
            "scopes",
            "status",
            "createdAt",
            "expiresAt",
            "revokedAt",
            "revocationReason",
            "description",
            "applicationId",
            "ipAllowList",
            "rateLimit",
            "quota",
            "metadata",
            "previousKeyHash",
            "previousKeyValidUntil",
            "secretIssuedAt",
            "rotationDueNotifiedAt");

    private ApiKeyJsonReader() {}

    /** The key of an event's data, in the given event type's shape. */
    static EnforcedKey read(byte[] data, TokenEventShape shape) throws NotCanonicalException {
        try (JsonParser json = JSON.createParser(data)) {
            return readEvent(json, shape);
        } catch (IOException e) {
            // Malformed JSON: the general reader counts it as unreadable.
            throw NotCanonicalException.INSTANCE;
        }
    }

    private static EnforcedKey readEvent(JsonParser json, TokenEventShape shape)
            throws IOException, NotCanonicalException {
        requireCanonical(json.nextToken() == JsonToken.START_OBJECT);
        EnforcedKey key = null;
        List<String> othersSeen = null;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            if (name.equals("key")) {
                requireCanonical(key == null && value == JsonToken.START_OBJECT);
                key = readKey(json);
                continue;
            }
            TokenEventShape.FieldKind kind = shape.otherField(name);
            if (kind == null) {
                json.skipChildren(); // Unknown to the record: Jackson ignores it, repeated or not.
                continue;
            }
            othersSeen = othersSeen == null ? new ArrayList<>(2) : othersSeen;
            requireCanonical(!othersSeen.contains(name));
            othersSeen.add(name);
            check(json, value, kind);
        }
        requireCanonical(key != null);
        return key;
    }

    private static EnforcedKey readKey(JsonParser json) throws IOException, NotCanonicalException {
        String keyId = null;
        String tenantId = null;
        String applicationId = null;
        String keyHash = null;
        String previousKeyHash = null;
        ApiKeyStatus status = null;
        long expiresAt = NEVER;
        long previousKeyValidUntil = NEVER;
        List<String> scopes = List.of();
        List<String> ipAllowList = List.of();
        RateLimit rateLimit = null;
        Quota quota = null;
        long seen = 0;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            Long bit = KEY_FIELDS.get(name);
            if (bit == null) {
                json.skipChildren(); // Unknown to ApiKeyState: Jackson ignores it, repeated or not.
                continue;
            }
            requireCanonical((seen & bit) == 0);
            seen |= bit;
            switch (name) {
                case "keyId" -> keyId = text(json, value);
                case "tenantId" -> tenantId = text(json, value);
                case "keyHash" -> keyHash = text(json, value);
                case "applicationId" -> applicationId = text(json, value);
                case "previousKeyHash" -> previousKeyHash = text(json, value);
                case "status" -> status = ApiKeyStatus.valueOf(enumName(json, value, ApiKeyStatus.class));
                case "expiresAt" -> expiresAt = instant(json, value);
                case "previousKeyValidUntil" -> previousKeyValidUntil = instant(json, value);
                case "scopes" -> scopes = textList(json, value);
                case "ipAllowList" -> ipAllowList = textList(json, value);
                case "rateLimit" -> rateLimit = value == JsonToken.VALUE_NULL ? null : rateLimit(json, value);
                case "quota" -> quota = value == JsonToken.VALUE_NULL ? null : quota(json, value);
                case "name", "maskedKey", "revocationReason", "description" ->
                    check(json, value, TokenEventShape.FieldKind.TEXT);
                case "createdAt", "revokedAt", "secretIssuedAt", "rotationDueNotifiedAt" ->
                    check(json, value, TokenEventShape.FieldKind.INSTANT);
                case "metadata" -> {
                    requireCanonical(value == JsonToken.VALUE_NULL || value == JsonToken.START_OBJECT);
                    json.skipChildren();
                }
                default -> throw NotCanonicalException.INSTANCE; // A field listed above but not read: never.
            }
        }
        requireCanonical(keyId != null && tenantId != null && keyHash != null && status != null);
        return new EnforcedKey(
                keyId,
                tenantId,
                applicationId,
                keyHash,
                previousKeyHash,
                status,
                expiresAt,
                previousKeyValidUntil,
                scopes,
                ipAllowList,
                rateLimit,
                quota);
    }

    private static RateLimit rateLimit(JsonParser json, JsonToken start) throws IOException, NotCanonicalException {
        requireCanonical(start == JsonToken.START_OBJECT);
        long requests = 0;
        RateLimitPeriod per = null;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "requests" -> {
                    requireCanonical(requests == 0);
                    requests = positiveLong(json, value);
                }
                case "per" -> {
                    requireCanonical(per == null);
                    per = RateLimitPeriod.valueOf(enumName(json, value, RateLimitPeriod.class));
                }
                default -> json.skipChildren();
            }
        }
        requireCanonical(requests >= 1 && per != null);
        return new RateLimit(requests, per);
    }

    private static Quota quota(JsonParser json, JsonToken start) throws IOException, NotCanonicalException {
        requireCanonical(start == JsonToken.START_OBJECT);
        long limit = 0;
        QuotaRefill refill = null;
        boolean refillSeen = false;
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (name) {
                case "limit" -> {
                    requireCanonical(limit == 0);
                    limit = positiveLong(json, value);
                }
                case "refill" -> {
                    requireCanonical(!refillSeen);
                    refillSeen = true;
                    refill = value == JsonToken.VALUE_NULL
                            ? null
                            : QuotaRefill.valueOf(enumName(json, value, QuotaRefill.class));
                }
                default -> json.skipChildren();
            }
        }
        requireCanonical(limit >= 1);
        return new Quota(limit, refill);
    }

    /** Checks a field the gateway does not keep, as Jackson would read it. */
    private static void check(JsonParser json, JsonToken value, TokenEventShape.FieldKind kind)
            throws IOException, NotCanonicalException {
        switch (kind) {
            case TEXT -> text(json, value);
            case INSTANT -> instant(json, value);
            case TEXT_LIST -> {
                if (value != JsonToken.VALUE_NULL) {
                    textList(json, value);
                }
            }
        }
    }

    private static String text(JsonParser json, JsonToken value) throws IOException, NotCanonicalException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        requireCanonical(value == JsonToken.VALUE_STRING);
        return json.getText();
    }

    private static long instant(JsonParser json, JsonToken value) throws IOException, NotCanonicalException {
        if (value == JsonToken.VALUE_NULL) {
            return NEVER;
        }
        requireCanonical(value == JsonToken.VALUE_STRING);
        return CanonicalText.instantMicros(json.getText());
    }

    /** A list of strings; null (absent) is empty, as in the state's constructor. */
    private static List<String> textList(JsonParser json, JsonToken value) throws IOException, NotCanonicalException {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        requireCanonical(value == JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>(4);
        for (JsonToken item = json.nextToken(); item != JsonToken.END_ARRAY; item = json.nextToken()) {
            requireCanonical(item == JsonToken.VALUE_STRING);
            values.add(json.getText());
        }
        return List.copyOf(values);
    }

    /** The exact name of one of the enum's constants (Jackson would also take an index, which is not canonical). */
    private static <E extends Enum<E>> String enumName(JsonParser json, JsonToken value, Class<E> type)
            throws IOException, NotCanonicalException {
        requireCanonical(value == JsonToken.VALUE_STRING);
        String name = json.getText();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return name;
            }
        }
        throw NotCanonicalException.INSTANCE;
    }

    private static long positiveLong(JsonParser json, JsonToken value) throws IOException, NotCanonicalException {
        requireCanonical(value == JsonToken.VALUE_NUMBER_INT);
        JsonParser.NumberType type = json.getNumberType();
        requireCanonical(type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG);
        long number = json.getLongValue();
        requireCanonical(number >= 1);
        return number;
    }

    private static Map<String, Long> bitsOf(String... names) {
        Map<String, Long> bits = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            bits.put(names[i], 1L << i);
        }
        return Map.copyOf(bits);
    }
}
