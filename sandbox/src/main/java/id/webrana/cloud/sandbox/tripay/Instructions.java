package id.webrana.cloud.sandbox.tripay;

import java.util.List;

/**
 * Payment instructions in Bahasa Indonesia per kind of channel, worded like Tripay's, with the pay code filled in
 * (Tripay substitutes its {@code {{pay_code}}} placeholder the same way). Only fixed text and simulator-generated
 * codes go into the steps, never customer input, so the HTML in them is safe to render.
 */
public final class Instructions {

    private Instructions() {
    }

    /**
     * @param t a transaction
     * @return its instructions
     */
    public static List<Instruction> of(Transaction t) {
        ChannelSpec c = t.channel();
        String code = t.payCode() == null ? "" : t.payCode();
        return switch (c.kind()) {
            case VIRTUAL_ACCOUNT -> List.of(
                    new Instruction("Internet Banking", List.of(
                            "Login ke internet banking Bank " + c.bankShortName() + " Anda",
                            "Pilih menu <b>Pembayaran</b> lalu pilih <b>Virtual Account</b>",
                            "Masukkan Nomor Virtual Account (<b>" + code + "</b>) lalu klik <b>Kirim</b>",
                            "Detail transaksi akan ditampilkan, pastikan data sudah sesuai",
                            "Masukkan kata sandi / token lalu konfirmasi pembayaran",
                            "Transaksi sukses, simpan bukti transaksi Anda")),
                    new Instruction("Mobile Banking", List.of(
                            "Login ke aplikasi mobile banking " + c.bankShortName() + " Anda",
                            "Pilih menu <b>Bayar</b> lalu <b>Virtual Account</b>",
                            "Masukkan Nomor Virtual Account (<b>" + code + "</b>) lalu klik <b>Lanjut</b>",
                            "Detail transaksi akan ditampilkan, pastikan data sudah sesuai",
                            "Masukkan PIN Anda lalu klik <b>Konfirmasi</b>",
                            "Transaksi sukses, simpan bukti transaksi Anda")),
                    new Instruction("ATM " + c.bankShortName(), List.of(
                            "Masukkan kartu ATM dan PIN Anda",
                            "Pilih menu <b>Transaksi Lainnya</b> &gt; <b>Pembayaran</b> &gt; <b>Virtual Account</b>",
                            "Masukkan Nomor Virtual Account (<b>" + code + "</b>) lalu pilih <b>Benar</b>",
                            "Detail transaksi akan ditampilkan, pastikan data sudah sesuai lalu pilih <b>Ya</b>",
                            "Transaksi sukses, simpan struk bukti transaksi Anda")));
            case CONVENIENCE_STORE -> List.of(new Instruction("Pembayaran via " + c.code(), List.of(
                    "Datang ke " + c.name(),
                    "Sampaikan ke kasir ingin melakukan pembayaran <b>Tripay</b>",
                    "Berikan kode bayar (<b>" + code + "</b>) ke kasir",
                    "Bayar sesuai jumlah yang diinfokan oleh kasir",
                    "Simpan struk bukti pembayaran Anda")));
            case QRIS -> List.of(
                    new Instruction("Pembayaran via QRIS", List.of(
                            "Masuk ke aplikasi dompet digital Anda yang telah mendukung QRIS",
                            "Pindai/Scan QR Code yang tersedia",
                            "Akan muncul detail transaksi. Pastikan data transaksi sudah sesuai",
                            "Selesaikan proses pembayaran Anda",
                            "Transaksi selesai. Simpan bukti pembayaran Anda")),
                    new Instruction("Pembayaran via QRIS (Mobile)", List.of(
                            "Download QR Code pada invoice",
                            "Masuk ke aplikasi dompet digital Anda yang telah mendukung QRIS",
                            "Upload QR Code yang telah di download tadi",
                            "Akan muncul detail transaksi. Pastikan data transaksi sudah sesuai",
                            "Selesaikan proses pembayaran Anda",
                            "Transaksi selesai. Simpan bukti pembayaran Anda")));
            case EWALLET -> List.of(new Instruction("Pembayaran via " + c.name(), List.of(
                    "Klik tombol <b>Bayar</b> pada halaman pembayaran",
                    "Anda akan diarahkan ke aplikasi " + c.name(),
                    "Periksa detail transaksi lalu konfirmasi pembayaran dengan PIN " + c.name() + " Anda",
                    "Transaksi selesai. Anda akan diarahkan kembali ke situs merchant")));
        };
    }
}
