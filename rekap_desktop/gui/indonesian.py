"""Qt's own words in Indonesian: the standard buttons of every message box and button box
(Batal, Ya, Tidak, Simpan, Tutup …), the input, progress, file and print dialogs and the edit
menus. PySide6 ships no Indonesian qtbase translation, so one translator here answers Qt's texts
from a table; it is installed once, before any window is made (gui.application).

File dialogs are Qt's own (never the operating system's), so they speak Indonesian too. On
Windows the print dialog is always the system's own (Qt has no other there) and follows the
language of Windows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTranslator

QT_TEXTS: dict[str, str] = {
    # standard buttons (QPlatformTheme; a desktop theme may add "&" or its own wording)
    "OK": "OK",
    "&OK": "&OK",
    "Save": "Simpan",
    "&Save": "&Simpan",
    "Save All": "Simpan semua",
    "Open": "Buka",
    "&Open": "&Buka",
    "&Yes": "&Ya",
    "Yes": "Ya",
    "Yes to &All": "Ya untuk &semua",
    "&No": "&Tidak",
    "No": "Tidak",
    "N&o to All": "T&idak untuk semua",
    "Abort": "Hentikan",
    "Retry": "Coba lagi",
    "Ignore": "Abaikan",
    "Close": "Tutup",
    "&Close": "&Tutup",
    "Close without Saving": "Tutup tanpa menyimpan",
    "Cancel": "Batal",
    "&Cancel": "&Batal",
    "Discard": "Buang",
    "Help": "Bantuan",
    "Apply": "Terapkan",
    "Reset": "Atur ulang",
    "Restore Defaults": "Kembalikan bawaan",
    # message box and input dialog
    "Show Details...": "Tampilkan rincian…",
    "Hide Details...": "Sembunyikan rincian…",
    "About Qt": "Tentang Qt",
    "Enter a value:": "Masukkan nilai:",
    # edit menus of text fields
    "&Undo": "&Batalkan",
    "&Redo": "&Ulangi",
    "Cu&t": "Po&tong",
    "&Copy": "&Salin",
    "&Paste": "&Tempel",
    "Delete": "Hapus",
    "Select All": "Pilih semua",
    "Copy &Link Location": "Salin &alamat tautan",
    # file dialog
    "&Look in:": "&Lihat di:",
    "Look in:": "Lihat di:",
    "File &name:": "&Nama berkas:",
    "Files of &type:": "&Jenis berkas:",
    "Files of type:": "Jenis berkas:",
    "Directory:": "Folder:",
    "&Choose": "&Pilih",
    "Save As": "Simpan sebagai",
    "Find Directory": "Pilih folder",
    "All Files (*)": "Semua berkas (*)",
    "Back": "Kembali",
    "Go back": "Kembali",
    "Forward": "Maju",
    "Go forward": "Maju",
    "Parent Directory": "Folder induk",
    "Go to the parent directory": "Ke folder induk",
    "Create New Folder": "Buat folder baru",
    "Create a New Folder": "Buat folder baru",
    "&New Folder": "Folder &baru",
    "New Folder": "Folder baru",
    "List View": "Tampilan daftar",
    "Change to list view mode": "Tampilan daftar",
    "Detail View": "Tampilan rinci",
    "Change to detail view mode": "Tampilan rinci",
    "Sidebar": "Panel samping",
    "List of places and bookmarks": "Daftar tempat dan penanda",
    "Files": "Berkas",
    "&Rename": "&Ganti nama",
    "&Delete": "&Hapus",
    "Show &hidden files": "Tampilkan berkas &tersembunyi",
    "Name": "Nama",
    "Size": "Ukuran",
    "Type": "Jenis",
    "Kind": "Jenis",
    "Date Modified": "Tanggal diubah",
    "Computer": "Komputer",
    "My Computer": "Komputer",
    "Drive": "Diska",
    "Folder": "Folder",
    "File": "Berkas",
    "Recent Places": "Tempat terakhir",
    "%1 already exists.\nDo you want to replace it?": "%1 sudah ada.\nGanti berkas itu?",
    "Are you sure you want to delete '%1'?": "Yakin menghapus '%1'?",
    "Could not delete directory.": "Folder tidak dapat dihapus.",
    "%1\nFile not found.\nPlease verify the correct file name was given.": (
        "%1\nBerkas tidak ditemukan.\nPeriksa nama berkas yang diberikan."
    ),
    "%1\nDirectory not found.\nPlease verify the correct directory name was given.": (
        "%1\nFolder tidak ditemukan.\nPeriksa nama folder yang diberikan."
    ),
    # print dialog
    "Print": "Cetak",
    "&Print": "&Cetak",
    "&Options >>": "&Pilihan >>",
    "&Options <<": "&Pilihan <<",
    "Printer": "Printer",
    "&Name:": "&Nama:",
    "P&roperties": "P&roperti",
    "Location:": "Lokasi:",
    "Preview": "Pratinjau",
    "Type:": "Jenis:",
    "Output &file:": "&Berkas keluaran:",
    "Local file": "Berkas lokal",
    "Write PDF file": "Tulis berkas PDF",
    "Print to File (PDF)": "Cetak ke berkas (PDF)",
    "All Pages": "Semua halaman",
    "Odd Pages": "Halaman ganjil",
    "Even Pages": "Halaman genap",
    "Options": "Pilihan",
    "Output Settings": "Pengaturan keluaran",
    "Copies": "Salinan",
    "Copies:": "Jumlah salinan:",
    "Collate": "Urutkan per salinan",
    "Reverse": "Urutan terbalik",
    "Print range": "Halaman yang dicetak",
    "Print all": "Semua",
    "Pages from": "Halaman",
    "to": "sampai",
    "Pages": "Halaman",
    "Current Page": "Halaman ini",
    "Selection": "Pilihan",
    "Page &Set:": "&Kumpulan halaman:",
    "Color Mode": "Mode warna",
    "Color": "Berwarna",
    "Grayscale": "Skala abu-abu",
    "Double Sided Printing": "Cetak bolak-balik",
    "Off": "Tidak",
    "Long side binding": "Jilid sisi panjang",
    "Short side binding": "Jilid sisi pendek",
    "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
    "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.": (
        "Sebutkan halaman atau rentang, dipisah koma; rentang ditulis dua angka dengan tanda "
        "hubung. Mis.: 3,5-7,9 mencetak halaman 3, 5, 6, 7 dan 9."
    ),
    "Page Setup": "Pengaturan halaman",
    "Paper": "Kertas",
    "Page size:": "Ukuran kertas:",
    "Width:": "Lebar:",
    "Height:": "Tinggi:",
    "Orientation": "Orientasi",
    "Portrait": "Tegak",
    "Landscape": "Mendatar",
    "Reverse landscape": "Mendatar terbalik",
    "Reverse portrait": "Tegak terbalik",
    "Margins": "Margin",
    "top margin": "margin atas",
    "left margin": "margin kiri",
    "right margin": "margin kanan",
    "bottom margin": "margin bawah",
    "Custom": "Ukuran sendiri",
    "Print Preview": "Pratinjau cetak",
    "Printer Properties": "Properti printer",
    "Job Options": "Pilihan pekerjaan",
    "Page": "Halaman",
    "Advanced": "Lanjutan",
    # tab bars
    "Scroll Left": "Geser ke kiri",
    "Scroll Right": "Geser ke kanan",
}
"""Qt's English source text → what the user reads (contexts differ by platform theme, so the
text itself is the key)."""


class QtInIndonesian(QTranslator):
    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return QT_TEXTS.get(source)

    def isEmpty(self) -> bool:  # noqa: N802 (Qt name)
        return False


def speak_indonesian(app: QCoreApplication) -> QtInIndonesian:
    """Install the translator (owned by ``app``) and use Qt's own file dialogs."""
    translator = QtInIndonesian(app)
    app.installTranslator(translator)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    return translator
