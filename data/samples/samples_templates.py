"""Product templates for the sample catalog: what each kind of UMKM product is made of.

Kept apart from make_samples.py so the data can be read (and extended) without the generator
logic. Prices are plausible 2025 retail prices in rupiah; city codes are the BPS regency/city
codes that a P-IRT number embeds; the facts (composition, shelf life, care) are what a curator
would expect on a good label or in a good description.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Color = tuple[int, int, int]

# short name used in titles ("Khas Kediri") -> (regency/city, province, BPS code)
CITIES: dict[str, tuple[str, str, str]] = {
    "Kediri": ("Kota Kediri", "Jawa Timur", "3571"),
    "Malang": ("Kota Malang", "Jawa Timur", "3573"),
    "Tulungagung": ("Kabupaten Tulungagung", "Jawa Timur", "3504"),
    "Surabaya": ("Kota Surabaya", "Jawa Timur", "3578"),
    "Sidoarjo": ("Kabupaten Sidoarjo", "Jawa Timur", "3515"),
    "Magetan": ("Kabupaten Magetan", "Jawa Timur", "3520"),
    "Lampung": ("Kota Bandar Lampung", "Lampung", "1871"),
    "Padang": ("Kota Padang", "Sumatera Barat", "1371"),
    "Bukittinggi": ("Kota Bukittinggi", "Sumatera Barat", "1375"),
    "Palembang": ("Kota Palembang", "Sumatera Selatan", "1671"),
    "Kerinci": ("Kabupaten Kerinci", "Jambi", "1501"),
    "Gayo": ("Kabupaten Aceh Tengah", "Aceh", "1104"),
    "Garut": ("Kabupaten Garut", "Jawa Barat", "3205"),
    "Bandung": ("Kota Bandung", "Jawa Barat", "3273"),
    "Cirebon": ("Kota Cirebon", "Jawa Barat", "3274"),
    "Tasikmalaya": ("Kabupaten Tasikmalaya", "Jawa Barat", "3206"),
    "Jakarta": ("Kota Jakarta Selatan", "DKI Jakarta", "3174"),
    "Pandeglang": ("Kabupaten Pandeglang", "Banten", "3601"),
    "Lebak": ("Kabupaten Lebak", "Banten", "3602"),
    "Semarang": ("Kota Semarang", "Jawa Tengah", "3374"),
    "Solo": ("Kota Surakarta", "Jawa Tengah", "3372"),
    "Boyolali": ("Kabupaten Boyolali", "Jawa Tengah", "3309"),
    "Temanggung": ("Kabupaten Temanggung", "Jawa Tengah", "3323"),
    "Wonosobo": ("Kabupaten Wonosobo", "Jawa Tengah", "3307"),
    "Pati": ("Kabupaten Pati", "Jawa Tengah", "3318"),
    "Banyumas": ("Kabupaten Banyumas", "Jawa Tengah", "3302"),
    "Batang": ("Kabupaten Batang", "Jawa Tengah", "3325"),
    "Pekalongan": ("Kota Pekalongan", "Jawa Tengah", "3375"),
    "Jepara": ("Kabupaten Jepara", "Jawa Tengah", "3320"),
    "Klaten": ("Kabupaten Klaten", "Jawa Tengah", "3310"),
    "Lasem": ("Kabupaten Rembang", "Jawa Tengah", "3317"),
    "Pemalang": ("Kabupaten Pemalang", "Jawa Tengah", "3327"),
    "Kebumen": ("Kabupaten Kebumen", "Jawa Tengah", "3305"),
    "Yogyakarta": ("Kota Yogyakarta", "DI Yogyakarta", "3471"),
    "Bantul": ("Kabupaten Bantul", "DI Yogyakarta", "3402"),
    "Sleman": ("Kabupaten Sleman", "DI Yogyakarta", "3404"),
    "Bali": ("Kabupaten Gianyar", "Bali", "5104"),
    "Kintamani": ("Kabupaten Bangli", "Bali", "5106"),
    "Sumbawa": ("Kabupaten Sumbawa", "Nusa Tenggara Barat", "5204"),
    "Flores": ("Kabupaten Ngada", "Nusa Tenggara Timur", "5309"),
    "Sumba": ("Kabupaten Sumba Timur", "Nusa Tenggara Timur", "5302"),
    "Manado": ("Kota Manado", "Sulawesi Utara", "7171"),
    "Makassar": ("Kota Makassar", "Sulawesi Selatan", "7371"),
    "Toraja": ("Kabupaten Toraja Utara", "Sulawesi Selatan", "7326"),
    "Palu": ("Kota Palu", "Sulawesi Tengah", "7271"),
    "Samarinda": ("Kota Samarinda", "Kalimantan Timur", "6472"),
}

STREETS = ("Jl. Diponegoro", "Jl. Pahlawan", "Jl. Kenanga", "Jl. Merdeka", "Gg. Melati",
           "Jl. Sudirman", "Jl. Kartini", "Jl. Imam Bonjol", "Jl. Raya Pasar", "Jl. Masjid")
BUSINESS = ("UD", "CV", "IRT", "KUB", "UMKM")


@dataclass(frozen=True)
class Size:
    """A pack size. net: grams or ml per piece (None when only a count is known);
    count: pieces in the pack; lo/hi: plausible retail price range in rupiah."""

    net: int | None
    unit: str
    count: int
    lo: int
    hi: int


@dataclass(frozen=True)
class Food:
    key: str
    noun: str                       # "Keripik Singkong"
    generic: str                    # what a vague title calls it: "Keripik"
    variants: tuple[str, ...]
    sizes: tuple[Size, ...]
    cities: tuple[str, ...]
    brands: tuple[str, ...]
    komposisi: str                  # "{v}" is replaced by the variant, lower case
    shelf: str                      # shelf life as a label would say it
    shape: str                      # how draw_products draws the pack
    packs: tuple[tuple[Color, Color], ...]   # (pack colour, label colour) choices
    content: Color                  # the food seen through the window / jar
    pangan: str                     # P-IRT food type code (2 digits)
    story: str
    origin: dict[str, str] = field(default_factory=dict)   # variant -> city
    pirt: bool = True               # fresh food (< 7 days) gets no P-IRT
    bpom: bool = False              # some producers of this kind hold a BPOM MD number
    storage: str = "Simpan di tempat kering dan sejuk, tutup rapat kembali setelah dibuka."
    piece_g: int = 0                # weight of one piece when only a count is known
    tare: int = 40                  # packaging weight for the shipping weight


@dataclass(frozen=True)
class CraftSize:
    text: str                       # as in the description: "2 m x 1,15 m"
    short: str                      # as in a title: "2 m x 1,15 m" / "Ukuran L"
    weight: int                     # shipping weight in grams
    lo: int
    hi: int


@dataclass(frozen=True)
class Craft:
    key: str
    category: str                   # kriya | busana
    noun: str
    generic: str
    variants: tuple[str, ...]
    sizes: tuple[CraftSize, ...]
    cities: tuple[str, ...]
    brands: tuple[str, ...]
    material: str
    technique: str
    care: str
    shape: str
    looks: tuple[tuple[Color, Color, Color], ...]
    story: str
    pattern: str = ""
    material_short: str = ""        # for titles: "Katun Primisima"


G = "g"
FOODS: tuple[Food, ...] = (
    Food("keripik_singkong", "Keripik Singkong", "Keripik",
         ("Balado Pedas Level 3", "Original Asin Gurih", "Pedas Manis", "Bawang Daun Jeruk",
          "Rasa Keju"),
         (Size(100, G, 1, 9000, 13000), Size(250, G, 1, 17000, 26000),
          Size(500, G, 1, 30000, 45000), Size(250, G, 2, 32000, 46000)),
         ("Kediri", "Malang", "Tulungagung"), ("Mbok Sri", "Bu Yati", "Dua Putri", "Sabana Jaya"),
         "singkong, minyak kelapa sawit, bumbu {v}, bawang putih, gula pasir, garam",
         "6 bulan", "pouch", (((200, 40, 40), (250, 236, 200)), ((240, 150, 30), (255, 250, 235))),
         (222, 170, 70), "15",
         "Singkong dipilih dari kebun petani sekitar {city}, diiris tipis, digoreng dengan minyak "
         "baru lalu dibalur bumbu {v}. Renyah, tidak keras dan tidak berminyak."),
    Food("keripik_pisang", "Keripik Pisang", "Keripik",
         ("Coklat Lumer", "Manis Gurih", "Original Asin", "Keju Susu"),
         (Size(200, G, 1, 15000, 22000), Size(250, G, 1, 18000, 27000),
          Size(500, G, 1, 32000, 48000)),
         ("Lampung", "Malang"), ("Mak Ijah", "Sinar Lampung", "Pisang Emas 88"),
         "pisang kepok, minyak kelapa sawit, gula pasir, perisa {v}, garam",
         "4 bulan", "pouch", (((250, 200, 40), (90, 50, 20)), ((120, 70, 40), (250, 230, 160))),
         (230, 190, 90), "14",
         "Pisang kepok matang pohon dari {city}, diiris memanjang, digoreng sampai renyah lalu "
         "dilapisi rasa {v}."),
    Food("keripik_tempe", "Keripik Tempe Sagu", "Keripik",
         ("Original Daun Jeruk", "Pedas", "Bawang Putih"),
         (Size(150, G, 1, 12000, 17000), Size(250, G, 1, 18000, 26000)),
         ("Malang",), ("Sanan Jaya", "Bu Lilik", "Tempe Mas Rudi"),
         "tempe kedelai, tepung beras, tepung tapioka, daun jeruk, bawang putih, ketumbar, "
         "garam, minyak kelapa sawit",
         "3 bulan", "pouch", (((40, 110, 60), (245, 240, 220)), ((60, 60, 60), (240, 200, 60))),
         (210, 160, 80), "15",
         "Tempe diiris setipis kertas di sentra tempe Sanan, {city}, dibalut adonan tepung "
         "berbumbu rasa {v} dan digoreng dua kali supaya renyah."),
    Food("sambal", "Sambal", "Sambal",
         ("Bawang", "Roa", "Cumi Asin", "Matah", "Teri Pete", "Bajak"),
         (Size(150, G, 1, 25000, 35000), Size(200, G, 1, 30000, 42000),
          Size(250, G, 1, 35000, 50000)),
         ("Surabaya", "Bandung", "Solo"), ("Mama Ola", "Dapur Ummi", "Mbak Rara", "Omah Pedes"),
         "cabai rawit, cabai merah keriting, bawang merah, bawang putih, {v}, minyak kelapa, "
         "gula, garam",
         "3 bulan (simpan di kulkas setelah dibuka)", "jar",
         (((30, 30, 30), (250, 240, 220)), ((250, 245, 235), (200, 30, 30))),
         (176, 34, 24), "11",
         "Diulek dan dimasak lama dengan api kecil sampai minyaknya keluar, tanpa pengawet dan "
         "tanpa MSG. Resep keluarga dari {city}.",
         origin={"Roa": "Manado", "Matah": "Bali", "Cumi Asin": "Semarang"}, bpom=True,
         tare=220),
    Food("kopi_bubuk", "Kopi Bubuk", "Kopi",
         ("Arabika Gayo", "Arabika Toraja Sapan", "Arabika Kintamani", "Robusta Temanggung",
          "Arabika Flores Bajawa"),
         (Size(100, G, 1, 35000, 55000), Size(200, G, 1, 60000, 95000),
          Size(250, G, 1, 75000, 110000), Size(500, G, 1, 140000, 200000)),
         ("Malang",), ("Kopi Pak Darto", "Nusantara Kita", "Roastery Kampung", "Kebun Ayah"),
         "100% kopi {v}, sangrai medium", "12 bulan", "pouch",
         (((176, 140, 100), (30, 30, 30)), ((30, 30, 30), (210, 170, 90))), (70, 40, 25), "10",
         "Biji kopi {v} petik merah, diproses full wash lalu disangrai medium di roastery kami "
         "dan digiling sedang, pas untuk tubruk maupun V60.",
         origin={"Arabika Gayo": "Gayo", "Arabika Toraja Sapan": "Toraja",
                 "Arabika Kintamani": "Kintamani", "Robusta Temanggung": "Temanggung",
                 "Arabika Flores Bajawa": "Flores"},
         bpom=True,
         storage="Simpan dalam wadah kedap udara, jauhkan dari sinar matahari dan bau menyengat."),
    Food("kopi_biji", "Kopi Biji Sangrai", "Kopi",
         ("Arabika Gayo", "Arabika Toraja", "Arabika Kintamani", "Robusta Temanggung"),
         (Size(250, G, 1, 80000, 120000), Size(500, G, 1, 150000, 220000),
          Size(1000, G, 1, 280000, 400000)),
         ("Bandung",), ("Kopi Pak Darto", "Roastery Kampung", "Biji Tanah Air"),
         "100% biji kopi {v}, sangrai medium", "12 bulan", "pouch",
         (((150, 110, 70), (250, 245, 235)), ((60, 90, 60), (240, 230, 200))), (90, 55, 30), "10",
         "Biji kopi {v} grade 1, disangrai dalam batch kecil setiap minggu. Tanggal sangrai "
         "tertera di kemasan.",
         origin={"Arabika Gayo": "Gayo", "Arabika Toraja": "Toraja",
                 "Arabika Kintamani": "Kintamani", "Robusta Temanggung": "Temanggung"},
         storage="Simpan dalam wadah kedap udara, jauhkan dari sinar matahari dan bau menyengat."),
    Food("madu", "Madu", "Madu",
         ("Hutan Murni", "Randu", "Kelengkeng", "Klanceng", "Multiflora"),
         (Size(250, G, 1, 45000, 70000), Size(500, G, 1, 85000, 130000),
          Size(1000, G, 1, 150000, 240000)),
         ("Pati", "Temanggung"), ("Lebah Rimba", "Pak Haji Usman", "Nektar Desa"),
         "100% madu {v} tanpa campuran gula", "24 bulan", "bottle",
         (((250, 245, 230), (60, 40, 20)), ((40, 70, 40), (250, 230, 150))), (200, 120, 20), "09",
         "Madu {v} dipanen dari peternak lebah binaan kami di {city}, hanya disaring tanpa "
         "dipanaskan, sehingga enzim dan aromanya tetap terjaga.",
         origin={"Hutan Murni": "Sumbawa", "Randu": "Pati", "Kelengkeng": "Temanggung"},
         bpom=True, tare=250,
         storage="Simpan di suhu ruang, tidak perlu masuk kulkas. Madu murni bisa mengkristal; "
         "itu proses alami."),
    Food("kue_kering", "Kue Kering", "Kue",
         ("Nastar Nanas", "Kastengel Keju Edam", "Putri Salju", "Lidah Kucing", "Nastar Keju"),
         (Size(250, G, 1, 45000, 70000), Size(500, G, 1, 85000, 140000)),
         ("Jakarta", "Bandung", "Surabaya"), ("Dapur Bunda Rina", "Cookies Ummi", "Mama Lia"),
         "tepung terigu, mentega, margarin, kuning telur, gula halus, susu bubuk, {v}",
         "2 bulan", "toples", (((200, 30, 40), (200, 30, 40)), ((230, 180, 40), (40, 90, 60))),
         (226, 170, 80), "06",
         "{v} buatan rumahan dengan mentega asli, dipanggang sedikit demi sedikit supaya matang "
         "merata. Dikemas toples plastik tebal dan bubble wrap tebal."),
    Food("tahu_takwa", "Tahu Takwa", "Tahu",
         ("Kuning Original", "Kuning Ukuran Besar"),
         (Size(None, "pcs", 10, 25000, 35000), Size(None, "pcs", 20, 45000, 62000)),
         ("Kediri",), ("Tahu Sumber Rejeki", "Pak Min", "Takwa Bu Endang"),
         "kedelai, air, kunyit, garam, batu tahu", "2 hari di suhu ruang, 5 hari di kulkas",
         "box", (((235, 225, 200), (200, 40, 40)),), (240, 200, 60), "",
         "Tahu kuning padat khas {city}, dibuat setiap pagi dari kedelai pilihan. Dikirim "
         "dengan kurir instan atau sameday untuk area Jawa Timur.",
         pirt=False, piece_g=60, tare=150,
         storage="Simpan di kulkas. Untuk kirim jauh kami pakai kotak styrofoam dan es batu."),
    Food("gethuk_pisang", "Gethuk Pisang", "Gethuk",
         ("Original", "Isi Gula Jawa"),
         (Size(None, "pcs", 5, 20000, 30000), Size(None, "pcs", 10, 38000, 55000)),
         ("Kediri",), ("Gethuk Bu Sarni", "Pisang Raja Mas"),
         "pisang raja, gula pasir, garam, daun pisang", "3 hari", "roll",
         (((70, 130, 50), (230, 220, 180)),), (220, 170, 70), "",
         "Pisang raja matang dikukus, dihaluskan lalu dibungkus daun pisang dan dikukus lagi. "
         "Jajanan asli {city}, tanpa pengawet.",
         pirt=False, piece_g=250, tare=100),
    Food("rengginang", "Rengginang", "Rengginang",
         ("Terasi", "Original Bawang", "Ketan Hitam"),
         (Size(250, G, 1, 15000, 23000), Size(500, G, 1, 27000, 40000)),
         ("Sidoarjo", "Cirebon"), ("Mak Ti", "Ketan Emas", "Rengginang Bu Nah"),
         "beras ketan, bawang putih, {v}, garam", "6 bulan (mentah, belum digoreng)", "pouch",
         (((250, 250, 250), (200, 40, 40)), ((230, 180, 40), (60, 40, 30))), (235, 225, 200),
         "15",
         "Rengginang mentah rasa {v}, dijemur matahari sampai kering. Tinggal digoreng, "
         "mekar besar dan renyah."),
    Food("kerupuk", "Kerupuk", "Kerupuk",
         ("Udang", "Ikan Tenggiri", "Rambak Kulit Sapi", "Bawang"),
         (Size(250, G, 1, 18000, 30000), Size(500, G, 1, 32000, 55000),
          Size(1000, G, 1, 60000, 95000)),
         ("Garut", "Sidoarjo"), ("Bu Sum", "Dua Ikan", "Sinar Jaya"),
         "tepung tapioka, {v}, bawang putih, garam, gula", "6 bulan (mentah)", "pouch",
         (((40, 90, 170), (250, 245, 230)), ((250, 250, 250), (230, 120, 30))), (240, 215, 170),
         "06",
         "Kerupuk {v} mentah, dijemur sampai kering di bawah matahari {city}. Goreng dengan "
         "minyak panas, mengembang sempurna.",
         origin={"Udang": "Sidoarjo", "Ikan Tenggiri": "Palembang",
                 "Rambak Kulit Sapi": "Magetan"}),
    Food("dodol", "Dodol", "Dodol",
         ("Garut Original", "Durian", "Nanas", "Wijen"),
         (Size(250, G, 1, 18000, 28000), Size(500, G, 1, 32000, 50000)),
         ("Garut",), ("Dodol Ibu Enok", "Kujang Mas"),
         "tepung ketan, gula aren, santan kelapa, {v}", "3 bulan", "box",
         (((250, 240, 220), (120, 60, 30)), ((40, 110, 60), (250, 230, 160))), (110, 60, 30),
         "14",
         "Dodol {v} diaduk 8 jam di kuali besar dengan kayu bakar, legit dan tidak lengket di "
         "gigi. Dibungkus satuan kertas minyak."),
    Food("bakpia", "Bakpia", "Bakpia",
         ("Kacang Hijau", "Keju", "Coklat", "Kumbu Hitam", "Ubi Ungu"),
         (Size(30, G, 20, 35000, 48000), Size(30, G, 15, 28000, 38000)),
         ("Yogyakarta",), ("Ngasem Jaya", "Mbak Wulan", "Pathok Asri"),
         "tepung terigu, gula, minyak nabati, {v}, garam", "7 hari", "box",
         (((250, 245, 230), (140, 40, 30)), ((240, 200, 60), (120, 40, 30))), (225, 185, 120),
         "06",
         "Bakpia isi {v} dipanggang setiap hari di dapur kami di {city}. Kulit tipis, isi "
         "melimpah."),
    Food("abon", "Abon", "Abon",
         ("Sapi Original", "Sapi Pedas", "Ikan Tuna", "Ayam"),
         (Size(100, G, 1, 45000, 70000), Size(250, G, 1, 95000, 150000)),
         ("Solo", "Boyolali"), ("Abon Bu Harjo", "Mas Bimo", "Abon Sehati"),
         "daging {v}, bawang merah, bawang putih, ketumbar, lengkuas, gula merah, santan, garam, "
         "minyak nabati", "6 bulan", "jar",
         (((250, 245, 235), (140, 30, 30)), ((140, 30, 30), (250, 230, 160))), (150, 95, 50),
         "01",
         "Abon {v} dimasak dari daging segar tanpa campuran tepung, disuwir halus dan "
         "disangrai sampai kering.",
         origin={"Ikan Tuna": "Makassar"}, bpom=True, tare=120),
    Food("rendang", "Rendang", "Rendang",
         ("Daging Sapi Kering", "Paru Kering", "Daging Suwir", "Telur Payakumbuh"),
         (Size(250, G, 1, 75000, 115000), Size(500, G, 1, 140000, 210000)),
         ("Padang", "Bukittinggi"), ("Uni Farah", "Dapur Amak", "Etek Yen"),
         "daging sapi, santan kelapa, cabai merah, bawang merah, bawang putih, lengkuas, serai, "
         "daun kunyit, garam", "3 bulan (kemasan vakum)", "pouch",
         (((30, 30, 30), (220, 170, 60)), ((120, 20, 20), (250, 240, 220))), (90, 45, 25), "01",
         "Rendang {v} dimasak 8 jam sampai kering dan hitam khas {city}, tahan lama tanpa "
         "pengawet. Dikemas vakum."),
    Food("teh", "Teh", "Teh",
         ("Hijau Tambi", "Hitam Kayu Aro", "Rosella Kering", "Sereh Jahe", "Melati Tubruk"),
         (Size(50, G, 1, 18000, 30000), Size(100, G, 1, 28000, 55000)),
         ("Solo",), ("Kebun Lestari", "Teh Nini", "Daun Pucuk"),
         "daun teh {v}", "18 bulan", "box",
         (((40, 100, 60), (240, 235, 210)), ((120, 30, 40), (245, 230, 200))), (60, 90, 40), "10",
         "Teh {v} dari pucuk pilihan, dipetik pagi hari dan dikeringkan perlahan. Seduh dengan "
         "air 85-90 derajat selama 3 menit.",
         origin={"Hijau Tambi": "Wonosobo", "Hitam Kayu Aro": "Kerinci"}),
    Food("gula_aren", "Gula Aren", "Gula Aren",
         ("Cetak Batok", "Semut Organik"),
         (Size(500, G, 1, 25000, 38000), Size(1000, G, 1, 45000, 70000)),
         ("Lebak", "Banyumas"), ("Aren Lebak Sejahtera", "Nira Mas", "Kelapa Muda Jaya"),
         "100% nira aren", "12 bulan", "pouch",
         (((150, 110, 70), (250, 245, 235)), ((60, 40, 30), (230, 180, 90))), (110, 60, 25), "09",
         "Gula aren {v} dari nira segar yang disadap pagi hari dan dimasak di tungku kayu oleh "
         "petani {city}. Tanpa campuran gula pasir."),
    Food("emping", "Emping Melinjo", "Emping",
         ("Original Tipis", "Manis Pedas", "Balado"),
         (Size(250, G, 1, 35000, 52000), Size(500, G, 1, 65000, 95000)),
         ("Pandeglang", "Batang"), ("Emping Pak Jaja", "Melinjo Mas"),
         "biji melinjo, garam, bumbu {v}", "6 bulan", "pouch",
         (((250, 245, 235), (40, 120, 60)), ((230, 120, 30), (255, 250, 235))), (230, 200, 140),
         "15",
         "Emping {v} dari biji melinjo tua yang dipipihkan satu per satu dengan tangan. Tipis, "
         "renyah, sedikit pahit khas melinjo."),
    Food("bawang_goreng", "Bawang Goreng", "Bawang Goreng",
         ("Palu Original", "Palu Pedas"),
         (Size(100, G, 1, 22000, 32000), Size(250, G, 1, 45000, 70000)),
         ("Palu",), ("Ibu Nur", "Lembah Palu"),
         "bawang merah lembah Palu, minyak kelapa, garam", "6 bulan", "jar",
         (((250, 245, 235), (120, 40, 90)), ((120, 40, 90), (250, 230, 200))), (190, 120, 60),
         "11",
         "Bawang merah varietas lembah Palu yang manis, diiris tipis dan digoreng kering. "
         "Gurih, renyah sampai hari terakhir.",
         tare=150),
)

SOGA = ((95, 55, 30), (235, 220, 190), (40, 40, 60))
INDIGO = ((35, 50, 100), (238, 230, 210), (160, 90, 40))
MERAH = ((170, 30, 40), (245, 230, 200), (40, 40, 40))
HIJAU = ((40, 100, 80), (240, 232, 205), (150, 60, 40))
PANDAN = ((200, 178, 120), (130, 90, 40), (160, 130, 70))
ROTAN = ((185, 135, 75), (120, 80, 40), (150, 100, 50))
TERAKOTA = ((176, 92, 58), (240, 230, 210), (120, 60, 40))
JATI = ((150, 96, 52), (230, 210, 180), (90, 60, 30))
KULIT = ((110, 62, 35), (230, 200, 150), (80, 40, 20))
KULIT_HITAM = ((45, 40, 38), (200, 170, 120), (30, 30, 30))
SONGKET = ((150, 20, 35), (212, 175, 55), (240, 210, 120))
SUMBA = ((120, 40, 30), (230, 210, 170), (30, 40, 70))

BATIK_CARE = ("Cuci dengan tangan memakai lerak atau sampo bayi, jangan direndam lama dan jangan "
              "diperas. Jemur di tempat teduh, setrika suhu sedang dari sisi dalam.")
TENUN_CARE = ("Cukup diangin-anginkan. Bila perlu cuci tangan dengan air dingin tanpa deterjen "
              "keras, jangan diperas, jangan dijemur di terik matahari.")
ANYAM_CARE = ("Bersihkan dengan kain lembap atau kuas halus, jangan dicuci dengan mesin. "
              "Angin-anginkan bila lembap agar tidak berjamur.")
CM_20 = CraftSize("2 m x 1,15 m", "2 m x 1,15 m", 350, 0, 0)


def _cs(size: CraftSize, lo: int, hi: int) -> CraftSize:
    return CraftSize(size.text, size.short, size.weight, lo, hi)


CRAFTS: tuple[Craft, ...] = (
    Craft("batik_tulis", "busana", "Kain Batik Tulis", "Batik",
          ("Motif Parang Rusak", "Motif Kawung", "Motif Sekar Jagad", "Motif Truntum",
           "Motif Sidomukti", "Motif Latohan"),
          (_cs(CM_20, 450000, 1500000),
           CraftSize("2,5 m x 1,05 m", "2,5 m x 1,05 m", 400, 650000, 1800000)),
          ("Solo", "Yogyakarta", "Lasem"), ("Sekar Arum", "Putri Laweyan", "Griya Batik Lasem"),
          "katun primisima", "batik tulis dengan canting, pewarna alam (soga dan indigo)",
          BATIK_CARE, "cloth", (SOGA, INDIGO, MERAH),
          "Dikerjakan tangan oleh pembatik di {city} dengan canting dan malam; satu lembar "
          "memakan waktu sekitar tiga minggu dari pola sampai pelorodan.",
          material_short="Katun Primisima"),
    Craft("batik_cap", "busana", "Kain Batik Cap", "Batik",
          ("Motif Mega Mendung", "Motif Kawung", "Motif Parang Barong", "Motif Truntum"),
          (_cs(CM_20, 150000, 350000),),
          ("Cirebon", "Pekalongan"), ("Batik Trusmi Ayu", "Canting Mas", "Batik Kauman"),
          "katun prima", "batik cap (stempel tembaga) dengan pewarna sintetis tahan luntur",
          BATIK_CARE, "cloth", (INDIGO, MERAH, HIJAU),
          "Dicap dengan stempel tembaga buatan pengrajin {city}, diwarnai dua kali supaya warna "
          "pekat dan rata.",
          material_short="Katun Prima"),
    Craft("batik_printing", "busana", "Kain Batik Printing", "Batik",
          ("Motif Mega Mendung", "Motif Parang", "Motif Sekar Jagad"),
          (_cs(CM_20, 55000, 110000),),
          ("Pekalongan",), ("Pekalongan Tekstil Rakyat", "Batik Kita"),
          "katun rayon", "printing (sablon motif batik, bukan batik tulis atau cap)",
          "Boleh dicuci mesin dengan putaran lembut, jangan pakai pemutih.", "cloth",
          (INDIGO, HIJAU, SOGA),
          "Kain bermotif batik hasil printing dari {city}, adem dan ringan, cocok untuk seragam "
          "dan bahan kemeja harian."),
    Craft("kemeja_batik", "busana", "Kemeja Batik Pria Lengan Panjang", "Kemeja Batik",
          ("Motif Parang", "Motif Mega Mendung", "Motif Kawung", "Motif Sekar Jagad"),
          (CraftSize("M (lingkar dada 104 cm, panjang 72 cm)", "Ukuran M", 300, 175000, 350000),
           CraftSize("L (lingkar dada 110 cm, panjang 74 cm)", "Ukuran L", 320, 175000, 350000),
           CraftSize("XL (lingkar dada 116 cm, panjang 76 cm)", "Ukuran XL", 340, 185000,
                     375000)),
          ("Solo", "Pekalongan"), ("Sekar Arum", "Batik Kauman", "Lurik Mas"),
          "katun primisima dengan furing", "batik cap kombinasi tulis, dijahit rapi",
          BATIK_CARE, "shirt", (SOGA, INDIGO, MERAH),
          "Kemeja batik dengan potongan regular fit, dijahit penjahit langganan kami di {city}; "
          "motif disambung rapi di bagian depan dan kantong.",
          material_short="Katun"),
    Craft("tenun_sumba", "busana", "Kain Tenun Ikat Sumba", "Kain Tenun",
          ("Motif Kuda", "Motif Mamuli", "Motif Udang", "Motif Ayam"),
          (CraftSize("2,2 m x 1,1 m", "2,2 m x 1,1 m", 700, 1500000, 6000000),
           CraftSize("1,8 m x 0,6 m (selendang)", "Selendang 1,8 m", 300, 450000, 1200000)),
          ("Sumba",), ("Tenun Rambu Ana", "Kawuru Sumba"),
          "benang katun pintal dengan pewarna alam (akar mengkudu dan nila)",
          "tenun ikat lungsin, ditenun dengan alat tenun gedogan", TENUN_CARE, "cloth",
          (SUMBA, INDIGO), "Ditenun ibu-ibu di {city}; proses ikat, celup dan tenun satu kain "
          "bisa berbulan-bulan.", pattern="diamonds", material_short="Pewarna Alam"),
    Craft("tenun_troso", "busana", "Kain Tenun Troso", "Kain Tenun",
          ("Motif Geometris", "Motif Lurik Modern", "Motif Songket Troso"),
          (CraftSize("2 m x 1,1 m", "2 m x 1,1 m", 450, 200000, 550000),),
          ("Jepara",), ("Tenun Troso Makmur", "Griya Tenun Jepara"),
          "benang katun", "tenun ATBM (alat tenun bukan mesin)", TENUN_CARE, "cloth",
          (HIJAU, MERAH, INDIGO), "Ditenun dengan ATBM di desa Troso, {city}.",
          pattern="diamonds", material_short="Katun"),
    Craft("songket", "busana", "Kain Songket Palembang", "Songket",
          ("Motif Lepus Benang Emas", "Motif Bunga Cina", "Motif Nago Besaung"),
          (CraftSize("2 m x 0,9 m", "2 m x 0,9 m", 500, 1500000, 4500000),),
          ("Palembang",), ("Songket Cek Ipah", "Griya Songket 16 Ilir"),
          "benang sutra dan benang emas", "tenun songket tangan", TENUN_CARE, "cloth",
          (SONGKET,), "Ditenun tangan di {city} dengan benang emas yang disisipkan helai demi "
          "helai.", pattern="diamonds", material_short="Sutra"),
    Craft("sarung", "busana", "Sarung Tenun Goyor", "Sarung",
          ("Motif Kotak", "Motif Bunga", "Motif Kembang Kawung"),
          (CraftSize("lebar 1,1 m, panjang 2 m (dijahit lingkar)", "Lebar 110 cm", 500, 150000,
                     350000),),
          ("Pemalang", "Samarinda"), ("Sarung Tenun Wijaya", "Goyor Asli Pemalang"),
          "benang rayon", "tenun ATBM", TENUN_CARE, "cloth", (INDIGO, MERAH, HIJAU),
          "Sarung tenun tangan dari {city}, jatuh dan adem dipakai.", pattern="checks",
          material_short="Rayon"),
    Craft("lurik", "busana", "Kain Lurik", "Lurik",
          ("Motif Tumbar Pecah", "Motif Kluwung", "Motif Sapit Urang"),
          (CraftSize("per meter, lebar 1,1 m", "Per Meter", 200, 40000, 75000),),
          ("Klaten",), ("Lurik Pedan Sejati", "Lurik Mas"),
          "benang katun", "tenun ATBM", BATIK_CARE, "cloth", (SOGA, INDIGO, HIJAU),
          "Lurik tenun ATBM dari Pedan, {city}; dijual per meter, lebar 110 cm.",
          pattern="stripes", material_short="Katun"),
    Craft("tas_pandan", "kriya", "Tas Anyaman Pandan", "Tas",
          ("Motif Kotak", "Motif Zigzag Warna Alami", "Model Tote Resleting"),
          (CraftSize("30 x 12 x 25 cm", "30 x 25 cm", 400, 85000, 160000),
           CraftSize("40 x 15 x 30 cm", "40 x 30 cm", 550, 120000, 210000)),
          ("Tasikmalaya",), ("Rajapolah Indah", "Pandan Mak Inah"),
          "daun pandan duri, furing kain katun", "anyaman tangan", ANYAM_CARE, "bag",
          (PANDAN,), "Dianyam tangan oleh pengrajin Rajapolah, {city}, dari daun pandan yang "
          "dijemur dan diwarnai sendiri.", pattern="weave", material_short="Pandan"),
    Craft("keranjang_rotan", "kriya", "Keranjang Rotan", "Keranjang",
          ("Bulat dengan Tutup", "Parsel Oval", "Laundry Tinggi"),
          (CraftSize("diameter 30 cm, tinggi 25 cm", "30 cm", 700, 95000, 180000),
           CraftSize("45 x 30 x 20 cm", "45 x 30 cm", 900, 120000, 250000)),
          ("Cirebon",), ("Rotan Tegalwangi", "Anyam Jaya Cirebon"),
          "rotan alam (pitrit)", "anyaman tangan, finishing pernis", ANYAM_CARE, "basket",
          (ROTAN,), "Dianyam di sentra rotan {city} dari rotan pilihan yang sudah dioven "
          "supaya tidak berjamur."),
    Craft("anyaman_bambu", "kriya", "Keranjang Anyaman Bambu", "Keranjang",
          ("Besek Set isi 3", "Tampah Hias", "Tudung Saji"),
          (CraftSize("diameter 35 cm", "35 cm", 500, 35000, 90000),),
          ("Tasikmalaya", "Sleman"), ("Bambu Lestari", "Anyaman Mak Inah"),
          "bambu apus", "anyaman tangan", ANYAM_CARE, "basket", (PANDAN, ROTAN),
          "Dianyam dari bambu apus yang diserut tipis oleh pengrajin {city}."),
    Craft("tikar_pandan", "kriya", "Tikar Pandan Lipat", "Tikar",
          ("Motif Warna", "Polos Alami"),
          (CraftSize("150 x 200 cm", "150 x 200 cm", 1500, 110000, 220000),
           CraftSize("90 x 180 cm", "90 x 180 cm", 900, 70000, 140000)),
          ("Kebumen", "Tasikmalaya"), ("Pandan Kebumen Asri", "Rajapolah Indah"),
          "daun pandan", "anyaman tangan", ANYAM_CARE, "cloth", (PANDAN,),
          "Tikar pandan anyaman tangan dari {city}, dingin dipakai dan bisa dilipat.",
          pattern="weave", material_short="Pandan"),
    Craft("gerabah", "kriya", "Vas Gerabah Kasongan", "Gerabah",
          ("Motif Ukir Bunga", "Terakota Alami", "Motif Tumpal"),
          (CraftSize("tinggi 40 cm, diameter 25 cm", "40 cm", 2500, 150000, 350000),
           CraftSize("tinggi 25 cm, diameter 18 cm", "25 cm", 1200, 75000, 160000)),
          ("Bantul",), ("Kasongan Art", "Gerabah Mbah Wiryo"),
          "tanah liat", "putar tangan, ukir manual, bakar tungku", "Lap dengan kain kering; "
          "bukan untuk air (pori-pori terbuka) kecuali diberi pelapis.", "pot", (TERAKOTA,),
          "Dibentuk di atas perbot dan dibakar di tungku tradisional desa Kasongan, {city}.",
          material_short="Tanah Liat"),
    Craft("kayu_jati", "kriya", "Mangkuk Kayu Jati", "Mangkuk Kayu",
          ("Finishing Food Grade", "Set 3 pcs", "Model Salad Bowl"),
          (CraftSize("diameter 15 cm, tinggi 7 cm", "15 cm", 300, 45000, 85000),
           CraftSize("diameter 25 cm, tinggi 10 cm", "25 cm", 700, 95000, 180000)),
          ("Jepara",), ("Jati Ukir Jepara", "Kayu Lestari"),
          "kayu jati limbah mebel", "bubut dan amplas tangan, finishing minyak food grade",
          "Cuci dengan tangan, keringkan segera, jangan masuk mesin cuci piring. Olesi minyak "
          "kelapa sebulan sekali.", "bowl", (JATI,),
          "Dibubut dari sisa kayu jati mebel {city}, jadi tiap mangkuk serat kayunya berbeda.",
          material_short="Jati"),
    Craft("dompet_kulit", "kriya", "Dompet Kulit Sapi Asli", "Dompet",
          ("Pria Lipat Dua", "Wanita Panjang", "Kartu Slim"),
          (CraftSize("11 x 9,5 cm", "11 x 9,5 cm", 150, 95000, 220000),
           CraftSize("19 x 9,5 cm", "19 x 9,5 cm", 200, 150000, 280000)),
          ("Garut", "Magetan"), ("Sukaregang Leather", "Kulit Mas Magetan"),
          "kulit sapi samak nabati (full grain)", "jahit tangan, tepi dicat dan dipoles",
          "Lap dengan kain kering, hindari air; oleskan leather conditioner tiap 3 bulan.",
          "wallet", (KULIT, KULIT_HITAM),
          "Dipotong dan dijahit tangan oleh pengrajin kulit {city}.",
          material_short="Kulit Sapi"),
    Craft("tas_kulit", "kriya", "Tas Selempang Kulit", "Tas",
          ("Pria Kasual", "Wanita Mini"),
          (CraftSize("24 x 8 x 18 cm", "24 x 18 cm", 600, 250000, 650000),),
          ("Garut",), ("Sukaregang Leather", "Garut Kulit Kita"),
          "kulit sapi samak nabati", "jahit tangan, tali bisa diatur",
          "Lap dengan kain kering, hindari air; oleskan leather conditioner tiap 3 bulan.", "bag",
          (KULIT, KULIT_HITAM), "Tas kulit buatan tangan dari sentra kulit Sukaregang, {city}.",
          material_short="Kulit Sapi"),
)

# Which batik pattern a motif name is drawn with (anything else: the craft's default).
MOTIF_PATTERN = {"Parang": "parang", "Kawung": "kawung", "Mega Mendung": "mega_mendung",
                 "Sekar Jagad": "flowers", "Truntum": "flowers", "Sidomukti": "flowers",
                 "Latohan": "flowers", "Bunga": "flowers", "Kotak": "checks", "Lurik": "stripes"}

# Colour names a good description states, keyed by the look it is drawn with.
COLOR_NAMES = {SOGA: "coklat soga dan krem", INDIGO: "biru indigo dan krem",
               MERAH: "merah marun dan krem", HIJAU: "hijau botol dan krem",
               PANDAN: "krem alami pandan", ROTAN: "coklat madu alami", TERAKOTA: "terakota",
               JATI: "coklat kayu jati alami", KULIT: "coklat tan", KULIT_HITAM: "hitam",
               SONGKET: "merah marun dengan benang emas",
               SUMBA: "merah mengkudu dan biru nila"}
