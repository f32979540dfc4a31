package io.centerline.demo.generator;

import io.centerline.platform.ReferenceFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * The trading world the generator draws from: countries of origin with their cities and maker-name roots, the share
 * each country has of each Center's trade, U.S. ports of entry by volume, AD/CVD order scopes (from the same reference
 * file the detectors read, so planted evasion and detection agree) and chapter 99 surcharges. Every country code is
 * ISO 3166 alpha-2; every port code is a real 4-digit district and port.
 */
final class World {

    static final String ORDERS_RESOURCE = "/reference/adcvd-orders.csv";

    /** A country of origin; Canadian cities carry their province code after a slash ({@code Toronto/XO}). */
    record Country(String code, double priceFactor, String suffix, List<String> cities, List<String> roots) {}

    /** How goods reach a port: by sea, by land across the northern or southern border, or by air. */
    enum PortKind {
        SEA,
        NORTH,
        SOUTH,
        AIR
    }

    record Port(String code, PortKind kind, double weight) {}

    /**
     * An AD/CVD order: the HTS prefix and origin in its scope, its AD and CVD case numbers ({@code cvdCase} may be
     * {@code null}) with their cash-deposit rates in percent, and the Center of the goods.
     */
    record Order(String htsPrefix, String origin, String adCase, double adRate, String cvdCase, double cvdRate) {

        boolean covers(String hts, String countryOfOrigin) {
            return origin.equals(countryOfOrigin) && hts.startsWith(htsPrefix);
        }
    }

    static final Map<String, Country> COUNTRIES = new LinkedHashMap<>();

    static {
        country(
                "CN",
                0.85,
                "Co Ltd",
                "Shenzhen Dongguan Ningbo Shanghai Qingdao Xiamen Suzhou Foshan Tianjin",
                "Jinlong Hengda Huatai Tianyi Kaida Xinhua Yongsheng Baoli Zhongxing Hongfa Sanhe Dayang");
        country(
                "VN",
                0.85,
                "JSC",
                "Hanoi Haiphong Danang Binh-Duong Dong-Nai Bac-Ninh",
                "Viet Saigon Thanh Hoang Minh Phuoc Tan Dai");
        country(
                "MX",
                1.0,
                "SA de CV",
                "Monterrey Tijuana Juarez Guadalajara Queretaro Saltillo Puebla",
                "Grupo Industrias Maquiladora Aceros Productos Manufacturas Sonora Azteca");
        country(
                "CA",
                1.2,
                "Inc",
                "Toronto/XO Mississauga/XO Windsor/XO Montreal/XQ Quebec/XQ Vancouver/XC Calgary/XA"
                        + " Winnipeg/XM Moncton/XB Halifax/XN Regina/XS",
                "Northern Maple Laurentian Prairie Cascade Boreal Dominion Atlantic");
        country(
                "DE",
                1.3,
                "GmbH",
                "Stuttgart Munich Hamburg Cologne Frankfurt Dortmund Leipzig",
                "Rheinmetall Schwarzwald Bergmann Hoffmann Krauss Weber Neumann Falken");
        country(
                "JP",
                1.3,
                "KK",
                "Tokyo Osaka Nagoya Yokohama Kobe Hamamatsu",
                "Nippon Takara Sanyo Fujimi Kyowa Daiko");
        country(
                "KR",
                1.1,
                "Co Ltd",
                "Seoul Busan Incheon Ulsan Changwon Daegu",
                "Hanil Daesung Samil Kumho Sejin Hyosan");
        country(
                "TW",
                1.1,
                "Corp",
                "Taipei Taichung Kaohsiung Hsinchu Tainan Taoyuan",
                "Formosa Chung Hsin Tai Yuan Kuo");
        country(
                "IN",
                0.85,
                "Pvt Ltd",
                "Mumbai Chennai Pune Ahmedabad Ludhiana Tiruppur Bengaluru Hyderabad",
                "Bharat Shree Laxmi Ganesh Sagar Vardhman Mahavir Suraj");
        country(
                "IT",
                1.3,
                "SpA",
                "Milan Turin Bologna Florence Verona Prato",
                "Fratelli Lombarda Veneta Toscana Adriatica");
        country("TH", 0.9, "Co Ltd", "Bangkok Chonburi Rayong Samut-Prakan Ayutthaya", "Siam Thai Chao Krung Sukhum");
        country(
                "MY",
                0.9,
                "Sdn Bhd",
                "Penang Johor-Bahru Shah-Alam Kulim Ipoh",
                "Malaysia Perdana Sinar Kinta Bintang");
        country("ID", 0.85, "PT", "Jakarta Surabaya Bandung Semarang Batam", "Nusantara Sinar Jaya Mitra Abadi");
        country("BD", 0.8, "Ltd", "Dhaka Chittagong Gazipur Narayanganj", "Bengal Padma Meghna Sonar Rupali");
        country("KH", 0.8, "Co Ltd", "Phnom-Penh Sihanoukville Kandal", "Angkor Mekong Khmer Kampuchea");
        country("PK", 0.8, "Pvt Ltd", "Karachi Lahore Faisalabad Sialkot", "Indus Crescent Nishat Ravi Chenab");
        country("HN", 0.9, "SA", "San-Pedro-Sula Choloma Villanueva", "Honduras Caribe Lenca Maya");
        country("GT", 0.9, "SA", "Guatemala-City Escuintla Villa-Nueva", "Quetzal Chapin Atitlan Pacaya");
        country("TR", 1.0, "AS", "Istanbul Izmir Bursa Kayseri Gaziantep", "Anadolu Ege Marmara Toros Yildiz");
        country("IE", 1.3, "Ltd", "Cork Dublin Galway Limerick", "Shannon Liffey Emerald Celtic");
        country("CH", 1.4, "AG", "Basel Zurich Geneva Lausanne", "Helvetia Alpina Rhein Jura");
        country("GB", 1.3, "Ltd", "London Manchester Birmingham Glasgow Leeds", "Albion Britannia Pennine Thames");
        country("FR", 1.3, "SAS", "Lyon Paris Marseille Bordeaux Toulouse", "Rhone Provence Aquitaine Gironde");
        country("NL", 1.3, "BV", "Rotterdam Eindhoven Amsterdam Utrecht", "Holland Delta Oranje Zeeland");
        country("SG", 1.2, "Pte Ltd", "Singapore Jurong Tuas", "Merlion Straits Temasek Raffles");
        country("BR", 1.0, "Ltda", "Santos Sao-Paulo Curitiba Recife", "Brasil Paulista Amazonia Cerrado");
        country("CL", 1.0, "SA", "Santiago Valparaiso Rancagua", "Andes Pacifico Austral Maipo");
        country("PE", 1.0, "SAC", "Lima Callao Piura Ica", "Inca Andina Peruana Chavin");
        country("EC", 0.9, "SA", "Guayaquil Machala Quito", "Ecuador Costa Guayas Chimborazo");
        country("CO", 0.9, "SAS", "Bogota Medellin Cartagena Barranquilla", "Andina Cafetera Caribe Antioquia");
        country("CR", 1.0, "SA", "Alajuela Limon Heredia", "Tica Pacifica Arenal Irazu");
        country("NZ", 1.2, "Ltd", "Auckland Tauranga Napier", "Kiwi Aotearoa Tasman Waikato");
        country("SA", 1.0, "Co", "Jubail Dammam Yanbu", "Arabian Gulf Najd Hejaz");
        country("AU", 1.2, "Pty Ltd", "Perth Brisbane Melbourne Sydney", "Ozrock Southern Pilbara Yarra");
        country("ZA", 1.0, "Pty Ltd", "Johannesburg Durban Cape-Town", "Highveld Karoo Zulu Drakensberg");
    }

    /** Each Center's origins and their trade-weighted shares. */
    static final Map<String, String> ORIGIN_SHARES = Map.of(
            "PHC", "IE:18 DE:14 CH:12 IN:10 CN:10 IT:6 GB:6 JP:5 FR:5 NL:5 SG:4 CA:5",
            "AG", "MX:30 CA:20 BR:6 CL:5 PE:4 EC:4 CO:5 GT:4 IT:4 FR:3 IN:3 VN:3 TH:3 CR:3 NZ:3",
            "AA", "MX:35 JP:20 CA:12 DE:10 KR:12 CN:6 GB:3",
            "AFT", "CN:28 VN:22 BD:9 IN:8 ID:7 KH:6 IT:4 MX:4 PK:4 HN:3 GT:3 TR:2",
            "BM", "CA:18 MX:14 CN:12 KR:8 DE:7 JP:6 BR:6 TW:5 IN:6 VN:5 TR:4 IT:3",
            "PNGM", "CA:40 MX:15 SA:8 BR:6 CO:6 AU:5 IN:4 ZA:4 CH:6 GB:6",
            "ELEC", "CN:30 MX:18 TW:12 VN:10 MY:8 KR:6 JP:6 TH:5 DE:3 IN:2",
            "CPMM", "CN:45 VN:18 MX:6 IN:5 TW:4 IT:4 TH:4 ID:4 MY:3 CA:4 DE:3",
            "IMM", "CN:22 CA:20 MX:10 DE:6 KR:5 JP:5 TH:5 IN:6 VN:6 BR:5 ID:4 IT:3 CL:3",
            "MACH", "CN:25 MX:20 DE:12 JP:12 CA:8 KR:6 IT:6 TW:4 VN:4 IN:3");

    /** How many importers each Center has, relative to the others. */
    static final String CENTER_SHARES = "CPMM:20 ELEC:16 AFT:14 MACH:13 AA:8 BM:8 AG:7 IMM:7 PHC:5 PNGM:2";

    static final List<Port> PORTS = List.of(
            new Port("2704", PortKind.SEA, 14),
            new Port("2709", PortKind.SEA, 13),
            new Port("1001", PortKind.SEA, 6),
            new Port("4601", PortKind.SEA, 8),
            new Port("5301", PortKind.SEA, 6),
            new Port("1703", PortKind.SEA, 7),
            new Port("3001", PortKind.SEA, 3),
            new Port("3002", PortKind.SEA, 3),
            new Port("1401", PortKind.SEA, 4),
            new Port("1601", PortKind.SEA, 4),
            new Port("5201", PortKind.SEA, 2),
            new Port("2002", PortKind.SEA, 2),
            new Port("1303", PortKind.SEA, 2),
            new Port("0401", PortKind.SEA, 1),
            new Port("1101", PortKind.SEA, 1.5),
            new Port("1801", PortKind.SEA, 0.8),
            new Port("1803", PortKind.SEA, 1.5),
            new Port("2809", PortKind.SEA, 0.6),
            new Port("2811", PortKind.SEA, 2),
            new Port("2904", PortKind.SEA, 0.8),
            new Port("2304", PortKind.SOUTH, 12),
            new Port("2402", PortKind.SOUTH, 4),
            new Port("2604", PortKind.SOUTH, 2),
            new Port("2503", PortKind.SOUTH, 3),
            new Port("2305", PortKind.SOUTH, 2),
            new Port("2301", PortKind.SOUTH, 1),
            new Port("3801", PortKind.NORTH, 8),
            new Port("0712", PortKind.NORTH, 2),
            new Port("0901", PortKind.NORTH, 4),
            new Port("3802", PortKind.NORTH, 3),
            new Port("5206", PortKind.AIR, 3),
            new Port("4701", PortKind.AIR, 4),
            new Port("2720", PortKind.AIR, 3),
            new Port("3901", PortKind.AIR, 3),
            new Port("5501", PortKind.AIR, 1.5),
            new Port("1704", PortKind.AIR, 1.2),
            new Port("3501", PortKind.AIR, 0.6),
            new Port("4101", PortKind.AIR, 0.6));

    /** The AD/CVD orders of the reference file {@value #ORDERS_RESOURCE} that stand, one per HTS prefix in scope. */
    static final List<Order> ORDERS = orders();

    /** Goods whose supply is concentrated in China, typical of transshipment through a third country. */
    static final String[] CHINESE_CHARACTER_GOODS = {"7604", "8541", "7306", "4412"};

    static final String[] TRANSSHIPMENT_COUNTRIES = {"VN", "MY", "TH"};

    /** The HTS prefixes of each high-risk forced-labour sector named in the synthetic entity list. */
    static final Map<String, String[]> SECTOR_PREFIXES = Map.of(
            "cotton", new String[] {"5201", "5205", "5208", "6109"},
            "polysilicon", new String[] {"280461", "8541"},
            "tomatoes", new String[] {"2002"},
            "pvc", new String[] {"3904"},
            "aluminium", new String[] {"7601"});

    static final String[] STREETS = {
        "Industrial Road",
        "Development Avenue",
        "Export Zone Road",
        "Harbour Street",
        "Science Park Road",
        "Main Street",
        "Factory Lane",
        "Commerce Boulevard",
        "Technology Drive",
        "Riverside Road"
    };

    static final String[] TRADE_WORDS = {
        "Global", "Pacific", "Star", "Bright", "United", "Prime", "Grand", "Royal", "Eastern", "Allied", "Summit",
        "Crown", "Apex", "Golden", "Ocean", "Sun", "Victory", "Harmony"
    };

    static final Map<String, String> CENTER_TRADE_NOUNS = Map.of(
            "PHC", "Pharmaceutical",
            "AG", "Foods",
            "AA", "Auto Parts",
            "AFT", "Garment",
            "BM", "Metal Products",
            "PNGM", "Resources",
            "ELEC", "Electronics",
            "CPMM", "Household Products",
            "IMM", "Materials",
            "MACH", "Machinery");

    private World() {}

    static Country country(String code) {
        Country country = COUNTRIES.get(code);
        if (country == null) {
            throw new IllegalArgumentException("Unknown country " + code);
        }
        return country;
    }

    static Order orderCovering(String hts, String origin) {
        for (Order order : ORDERS) {
            if (order.covers(hts, origin)) {
                return order;
            }
        }
        return null;
    }

    static boolean inAnyOrderScope(String hts) {
        for (Order order : ORDERS) {
            if (hts.startsWith(order.htsPrefix())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Pairs the AD and CVD case of the same goods and country into one order per HTS prefix, in the order the file
     * first names them; revoked orders are left out.
     */
    private static List<Order> orders() {
        Map<String, String[]> pairs = new LinkedHashMap<>();
        for (CSVRecord row : ReferenceFiles.rows(ORDERS_RESOURCE)) {
            if (!row.get("revoked_on").isBlank()) {
                continue;
            }
            String[] pair = pairs.computeIfAbsent(
                    row.get("country") + "/" + row.get("hts_prefixes").trim(), k -> new String[4]);
            int at = row.get("kind").equals("AD") ? 0 : 2;
            pair[at] = row.get("case_number");
            pair[at + 1] = row.get("deposit_rate");
        }
        List<Order> orders = new ArrayList<>();
        pairs.forEach((key, pair) -> {
            String origin = key.substring(0, key.indexOf('/'));
            if (pair[0] == null) {
                throw new IllegalStateException("A countervailing-duty order without an antidumping one: " + key);
            }
            for (String prefix : key.substring(key.indexOf('/') + 1).split("\\s+")) {
                orders.add(new Order(
                        prefix,
                        origin,
                        pair[0],
                        Double.parseDouble(pair[1]),
                        pair[2],
                        pair[2] == null ? 0 : Double.parseDouble(pair[3])));
            }
        });
        return List.copyOf(orders);
    }

    private static void country(String code, double priceFactor, String suffix, String cities, String roots) {
        COUNTRIES.put(
                code, new Country(code, priceFactor, suffix, List.of(cities.split(" ")), List.of(roots.split(" "))));
    }
}
