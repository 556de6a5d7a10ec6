package id.webrana.cloud.sandbox.tripay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.webrana.cloud.sandbox.digitalocean.SandboxClock;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET merchant/transactions}: filters, sorting, pagination and the JSON Tripay answers with. */
class TransactionListTest {

    private static final Instant START = Instant.parse("2026-03-01T03:00:00Z");
    private static final TripayUrls URLS = new TripayUrls("http://localhost:9080/sandbox");
    private final TripayCredentials credentials = TripayCredentials.defaults();
    private SandboxClock clock;
    private TripaySimulator simulator;

    @BeforeEach
    void setUp() {
        clock = new SandboxClock(Clock.fixed(START, ZoneOffset.UTC));
        simulator = new TripaySimulator(clock, Channels.builtIn(), credentials, new Random(3), Set::of);
    }

    /** Opens a transaction a minute after the previous one. */
    private Transaction open(String merchantRef, String method) {
        clock.advance(Duration.ofMinutes(1));
        return simulator.create(Requests.valid(credentials, clock.instant()).merchantRef(merchantRef).method(method)
                .build());
    }

    private static TransactionList.Query query(String merchantRef, String method, String status, String page,
                                               String perPage) {
        return new TransactionList.Query(null, merchantRef, method, status, null, page, perPage);
    }

    @Test
    void a_merchant_reference_finds_only_its_transaction() {
        open("INV-1", "BRIVA");
        Transaction wanted = open("INV-2", "BRIVA");
        open("INV-20", "BRIVA");

        TransactionList.Page page = TransactionList.page(simulator.all(), query("INV-2", null, null, null, null));

        assertThat(page.items()).containsExactly(wanted);
        assertThat(page.totalRecords()).isEqualTo(1);
        assertThat(TransactionList.page(simulator.all(), query("INV-3", null, null, null, null)).items()).isEmpty();
    }

    @Test
    void filters_combine_and_the_newest_comes_first_unless_sorted_ascending() {
        Transaction first = open("INV-1", "BRIVA");
        Transaction qris = open("INV-2", "QRIS");
        Transaction third = open("INV-3", "BRIVA");
        simulator.settle(third.reference(), TransactionStatus.PAID);

        assertThat(TransactionList.page(simulator.all(), query(null, "BRIVA", null, null, null)).items())
                .extracting(Transaction::reference).containsExactly(third.reference(), first.reference());
        assertThat(TransactionList.page(simulator.all(), query(null, "BRIVA", "paid", null, null)).items())
                .extracting(Transaction::reference).containsExactly(third.reference());
        assertThat(TransactionList.page(simulator.all(),
                new TransactionList.Query(qris.reference(), null, null, null, null, null, null)).items())
                .extracting(Transaction::reference).containsExactly(qris.reference());
        assertThat(TransactionList.page(simulator.all(),
                new TransactionList.Query(null, null, null, null, "asc", null, null)).items())
                .extracting(Transaction::reference)
                .containsExactly(first.reference(), qris.reference(), third.reference());
    }

    @Test
    void pages_cut_the_matches_and_report_their_position() {
        for (int i = 1; i <= 5; i++) {
            open("INV-" + i, "BRIVA");
        }

        TransactionList.Page second = TransactionList.page(simulator.all(), query(null, null, null, "2", "2"));
        TransactionList.Page beyond = TransactionList.page(simulator.all(), query(null, null, null, "4", "2"));

        assertThat(second.items()).extracting(Transaction::merchantRef).containsExactly("INV-3", "INV-2");
        assertThat(second.from()).isEqualTo(3);
        assertThat(second.to()).isEqualTo(4);
        assertThat(second.lastPage()).isEqualTo(3);
        assertThat(second.totalRecords()).isEqualTo(5);
        assertThat(beyond.items()).isEmpty();
        assertThat(TransactionList.page(simulator.all(), query(null, null, null, null, null)).perPage())
                .isEqualTo(TransactionList.DEFAULT_PER_PAGE);
    }

    @Test
    void a_page_size_above_fifty_or_a_bad_page_or_status_is_refused() {
        List<Transaction> none = List.of();
        assertThatThrownBy(() -> TransactionList.page(none, query(null, null, null, null, "51")))
                .isInstanceOf(TripayException.class).hasMessageContaining("50");
        assertThatThrownBy(() -> TransactionList.page(none, query(null, null, null, "0", null)))
                .isInstanceOf(TripayException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> TransactionList.page(none, query(null, null, null, "x", null)))
                .isInstanceOf(TripayException.class).hasMessageContaining("integer");
        assertThatThrownBy(() -> TransactionList.page(none, query(null, null, "LUNAS", null, null)))
                .isInstanceOf(TripayException.class).hasMessageContaining("status");
    }

    @Test
    void the_answer_has_a_data_list_with_numeric_pay_codes_and_a_pagination_object() {
        for (int i = 1; i <= 3; i++) {
            open("INV-" + i, "BRIVA");
        }
        Transaction paid = simulator.settle(simulator.all().get(2).reference(), TransactionStatus.PAID);

        JsonObject answer = TripayJson.transactionList(
                TransactionList.page(simulator.all(), query(null, null, null, "1", "2")), URLS);

        assertThat(answer.getBoolean("success")).isTrue();
        assertThat(answer.getJsonArray("data")).hasSize(2);
        JsonObject item = answer.getJsonArray("data").getJsonObject(0);
        assertThat(item.getString("reference")).isEqualTo(paid.reference());
        assertThat(item.getString("merchant_ref")).isEqualTo("INV-3");
        assertThat(item.get("pay_code")).isInstanceOf(JsonNumber.class);
        assertThat(item.getJsonNumber("pay_code").bigIntegerValue().toString()).isEqualTo(paid.payCode());
        assertThat(item.getString("status")).isEqualTo("PAID");
        assertThat(item.getString("paid_at")).isEqualTo(Long.toString(paid.paidAt().getEpochSecond()));
        assertThat(item.containsKey("instructions")).isFalse();
        JsonObject pagination = answer.getJsonObject("pagination");
        assertThat(pagination.getString("sort")).isEqualTo("desc");
        assertThat(pagination.getInt("current_page")).isEqualTo(1);
        assertThat(pagination.get("previous_page")).isEqualTo(JsonValue.NULL);
        assertThat(pagination.getInt("next_page")).isEqualTo(2);
        assertThat(pagination.getInt("last_page")).isEqualTo(2);
        assertThat(pagination.getInt("per_page")).isEqualTo(2);
        assertThat(pagination.getInt("total_records")).isEqualTo(3);
        assertThat(pagination.getJsonObject("offset").getInt("from")).isEqualTo(1);
        assertThat(pagination.getJsonObject("offset").getInt("to")).isEqualTo(2);
    }
}
