package id.webrana.cloud.adapter.out.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RupiahTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0                    | Rp 0",
        "7                    | Rp 7",
        "999                  | Rp 999",
        "1000                 | Rp 1.000",
        "9999                 | Rp 9.999",
        "100000               | Rp 100.000",
        "1500000              | Rp 1.500.000",
        "12345678             | Rp 12.345.678",
        "-1                   | -Rp 1",
        "-9000                | -Rp 9.000",
        "-1500000             | -Rp 1.500.000",
        "9223372036854775807  | Rp 9.223.372.036.854.775.807",
        "-9223372036854775808 | -Rp 9.223.372.036.854.775.808",
    })
    void formats_whole_rupiah_with_dots_between_thousands_and_the_sign_before_Rp(long amount, String expected) {
        assertThat(Rupiah.format(amount)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0       | 0",
        "12      | 12",
        "1500    | 1.500",
        "-123456 | -123.456",
    })
    void groups_plain_numbers_such_as_quantities(long value, String expected) {
        assertThat(Rupiah.groupThousands(value)).isEqualTo(expected);
    }
}
