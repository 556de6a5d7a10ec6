package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.WalletRepository;
import id.webrana.cloud.domain.billing.Wallet;
import id.webrana.cloud.domain.billing.WalletEntry;
import id.webrana.cloud.domain.billing.WalletEntryType;
import id.webrana.cloud.domain.shared.Page;
import id.webrana.cloud.domain.shared.PageRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Balances and the append-only ledger. */
public final class InMemoryWalletRepository implements WalletRepository, TransactionalResource {

    private Map<UUID, Long> balances = new HashMap<>();
    private List<WalletEntry> ledger = new ArrayList<>();

    @Override
    public Wallet lockForUpdate(UUID userId) {
        return find(userId);
    }

    @Override
    public Wallet find(UUID userId) {
        return new Wallet(userId, balances.getOrDefault(userId, 0L));
    }

    @Override
    public void save(Wallet wallet) {
        for (WalletEntry e : wallet.newEntries()) {
            if (hasEntry(e.userId(), e.type(), e.reference())) {
                throw new id.webrana.cloud.domain.shared.DomainException(
                        id.webrana.cloud.domain.shared.ErrorCode.DUPLICATE_CODE, "ledger entry exists");
            }
            ledger.add(e);
        }
        balances.put(wallet.userId(), wallet.balance().rupiah());
    }

    @Override
    public Page<WalletEntry> entries(UUID userId, PageRequest page) {
        List<WalletEntry> mine = new ArrayList<>(ledger.stream().filter(e -> e.userId().equals(userId)).toList());
        java.util.Collections.reverse(mine);
        return new Page<>(mine.stream().skip(page.offset()).limit(page.size()).toList(), page.page(), page.size(),
                mine.size());
    }

    @Override
    public long ledgerSum(UUID userId) {
        return ledger.stream().filter(e -> e.userId().equals(userId)).mapToLong(WalletEntry::amount).sum();
    }

    @Override
    public boolean hasEntry(UUID userId, WalletEntryType type, String reference) {
        return ledger.stream().anyMatch(e -> e.userId().equals(userId) && e.type() == type
                && e.reference().equals(reference));
    }

    @Override
    public Object snapshot() {
        return new Object[]{new HashMap<>(balances), new ArrayList<>(ledger)};
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        Object[] s = (Object[]) snapshot;
        balances = new HashMap<>((Map<UUID, Long>) s[0]);
        ledger = new ArrayList<>((List<WalletEntry>) s[1]);
    }
}
