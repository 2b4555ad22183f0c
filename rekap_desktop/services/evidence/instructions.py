"""PETUNJUK-VERIFIKASI.txt: how a saksi, Bawaslu or a legal team checks the pack, in Indonesian,
with the program and by hand (sha256sum and the signer's public key)."""

from __future__ import annotations

from rekap_desktop.interchange.evidence_pack import INDEX, INSTRUCTIONS, SUMS
from rekap_desktop.interchange.signed_zip import MANIFEST, SIGNATURE


def instructions(region: str, fingerprint: str, public_key_hex: str, exhibits: int) -> bytes:
    text = f"""PETUNJUK VERIFIKASI PAKET BUKTI
Rapat pleno rekapitulasi: {region}
Jumlah bukti bernomor: {exhibits} (B-1 sampai B-{exhibits}); daftarnya: {INDEX}

Paket ini ditandatangani secara elektronik oleh instalasi Rekap Desktop dengan sidik kunci:
    {fingerprint}
Sidik yang sama tercetak di kaki setiap halaman formulir yang dicetak instalasi itu
("Kunci instalasi: ..."). Bandingkan keduanya: bila berbeda, paket ini tidak dibuat oleh
instalasi yang mencetak formulir tersebut.

1. DENGAN PROGRAM REKAP DESKTOP (cara yang dianjurkan)
   Jalankan:
       rekap-desktop verify NAMA-PAKET.zip
   Program memeriksa tanda tangan, setiap berkas dan rantai audit di dalam paket, lalu
   menyebutkan: paket utuh atau tidak (dan berkas mana yang berubah), jumlah bukti, wilayah,
   sidik kunci penanda tangan dan waktu pembuatan. Kode keluar 0 berarti utuh; 2 berarti ada
   yang berubah, hilang, bertambah, atau tanda tangan tidak sah.

2. DENGAN TANGAN (tanpa program ini)
   a. Buka (ekstrak) paket zip ke sebuah folder, lalu di folder itu jalankan:
          sha256sum -c {SUMS}
      Setiap baris harus berakhir "OK". {SUMS} memuat sidik SHA-256 setiap berkas kecuali
      {MANIFEST}, {SIGNATURE} dan {SUMS} sendiri; kolom "SHA-256 (AWAL)" di {INDEX} adalah
      16 angka/huruf pertama sidik yang sama. Sidik setiap berkas juga tercantum di {MANIFEST}
      (daftar "anggota" dan "bukti").
   b. Periksa tanda tangan {MANIFEST}. Kunci publik Ed25519 penanda tangan (heksadesimal,
      juga di {MANIFEST} pada "kunci_publik"):
          {public_key_hex}
      Dengan OpenSSL 3:
          printf '302a300506032b6570032100{public_key_hex}' | xxd -r -p > kunci.der
          openssl pkey -pubin -inform DER -in kunci.der -out kunci.pem
          xxd -r -p {SIGNATURE} > tanda-tangan.bin
          openssl pkeyutl -verify -pubin -inkey kunci.pem -rawin -in {MANIFEST} \\
              -sigfile tanda-tangan.bin
      Hasil yang benar: "Signature Verified Successfully".
   c. Bila (a) dan (b) benar, setiap berkas adalah berkas yang ditandatangani instalasi itu.

3. RANTAI AUDIT
   audit/rantai-audit.json memuat setiap entri rantai audit rapat sebagaimana tersimpan. Setiap
   entri menyimpan hash entri sebelumnya, sehingga entri yang diubah, dihapus atau disisipkan
   memutus rantai. "kepala_audit" di {MANIFEST} adalah entri terakhir yang dimuat paket; kepala
   rantai yang sama tercetak di kaki formulir ("Rantai audit #N KODE") dan dapat dibandingkan
   dengan basis data rapat: rekap-desktop audit --db BERKAS --verify --kepala "#N KODE".
   Penulisan paket ini sendiri tercatat sebagai entri berikutnya di rantai audit rapat
   (jenis "Paket bukti ditulis", dengan sidik SHA-256 {MANIFEST}).

Berkas ini: {INSTRUCTIONS}
"""
    return text.replace("\n", "\r\n").encode("utf-8")
