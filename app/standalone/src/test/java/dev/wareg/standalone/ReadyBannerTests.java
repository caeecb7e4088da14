package dev.wareg.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadyBannerTests {

    @ParameterizedTest(name = "listening on \"{0}\" is shown as {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none         | localhost
            127.0.0.1    | localhost
            ::1          | localhost
            0.0.0.0      | localhost
            192.168.0.10 | 192.168.0.10
            fd00::10     | [fd00::10]
            """)
    void theAddressIsOneABrowserOpens(String address, String shown) {
        assertThat(ReadyBanner.host(address)).isEqualTo(shown);
    }
}
