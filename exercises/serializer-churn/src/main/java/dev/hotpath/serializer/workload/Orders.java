package dev.hotpath.serializer.workload;

import dev.hotpath.serializer.model.Customer;
import dev.hotpath.serializer.model.LineItem;
import dev.hotpath.serializer.model.Order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded order generators: equal arguments give equal orders, on every machine and every run.
 *
 * <ul>
 *   <li>{@link #realistic(long, int)}: what the shop's miss path sees. Names, products and notes in
 *       many scripts, a few emoji, quotes, backslashes, tabs and newlines where people really type
 *       them, coupons with negative prices, free gifts, recent timestamps.</li>
 *   <li>{@link #hostile(long, int)}: every field anywhere in its allowed range, and strings built
 *       from the characters that break hand-written encoders (quote, backslash, every control
 *       character, the UTF-8 length boundaries, supplementary characters, lone surrogates).</li>
 * </ul>
 */
public final class Orders {

    /** The seed of the measured workloads when the grader names none (a plain test run, for example). */
    public static final long DEFAULT_SEED = 0x5E71A112E5L;
    /** The system property through which the grader passes the seed it picked for one grading. */
    public static final String SEED_PROPERTY = "hotpath.workload.seed";

    private static final String[] NAMES = {
        "John Smith", "Emily Johnson", "Ana Núñez", "Jürgen Groß", "Zoë Ünal", "Søren Ødegaard",
        "Łukasz Wiśniewski", "Çağrı Yılmaz", "Renée Dubois", "María José García-López", "Nguyễn Thị Hương",
        "李小龙", "田中 さくら", "김민준", "Дмитрий Смирнов", "Αλέξανδρος Παπαδόπουλος", "محمد العلي",
        "אביגיל כהן", "प्रिया शर्मा", "O'Brien & Sons", "Ana \"Ani\" Silva", "ACME \\ Logistics GmbH",
        "Mike 🚀 Rocket", "Kiri Te Kanawa", "Øyvind Ås",
    };

    private static final String[] EMAIL_DOMAINS = {"example.com", "mail.example.org", "shop.example.net"};

    /** Products: SKU, name, typical unit price in cents. */
    private static final Object[][] PRODUCTS = {
        {"SKU-10442", "Kaffeebohnen 1 kg", 1_499L},
        {"SKU-10871", "Café moulu 250 g", 599L},
        {"SKU-20013", "緑茶 100g", 1_250L},
        {"SKU-20554", "Пельмени домашние 1 кг", 899L},
        {"SKU-31007", "Tasse \"Guten Morgen\"", 1_295L},
        {"SKU-31420", "Schraube M6 × 20 mm (100 Stk.)", 749L},
        {"SKU-31421", "Bolt 1/4\" × 2\"", 35L},
        {"SKU-40000", "Gift wrap 🎁", 300L},
        {"SKU-40120", "USB-C cable 2 m", 999L},
        {"SKU-40388", "Notebook A5, dotted", 450L},
        {"SKU-50071", "Crème brûlée set", 2_499L},
        {"SKU-50230", "Ψωμί ολικής άλεσης", 320L},
        {"SKU-50231", "Chai masala चाय मसाला", 575L},
        {"SKU-60011", "Sake 日本酒 720ml", 3_400L},
        {"SKU-60012", "Phở kit", 1_800L},
        {"SKU-70500", "Socks (3 pairs) – wool", 1_999L},
        {"SKU-70501", "Poster \"C:\\Program Files\"", 1_500L},
        {"SKU-80042/XL", "Hoodie, size XL", 4_900L},
        {"SKU-80043/S", "Hoodie, size S", 4_900L},
        {"SKU-90001", "Label\tprinter roll", 1_150L},
        {"SKU-90777", "Espresso machine", 129_900L},
    };

    private static final String[] NOTES = {
        "Leave at the door",
        "Bitte klingeln\nHinterhaus, 2. OG",
        "東京へ配送してください 🚀",
        "Ring twice – \"back door\"",
        "Gate code: 1234\r\nDog is friendly 🐕",
        "Deliver to C:\\Receiving\\Dock 3",
        "Merci ! Livraison après 18 h.",
        "Пожалуйста, позвоните за час до доставки.",
        "يرجى الاتصال قبل التوصيل",
        "Gift 🎁🎉 — please no invoice in the box",
        "tab\tseparated\tnotes from the import",
        "Bell is broken\u0007 knock loudly",
        "Ψ 🧪 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 fan",
        "Promo code SAVE/50 applied, 1/2 price",
    };

    /** 2019-01-01T00:00:00Z to 2026-01-01T00:00:00Z: the shop's recent history. */
    private static final long RECENT_FROM = 1_546_300_800_000L;
    private static final long RECENT_TO = 1_767_225_600_000L;

    private Orders() {
    }

    /**
     * The seed the grader picked for this grading ({@value #SEED_PROPERTY}), or {@link #DEFAULT_SEED}:
     * the counter and the benchmark generate their orders from it, so no submission can know them in
     * advance; the starter and the submission get the same.
     */
    public static long measuredSeed() {
        String seed = System.getProperty(SEED_PROPERTY);
        if (seed == null) {
            return DEFAULT_SEED;
        }
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + SEED_PROPERTY + " must be a whole number, got \""
                    + seed + "\"", e);
        }
    }

    /** {@code count} orders like the ones the shop serves. */
    public static List<Order> realistic(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        long nextId = 4_700_000_000L + random.nextInt(1_000_000) * 100L;
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            nextId += 1 + random.nextInt(9);
            long customerId = 100_000L + random.nextInt(900_000);
            // Fresh String objects per order, as if each order had just been read from the database.
            String name = new String(NAMES[random.nextInt(NAMES.length)]);
            String email = "customer" + customerId + (random.nextInt(10) == 0 ? "+shop" : "") + "@"
                    + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)];
            int lines = random.nextInt(20) == 0 ? 8 + random.nextInt(13) : 1 + random.nextInt(6);
            List<LineItem> items = new ArrayList<>(lines + 1);
            for (int line = 0; line < lines; line++) {
                items.add(realisticItem(random));
            }
            int extra = random.nextInt(100);
            if (extra < 8) {
                items.add(new LineItem("COUPON-" + (1000 + random.nextInt(9000)), "Rabatt −10 %",
                        1, -(100 + random.nextInt(2_000))));
            } else if (extra < 11) {
                items.add(new LineItem("GIFT-001", "Free sample", 1, 0));
            }
            // Notes and item names carry numbers of their own, as real ones do (tracking codes, lots),
            // so no text repeats often enough for a memo of encoded strings to pay.
            String note = random.nextInt(100) < 45 ? ""
                    : NOTES[random.nextInt(NOTES.length)] + " (ref " + random.nextInt(1_000_000) + ")";
            Instant placedAt = Instant.ofEpochMilli(RECENT_FROM + random.nextLong(RECENT_TO - RECENT_FROM));
            orders.add(new Order(nextId, placedAt, new Customer(customerId, name, email), items, note));
        }
        return orders;
    }

    private static LineItem realisticItem(SplittableRandom random) {
        Object[] product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        long price = (Long) product[2];
        int roll = random.nextInt(100);
        if (roll < 30) {
            price = price * (80 + random.nextInt(41)) / 100; // sales and price changes
        } else if (roll < 35) {
            price = price / 100 * 100; // whole units: the fraction must still read .00
        }
        int quantity = random.nextInt(10) < 7 ? 1 + random.nextInt(3) : random.nextInt(10) == 0 ? 100 : 1 + random.nextInt(12);
        return new LineItem(new String((String) product[0]), product[1] + ", lot " + random.nextInt(100_000), quantity,
                price);
    }

    /** {@code count} orders with every field anywhere in its range, and strings made to break encoders. */
    public static List<Order> hostile(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Customer customer = new Customer(anyId(random), hostileString(random), hostileString(random));
            int lines = random.nextInt(6);
            List<LineItem> items = new ArrayList<>(lines);
            for (int line = 0; line < lines; line++) {
                int quantity = random.nextInt(4) == 0 ? Integer.MAX_VALUE - random.nextInt(3) : 1 + random.nextInt(1_000);
                items.add(new LineItem(hostileString(random), hostileString(random), quantity, hostileCents(random)));
            }
            orders.add(new Order(anyId(random), hostileInstant(random), customer, items, hostileString(random)));
        }
        return orders;
    }

    private static long anyId(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> Long.MAX_VALUE;
            case 2 -> random.nextInt(10);
            default -> (random.nextLong() & Long.MAX_VALUE) >>> random.nextInt(63);
        };
    }

    /** Amounts that break money formatting: signs, below one unit, exact units, beyond double's precision. */
    private static final long[] EDGE_CENTS = {
        0, 1, -1, 5, -5, 9, -9, 10, -10, 50, -50, 99, -99, 100, -100, 101, -101, 105, -105, 110, -110,
        1_000, -1_000, 123_456_789, -123_456_789,
        9_007_199_254_740_993L, -9_007_199_254_740_993L, // 2^53 + 1: no double holds it
        1_000_000_000_000_001L, -1_000_000_000_000_001L,
        Long.MAX_VALUE, -Long.MAX_VALUE,
    };

    private static long hostileCents(SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return EDGE_CENTS[random.nextInt(EDGE_CENTS.length)];
        }
        long cents = random.nextLong() >> random.nextInt(64); // every magnitude, both signs
        return cents == Long.MIN_VALUE ? Long.MAX_VALUE : cents;
    }

    /** Timestamps anywhere in the allowed range, with the calendar's awkward days more likely. */
    private static final String[] EDGE_INSTANTS = {
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
        "1900-02-28T23:59:59.999Z", "1900-03-01T00:00:00Z", "2000-02-29T12:00:00.5Z", "2024-02-29T23:59:59.999Z",
        "1600-02-29T00:00:00.001Z", "0004-02-29T00:00:00Z", "2100-03-01T00:00:00Z", "1999-12-31T23:59:59.999Z",
    };

    private static Instant hostileInstant(SplittableRandom random) {
        if (random.nextInt(4) == 0) {
            return Instant.parse(EDGE_INSTANTS[random.nextInt(EDGE_INSTANTS.length)]);
        }
        long from = Order.EARLIEST.toEpochMilli();
        long to = Order.LATEST.toEpochMilli();
        return Instant.ofEpochMilli(from + random.nextLong(to - from + 1));
    }

    /** Code points at the edges of UTF-8's 1-, 2-, 3- and 4-byte ranges, and a few famous ones. */
    private static final int[] EDGE_CODE_POINTS = {
        0x7F, 0x80, 0xFF, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x2028, 0x2029, 0xFEFF,
        0x10000, 0x1F680, 0x1F600, 0x10FFFF,
    };

    private static String hostileString(SplittableRandom random) {
        int length = random.nextInt(8) == 0 ? 0 : random.nextInt(33);
        StringBuilder text = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            int roll = random.nextInt(100);
            if (roll < 30) {
                text.append((char) (0x20 + random.nextInt(0x5F))); // printable ASCII
            } else if (roll < 36) {
                text.append('"');
            } else if (roll < 42) {
                text.append('\\');
            } else if (roll < 52) {
                text.append((char) random.nextInt(0x20)); // control characters
            } else if (roll < 58) {
                text.appendCodePoint(EDGE_CODE_POINTS[random.nextInt(EDGE_CODE_POINTS.length)]);
            } else if (roll < 66) {
                text.append((char) (0x80 + random.nextInt(0x800 - 0x80))); // 2 bytes
            } else if (roll < 76) {
                char c = (char) (0x800 + random.nextInt(0x10000 - 0x800)); // 3 bytes, or a lone surrogate
                text.append(c);
            } else if (roll < 88) {
                text.appendCodePoint(0x10000 + random.nextInt(0x110000 - 0x10000)); // 4 bytes: a surrogate pair
            } else if (roll < 94) {
                text.append((char) (Character.MIN_HIGH_SURROGATE + random.nextInt(0x400))); // lone high surrogate
            } else {
                text.append((char) (Character.MIN_LOW_SURROGATE + random.nextInt(0x400))); // lone low surrogate
            }
        }
        return text.toString();
    }
}
