"""The default texts of agenda items 2 and 3: the peraturan teknis and the tata tertib of the rapat
pleno, drawn from the 17 technical rules read at a kab/kota recapitulation (Kota Samarinda, 5
December 2024; PKPU 18/2024). The meeting starts from these and edits them before reading them out.
"""

from __future__ import annotations

from collections.abc import Sequence


def peraturan_teknis(kpu: str, unit_label: str, lower_body: str, forms: Sequence[str]) -> str:
    """The 17 rules, numbered, for ``kpu`` ("KPU Kota Samarinda") recapitulating its
    ``unit_label`` ("kecamatan") from ``lower_body`` ("PPK"); ``forms`` are the result forms
    found in each sealed box ("Model D.Hasil Kecamatan-KWK-Gubernur" …)."""
    box = "; ".join(list(forms) + ["Model D.Kejadian Khusus dan/atau Keberatan Saksi-KWK"])
    rules = (
        f"Ketua {kpu} membuka rapat dan memeriksa surat mandat saksi pasangan calon.",
        f"Anggota {kpu} membacakan peraturan teknis rapat pleno.",
        f"Anggota {kpu} membacakan tata tertib rapat pleno.",
        f"{kpu}, dibantu {lower_body}, membuka kotak tersegel yang berisi: {box}.",
        f"{kpu}, dibantu {lower_body}, membacakan jumlah formulir C Pemberitahuan yang tidak "
        f"terdistribusi dan dikembalikan dari seluruh desa/kelurahan di wilayah {unit_label}, "
        "dan menuangkannya dalam Rekap Pengembalian C Pemberitahuan-Kabupaten/Kota-KWK.",
        f"Sebelum membacakan data hasil penghitungan perolehan suara, {kpu} dibantu "
        f"{lower_body} membacakan catatan kejadian khusus dan/atau keberatan pada rekapitulasi "
        f"di {unit_label} beserta status penyelesaiannya; yang belum terselesaikan diselesaikan "
        f"oleh {kpu} dan dicatat dalam Model D.Kejadian Khusus dan/atau Keberatan Saksi-KWK.",
        f"{kpu} menampilkan data dan/atau foto dalam alat bantu rekapitulasi elektronik "
        "menggunakan layar dan proyektor atau layar elektronik.",
        f"{kpu} mempersilakan {lower_body} membaca dengan cermat dan jelas data formulir "
        "Model D.Hasil Kecamatan-KWK dan mencocokkannya dengan data dan/atau foto dalam alat "
        f"bantu rekapitulasi elektronik, dimulai dari {unit_label} di wilayah kerja {kpu}.",
        f"{kpu} mempersilakan saksi dan Bawaslu mencocokkan dan mencermati data formulir "
        "Model D.Hasil Kecamatan-KWK yang dimiliki.",
        "Dalam hal terdapat perbedaan data, KPU melakukan pembetulan dengan berpedoman pada "
        f"formulir Model D.Hasil Kecamatan-KWK yang diterima dari {lower_body}.",
        "Rapat pleno dapat dihentikan sementara (skors) dan dilanjutkan kembali sesuai jadwal "
        f"yang ditentukan Ketua {kpu}; saksi dan Bawaslu diberi kesempatan mendokumentasikan data "
        "rekapitulasi yang telah selesai sampai dengan dihentikan sementara.",
        f"Sebelum hasil rekapitulasi ditetapkan, {kpu} menanyakan kepada peserta rapat apakah "
        "terdapat keberatan terhadap prosedur pelaksanaan maupun hasil rekapitulasi.",
        "Dalam hal masih terdapat keberatan dari saksi dan/atau Bawaslu sebelum hasil "
        f"rekapitulasi ditetapkan, {kpu} menyelesaikan permasalahan tersebut.",
        f"{kpu} menyelesaikan setiap permasalahan yang terjadi saat berlangsungnya rekapitulasi.",
        f"{kpu} wajib mencatat seluruh kejadian khusus dalam formulir Model D.Kejadian Khusus "
        "dan/atau Keberatan Saksi-KWK.",
        "Seluruh keberatan saksi, yang sudah maupun yang tidak dapat diselesaikan, dicatat dalam "
        "formulir Model D.Kejadian Khusus dan/atau Keberatan Saksi-KWK beserta penyelesaiannya; "
        "keberatan yang sudah diselesaikan dibubuhi paraf oleh saksi yang mengajukan dan saksi "
        "lain yang menyaksikan penyelesaiannya.",
        "Keberatan saksi yang sudah diselesaikan pada rekapitulasi di tingkat kecamatan tidak "
        "dapat disampaikan lagi pada rekapitulasi di tingkat berikutnya.",
    )
    lines = [f"PERATURAN TEKNIS RAPAT PLENO TERBUKA REKAPITULASI {kpu.upper()}", ""]
    lines += [f"{number}. {rule}" for number, rule in enumerate(rules, start=1)]
    return "\n".join(lines)


def tata_tertib(kpu: str) -> str:
    """How the room conducts itself, drawn from the same rules (items 1, 11–17)."""
    rules = (
        f"Rapat dipimpin oleh Ketua {kpu} atau anggota yang ditunjuk.",
        "Setiap peserta mengisi daftar hadir; saksi menyerahkan surat mandat, dan hanya satu "
        "saksi untuk setiap pasangan calon berada di dalam ruang rapat.",
        "Peserta menjaga ketertiban, menonaktifkan nada dering telepon seluler dan berbicara "
        "setelah dipersilakan oleh pimpinan rapat.",
        "Saksi dan Bawaslu menyampaikan keberatan atau koreksi melalui pimpinan rapat, dengan "
        "menyebutkan kecamatan, jenis pemilihan dan rincian data yang dimaksud.",
        "Setiap kejadian khusus dan keberatan dicatat dalam formulir Model D.Kejadian Khusus "
        "dan/atau Keberatan Saksi-KWK beserta penyelesaiannya.",
        "Keberatan yang telah diselesaikan di tingkat kecamatan tidak dapat disampaikan lagi.",
        "Pimpinan rapat dapat menghentikan rapat sementara (skors) dan melanjutkannya kembali; "
        "saksi dan Bawaslu dapat mendokumentasikan data yang telah selesai direkapitulasi.",
        "Peserta yang mengganggu jalannya rapat dapat diperingatkan dan, bila tetap mengganggu, "
        "diminta meninggalkan ruang rapat oleh pimpinan rapat.",
        "Hasil rekapitulasi ditetapkan dalam rapat pleno dan ditandatangani oleh anggota KPU dan "
        "saksi yang hadir; yang menolak menandatangani dicatat alasannya.",
    )
    lines = [f"TATA TERTIB RAPAT PLENO TERBUKA REKAPITULASI {kpu.upper()}", ""]
    lines += [f"{number}. {rule}" for number, rule in enumerate(rules, start=1)]
    return "\n".join(lines)
