package io.keygate.token.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TotpEnrolmentTest {

    /** The RFC 6238 Appendix B SHA-1 secret. */
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void enrolmentUriCarriesTheBase32SecretAndTheProfile() {
        TotpEnrolment enrolment = TotpEnrolment.of(SECRET, "Keygate", "dana@example.com");

        assertThat(enrolment.base32()).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(enrolment.otpauthUri())
                .isEqualTo("otpauth://totp/Keygate:dana%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Keygate&algorithm=SHA1&digits=6&period=30");
        assertThat(TotpEnrolment.generate("Keygate", "x@example.com").secret()).hasSize(20);
    }
}
