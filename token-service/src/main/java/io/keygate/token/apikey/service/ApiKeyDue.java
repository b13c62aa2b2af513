package io.keygate.token.apikey.service;

import java.time.Instant;

/**
 * A key committed by this instance will expire, or end a rotation's grace period, at {@code at}: the expiry scheduler
 * plans a pass for then if its next periodic pass would come later.
 */
record ApiKeyDue(Instant at) {}
