package io.keygate.token.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    private static final String URI =
            "otpauth://totp/Keygate:dana%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                    + "&issuer=Keygate&algorithm=SHA1&digits=6&period=30";

    @Test
    void theQrCodeDecodesToTheEnrolmentUri() throws Exception {
        BitMatrix matrix = QrCodes.matrix(URI);
        int scale = 4;
        int quiet = 4;
        int size = (matrix.getWidth() + 2 * quiet) * scale;
        int[] pixels = new int[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                boolean dark =
                        mx >= 0 && my >= 0 && mx < matrix.getWidth() && my < matrix.getHeight() && matrix.get(mx, my);
                pixels[y * size + x] = dark ? 0xFF000000 : 0xFFFFFFFF;
            }
        }

        String decoded = new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(size, size, pixels))))
                .getText();

        assertThat(decoded).isEqualTo(URI);
    }

    @Test
    void theDataUriIsAnSvgDocument() {
        String dataUri = QrCodes.svgDataUri(URI);

        assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
        String svg = new String(
                Base64.getDecoder().decode(dataUri.substring("data:image/svg+xml;base64,".length())),
                StandardCharsets.UTF_8);
        assertThat(svg)
                .startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"")
                .endsWith("</svg>")
                .contains("<path d=\"M");
    }
}
