package id.webrana.cloud.adapter.in.faces.portal;

import id.webrana.cloud.adapter.in.faces.support.Formats;
import id.webrana.cloud.adapter.in.faces.support.Texts;
import id.webrana.cloud.domain.billing.WalletEntry;

import java.io.Serializable;

/** One wallet ledger entry as the pages show it. */
public record LedgerRow(String id, String when, String type, String typeLabel, String description, String reference,
                        String amount, boolean credit, String balanceAfter) implements Serializable {

    public static LedgerRow of(WalletEntry e) {
        return new LedgerRow(e.id().toString(), Formats.dateTime(e.createdAt()), e.type().name(),
                Texts.get("wallet.type." + e.type().name()), e.description() == null ? "" : e.description(),
                e.reference(), Formats.signed(e.amount()), e.amount() > 0, Formats.money(e.balanceAfter()));
    }
}
