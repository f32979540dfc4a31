package io.centerline.demo.generator;

import io.centerline.demo.generator.Catalogue.Product;
import io.centerline.demo.generator.World.Country;
import io.centerline.demo.generator.World.Order;
import io.centerline.demo.generator.World.Port;
import io.centerline.demo.generator.World.PortKind;
import io.centerline.entries.EntryNumber;
import io.centerline.entries.SubmittedEntrySummary;
import io.centerline.entries.SubmittedEntrySummary.Fee;
import io.centerline.entries.SubmittedEntrySummary.Line;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A deterministic source of realistic, valid U.S. entry summaries filed by a synthetic population of importers, with
 * illicit patterns planted in about 3% of them. The population (importers with a heavy-tailed size distribution, their
 * industries, origins, makers, brokers and ports) is built once from the seed; each iteration then draws the summaries
 * lazily, in constant memory, and always in the same order: the same settings give identical summaries.
 */
public final class EntrySummaryGenerator implements Iterable<GeneratedEntry> {

    private static final double PLANT_RATE = 0.03;
    private static final int ENTRIES_PER_ACCOUNT = 40;
    private static final int MIN_ACCOUNTS = 10;
    private static final int MAX_ACCOUNTS = 200_000;
    private static final int FILERS = 300;
    private static final int MAKERS_PER_COUNTRY_AND_CENTER = 8;
    private static final int SERIALS = 10_000_000;
    private static final BigDecimal MPF_RATE = new BigDecimal("0.003464");
    /** The flat fee of an informal entry filed electronically (FY2026), which intake applies to every year on file. */
    private static final BigDecimal INFORMAL_MPF = new BigDecimal("2.69");

    private static final BigDecimal HMF_RATE = new BigDecimal("0.00125");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final LocalDate RECIPROCAL_TARIFF_START = LocalDate.of(2025, 4, 5);
    private static final String SUFFIX_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRSTUVWXY";
    private static final String[] EIN_PREFIXES = {
        "01", "04", "06", "11", "13", "14", "16", "20", "22", "26", "27", "30", "33", "36", "38", "41", "45", "46",
                "47",
        "52", "54", "56", "58", "61", "62", "65", "68", "71", "74", "75", "77", "81", "82", "84", "85", "88", "91",
                "93",
        "95", "98"
    };

    /** A maker of goods with its manufacturer identification code. */
    record Maker(String name, String address, String city, String country, String mid) {}

    private record Scoped(Product product, Order order) {}

    private record Surcharge(String number, double rate) {}

    /** An importer of record and the habits that shape its entries. */
    private static final class Account {
        String importerNumber;
        String center;
        int filer;
        Weighted<String> origins;
        Set<String> originSet;
        Map<String, Maker[]> makers;
        Product[] own;
        Product[] others;
        double mixRate;
        Port homePort;
        boolean related;
        String bondType;
    }

    /** A line being assembled, before money is computed. */
    private static final class LineDraft {
        Product product;
        Product classifiedAs;
        String origin;
        String export;
        Maker maker;
        BigDecimal unitValue;
        BigDecimal quantity;
        boolean related;
        String caseNumber;
        double caseRate;
    }

    private final GeneratorSettings settings;
    private final Catalogue catalogue;
    private final String[] filerCodes;
    private final Weighted<Integer> filerShares;
    private final int[] serialStarts;
    private final Account[] accounts;
    private final Weighted<Account> accountShares;
    private final Weighted<LocalDate> days;
    private final Map<String, Maker[]> makerPool = new HashMap<>();
    private final Map<String, Weighted<Port>> portsByKind = new HashMap<>();
    private final Map<String, List<Scoped>> scopedByCenter = new LinkedHashMap<>();
    private final List<Scoped> scoped = new ArrayList<>();
    private final List<Maker> listedMakers = new ArrayList<>();
    private final List<List<Product>> listedProducts = new ArrayList<>();
    private final List<String> listedSectors = new ArrayList<>();
    private final long entrySeed;

    public EntrySummaryGenerator(GeneratorSettings settings) {
        this.settings = settings;
        this.catalogue = Catalogue.load();
        SplittableRandom random = new SplittableRandom(settings.seed());
        this.entrySeed = random.nextLong();
        this.filerCodes = filerCodes(random);
        this.filerShares = zipf(indexes(FILERS), 0.9);
        this.serialStarts = new int[FILERS];
        for (int i = 0; i < FILERS; i++) {
            serialStarts[i] = random.nextInt(1, 3_000_000);
        }
        for (PortKind kind : PortKind.values()) {
            List<Port> ports =
                    World.PORTS.stream().filter(p -> p.kind() == kind).toList();
            portsByKind.put(
                    kind.name(),
                    new Weighted<>(
                            ports, ports.stream().mapToDouble(Port::weight).toArray()));
        }
        buildMakerPool(random);
        buildScopes();
        buildListedMakers(random);
        this.days = days(settings.firstEntryDate(), settings.lastEntryDate());
        int count = Math.max(MIN_ACCOUNTS, Math.min(MAX_ACCOUNTS, settings.entries() / ENTRIES_PER_ACCOUNT));
        this.accounts = accounts(count, random);
        this.accountShares = zipf(Arrays.asList(accounts), 1.0);
    }

    /** The summaries, generated one at a time; every call starts again from the first summary. */
    @Override
    public Iterator<GeneratedEntry> iterator() {
        return new Run();
    }

    public Stream<GeneratedEntry> stream() {
        return StreamSupport.stream(
                Spliterators.spliterator(iterator(), settings.entries(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    public GeneratorSettings settings() {
        return settings;
    }

    private final class Run implements Iterator<GeneratedEntry> {
        private final SplittableRandom random = new SplittableRandom(entrySeed);
        private final int[] serials = serialStarts.clone();
        private int produced;

        @Override
        public boolean hasNext() {
            return produced < settings.entries();
        }

        @Override
        public GeneratedEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            produced++;
            return generate(random, serials);
        }
    }

    private GeneratedEntry generate(SplittableRandom random, int[] serials) {
        Account account = accountShares.pick(random);
        LocalDate entryDate = days.pick(random);
        LocalDate summaryDate = entryDate.plusDays(random.nextInt(11));
        if (summaryDate.isAfter(settings.lastEntryDate())) {
            summaryDate = settings.lastEntryDate();
        }
        IllicitPattern planted = random.nextDouble() < PLANT_RATE
                ? IllicitPattern.values()[random.nextInt(IllicitPattern.values().length)]
                : null;
        String entryType = planted != null ? "01" : entryType(account, random);
        String entryOrigin = account.origins.pick(random);
        List<LineDraft> lines = new ArrayList<>();
        if (entryType.equals("03")) {
            adcvdLines(account, random, lines);
        } else if (entryType.equals("11")) {
            LineDraft line = informalLine(account, entryOrigin, random);
            if (line == null) {
                entryType = "01";
            } else {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            int count = lineCount(random);
            for (int i = 0; i < count; i++) {
                String origin = random.nextDouble() < 0.85 ? entryOrigin : account.origins.pick(random);
                lines.add(normalLine(account, pickProduct(account, random), origin, random));
            }
        }
        List<PlantedPattern> patterns = new ArrayList<>();
        if (planted != null) {
            PlantedPattern pattern = null;
            for (int i = 0; i < IllicitPattern.values().length && pattern == null; i++) {
                IllicitPattern type = IllicitPattern.values()[(planted.ordinal() + i) % IllicitPattern.values().length];
                pattern = plant(type, account, lines, entryOrigin, random);
            }
            if (pattern != null) {
                patterns.add(pattern);
            }
        }
        return new GeneratedEntry(
                summary(account, entryType, entryDate, summaryDate, lines, random, serials), patterns);
    }

    private String entryType(Account account, SplittableRandom random) {
        double roll = random.nextDouble();
        if (roll < 0.02) {
            return "11";
        }
        if (roll < 0.035 && (account.center.equals("AFT") || account.center.equals("AG"))) {
            return "02";
        }
        if (roll < 0.055) {
            return "06";
        }
        if (roll < 0.105 && scopedByCenter.containsKey(account.center)) {
            return "03";
        }
        return "01";
    }

    private int lineCount(SplittableRandom random) {
        int count = 1;
        while (count < 10 && random.nextDouble() < 0.45) {
            count++;
        }
        return count;
    }

    private Product pickProduct(Account account, SplittableRandom random) {
        if (account.others.length > 0 && random.nextDouble() < account.mixRate) {
            return account.others[random.nextInt(account.others.length)];
        }
        return account.own[random.nextInt(account.own.length)];
    }

    private LineDraft normalLine(Account account, Product product, String origin, SplittableRandom random) {
        String country = origin;
        if (World.orderCovering(product.hts(), country) != null) {
            country = substituteOrigin(account, product, random);
        }
        LineDraft line = draft(
                product,
                country,
                exportCountry(country, random),
                makerFor(account, country, product.center(), random),
                normalUnitValue(product, country, random),
                random);
        line.related = random.nextDouble() < (account.related ? 0.45 : 0.04);
        return line;
    }

    private LineDraft informalLine(Account account, String origin, SplittableRandom random) {
        List<Product> cheap = new ArrayList<>();
        for (Product product : account.own) {
            if (product.maxUnitValue() <= 800) {
                cheap.add(product);
            }
        }
        if (cheap.isEmpty()) {
            return null;
        }
        LineDraft line = normalLine(account, cheap.get(random.nextInt(cheap.size())), origin, random);
        double target = 60 + random.nextDouble() * 2300;
        double unit = line.unitValue.doubleValue();
        long count = Math.max(1, (long) Math.floor(Math.min(target, 2400) / unit));
        line.quantity = line.product.countedInWholeUnits()
                ? BigDecimal.valueOf(count)
                : BigDecimal.valueOf(Math.max(0.01, Math.min(target, 2400) / unit))
                        .setScale(2, RoundingMode.DOWN);
        return line;
    }

    private void adcvdLines(Account account, SplittableRandom random, List<LineDraft> lines) {
        List<Scoped> candidates = scopedByCenter.get(account.center);
        int count = 1 + (random.nextDouble() < 0.3 ? 1 + random.nextInt(2) : 0);
        for (int i = 0; i < count; i++) {
            Scoped pick = candidates.get(random.nextInt(candidates.size()));
            LineDraft line = scopedLine(account, pick, random);
            boolean countervailing = pick.order().cvdCase() != null && random.nextDouble() < 0.3;
            line.caseNumber =
                    countervailing ? pick.order().cvdCase() : pick.order().adCase();
            line.caseRate =
                    countervailing ? pick.order().cvdRate() : pick.order().adRate();
            lines.add(line);
        }
    }

    private LineDraft scopedLine(Account account, Scoped pick, SplittableRandom random) {
        String origin = pick.order().origin();
        LineDraft line = draft(
                pick.product(),
                origin,
                origin,
                makerFor(account, origin, pick.product().center(), random),
                normalUnitValue(pick.product(), origin, random),
                random);
        line.related = random.nextDouble() < (account.related ? 0.45 : 0.04);
        return line;
    }

    private PlantedPattern plant(
            IllicitPattern type, Account account, List<LineDraft> lines, String entryOrigin, SplittableRandom random) {
        int index = random.nextInt(lines.size());
        Integer lineNumber = index + 1;
        switch (type) {
            case UNDERVALUATION: {
                Product product = null;
                for (int attempt = 0; attempt < 8 && product == null; attempt++) {
                    Product candidate = account.own[random.nextInt(account.own.length)];
                    if (candidate.maxUnitValue() <= 6 * candidate.minUnitValue()) {
                        product = candidate;
                    }
                }
                if (product == null) {
                    return null;
                }
                LineDraft line = normalLine(account, product, entryOrigin, random);
                double normal =
                        product.normalUnitValue() * World.country(line.origin).priceFactor();
                double share = 0.2 + random.nextDouble() * 0.2;
                line.unitValue = unitValue(normal * share);
                line.related = line.related || random.nextDouble() < 0.7;
                lines.set(index, line);
                return new PlantedPattern(
                        lineNumber,
                        type,
                        String.format(
                                Locale.ROOT,
                                "unit value %s USD/%s is %d%% of the normal %s for %s from %s%s",
                                line.unitValue.toPlainString(),
                                product.unit(),
                                Math.round(share * 100),
                                unitValue(normal).toPlainString(),
                                product.hts(),
                                line.origin,
                                line.related ? ", related party" : ""));
            }
            case TRANSSHIPMENT: {
                List<String> unused = new ArrayList<>();
                for (String country : World.TRANSSHIPMENT_COUNTRIES) {
                    if (!account.originSet.contains(country)) {
                        unused.add(country);
                    }
                }
                if (unused.isEmpty()) {
                    return null;
                }
                List<Product> goods = catalogue.withPrefix(World.CHINESE_CHARACTER_GOODS);
                List<Product> ownGoods = goods.stream()
                        .filter(p -> p.center().equals(account.center))
                        .toList();
                List<Product> choice = ownGoods.isEmpty() ? goods : ownGoods;
                Product product = choice.get(random.nextInt(choice.size()));
                String country = unused.get(random.nextInt(unused.size()));
                LineDraft line = draft(
                        product,
                        country,
                        country,
                        newMaker(country, product.center(), random),
                        normalUnitValue(product, "CN", random),
                        random);
                lines.set(index, line);
                return new PlantedPattern(
                        lineNumber,
                        type,
                        String.format(
                                Locale.ROOT,
                                "%s (%s) declared from %s, an origin this importer never used, new maker MID %s",
                                product.hts(),
                                product.description(),
                                country,
                                line.maker.mid()));
            }
            case MISCLASSIFICATION: {
                List<Product> candidates = new ArrayList<>();
                for (Product product : account.own) {
                    if (catalogue.lowerDutyNeighbour(product) != null) {
                        candidates.add(product);
                    }
                }
                if (candidates.isEmpty()) {
                    return null;
                }
                Product product = candidates.get(random.nextInt(candidates.size()));
                Product neighbour = catalogue.lowerDutyNeighbour(product);
                LineDraft line = normalLine(account, product, entryOrigin, random);
                if (World.orderCovering(neighbour.hts(), line.origin) != null) {
                    return null;
                }
                line.classifiedAs = neighbour;
                lines.set(index, line);
                return new PlantedPattern(
                        lineNumber,
                        type,
                        String.format(
                                Locale.ROOT,
                                "%s from maker %s filed under %s (%.1f%%) instead of %s (%.1f%%)",
                                product.description(),
                                line.maker.mid(),
                                neighbour.hts(),
                                neighbour.dutyRate(),
                                product.hts(),
                                product.dutyRate()));
            }
            case ADCVD_EVASION: {
                List<Scoped> candidates = scopedByCenter.getOrDefault(account.center, scoped);
                Scoped pick = candidates.get(random.nextInt(candidates.size()));
                LineDraft line = scopedLine(account, pick, random);
                lines.set(index, line);
                return new PlantedPattern(
                        lineNumber,
                        type,
                        String.format(
                                Locale.ROOT,
                                "%s from %s is within the scope of %s%s but entered as type 01 without a case number",
                                pick.product().hts(),
                                pick.order().origin(),
                                pick.order().adCase(),
                                pick.order().cvdCase() == null
                                        ? ""
                                        : "/" + pick.order().cvdCase()));
            }
            case FORCED_LABOUR_LINK: {
                int entity = random.nextInt(listedMakers.size());
                Maker maker = listedMakers.get(entity);
                List<Product> goods = listedProducts.get(entity);
                Product product = goods.get(random.nextInt(goods.size()));
                LineDraft line = draft(
                        product,
                        maker.country(),
                        maker.country(),
                        maker,
                        normalUnitValue(product, maker.country(), random),
                        random);
                lines.set(index, line);
                return new PlantedPattern(
                        lineNumber,
                        type,
                        String.format(
                                Locale.ROOT,
                                "maker %s (MID %s) is on the synthetic listed-entity list (fictional), sector %s",
                                maker.name(),
                                maker.mid(),
                                listedSectors.get(entity)));
            }
            default:
                return null;
        }
    }

    private SubmittedEntrySummary summary(
            Account account,
            String entryType,
            LocalDate entryDate,
            LocalDate summaryDate,
            List<LineDraft> drafts,
            SplittableRandom random,
            int[] serials) {
        int filer = random.nextDouble() < 0.93 ? account.filer : filerShares.pick(random);
        int serial = serials[filer];
        serials[filer] = (serial + 1) % SERIALS;
        EntryNumber entryNumber = EntryNumber.of(filerCodes[filer], String.format(Locale.ROOT, "%07d", serial));
        String entryNumberText = random.nextBoolean() ? entryNumber.formatted() : entryNumber.value();

        boolean informal = entryType.equals("11");
        Port port = port(account, drafts.get(0).origin, informal, random);
        String mode = modeOfTransport(port.kind(), random);
        boolean vessel = mode.equals("10") || mode.equals("11");

        BigDecimal[] values = new BigDecimal[drafts.size()];
        BigDecimal totalValue = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft draft = drafts.get(i);
            // entered values are declared in whole dollars (Form 7501, the AE 50 record), and the fees are computed
            // from the value declared, so that every form of a generated summary carries the same fees
            values[i] = draft.quantity
                    .multiply(draft.unitValue)
                    .setScale(0, RoundingMode.HALF_UP)
                    .max(BigDecimal.ONE)
                    .setScale(2);
            totalValue = totalValue.add(values[i]);
        }
        BigDecimal[] mpf = feeShares(informal ? INFORMAL_MPF : mpf(totalValue, entryDate), values, totalValue);
        // the fee of the entry's whole value, as CBP computes it, shared among the lines: rounding each line's own
        // fee would add up to a cent or two more or less
        BigDecimal[] hmf = vessel ? feeShares(money(totalValue.multiply(HMF_RATE)), values, totalValue) : null;

        List<Line> lines = new ArrayList<>();
        BigDecimal totalDuty = BigDecimal.ZERO.setScale(2);
        BigDecimal totalFees = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < drafts.size(); i++) {
            LineDraft draft = drafts.get(i);
            List<Surcharge> surcharges = surcharges(draft.classifiedAs, draft.origin, entryDate);
            double rate = draft.origin.equals("CA") || draft.origin.equals("MX") ? 0 : draft.classifiedAs.dutyRate();
            List<String> additional = new ArrayList<>();
            for (Surcharge surcharge : surcharges) {
                rate += surcharge.rate();
                additional.add(surcharge.number());
            }
            BigDecimal duty = money(values[i].multiply(BigDecimal.valueOf(rate)).divide(HUNDRED));
            List<Fee> fees = new ArrayList<>();
            if (mpf[i].signum() > 0) {
                fees.add(new Fee("499", mpf[i].toPlainString()));
                totalFees = totalFees.add(mpf[i]);
            }
            if (vessel && hmf[i].signum() > 0) {
                fees.add(new Fee("501", hmf[i].toPlainString()));
                totalFees = totalFees.add(hmf[i]);
            }
            String deposit = draft.caseNumber == null
                    ? null
                    : money(values[i]
                                    .multiply(BigDecimal.valueOf(draft.caseRate))
                                    .divide(HUNDRED))
                            .toPlainString();
            double kilograms =
                    draft.quantity.doubleValue() * draft.product.kgPerUnit() * (1 + random.nextDouble() * 0.12);
            BigDecimal weight = BigDecimal.valueOf(Math.max(0.1, kilograms)).setScale(1, RoundingMode.HALF_UP);
            if (weight.signum() == 0) {
                weight = new BigDecimal("0.1");
            }
            totalDuty = totalDuty.add(duty);
            lines.add(new Line(
                    String.valueOf(i + 1),
                    draft.classifiedAs.hts(),
                    additional,
                    draft.origin,
                    draft.export,
                    draft.maker.mid(),
                    draft.product.description(),
                    values[i].toPlainString(),
                    draft.quantity.toPlainString(),
                    draft.product.unit(),
                    weight.toPlainString(),
                    String.valueOf(draft.related),
                    duty.toPlainString(),
                    draft.caseNumber,
                    deposit,
                    fees));
        }
        return new SubmittedEntrySummary(
                entryNumberText,
                entryType,
                account.importerNumber,
                port.code(),
                entryDate.toString(),
                summaryDate.toString(),
                mode,
                informal ? "0" : account.bondType,
                "false",
                totalValue.toPlainString(),
                totalDuty.toPlainString(),
                totalFees.toPlainString(),
                lines);
    }

    /** The merchandise processing fee of a formal entry: 0.3464% clamped to the minimum and maximum of its FY. */
    static BigDecimal mpf(BigDecimal totalValue, LocalDate entryDate) {
        int fiscalYear = entryDate.getMonthValue() >= 10 ? entryDate.getYear() + 1 : entryDate.getYear();
        String minimum;
        String maximum;
        if (fiscalYear >= 2026) {
            minimum = "33.58";
            maximum = "651.50";
        } else if (fiscalYear == 2025) {
            minimum = "32.71";
            maximum = "634.62";
        } else if (fiscalYear == 2024) {
            minimum = "31.67";
            maximum = "614.35";
        } else {
            minimum = "29.66";
            maximum = "575.35";
        }
        BigDecimal fee = money(totalValue.multiply(MPF_RATE));
        return fee.max(new BigDecimal(minimum)).min(new BigDecimal(maximum));
    }

    /** A fee of the whole entry shared among its lines by value, the first line taking what rounding leaves. */
    private static BigDecimal[] feeShares(BigDecimal fee, BigDecimal[] values, BigDecimal totalValue) {
        BigDecimal[] shares = new BigDecimal[values.length];
        BigDecimal rest = fee;
        for (int i = values.length - 1; i >= 1; i--) {
            shares[i] = fee.multiply(values[i]).divide(totalValue, 2, RoundingMode.DOWN);
            rest = rest.subtract(shares[i]);
        }
        shares[0] = rest;
        return shares;
    }

    private static List<Surcharge> surcharges(Product product, String origin, LocalDate entryDate) {
        List<Surcharge> surcharges = new ArrayList<>();
        int chapter = Integer.parseInt(product.hts().substring(0, 2));
        String hts = product.hts();
        if (origin.equals("CN")
                && chapter != 30
                && chapter != 71
                && chapter != 97
                && !hts.startsWith("847130")
                && !hts.startsWith("851713")
                && !hts.startsWith("950450")) {
            boolean listFourA = Set.of(42, 61, 62, 63, 64, 65, 91, 95).contains(chapter);
            surcharges.add(listFourA ? new Surcharge("9903881500", 7.5) : new Surcharge("9903880300", 25.0));
        }
        if (!entryDate.isBefore(RECIPROCAL_TARIFF_START)
                && !origin.equals("CA")
                && !origin.equals("MX")
                && chapter != 27
                && chapter != 30
                && chapter != 71
                && !hts.startsWith("8471")
                && !hts.startsWith("8473")
                && !hts.startsWith("8517")
                && !hts.startsWith("8542")) {
            surcharges.add(new Surcharge("9903012500", 10.0));
        }
        return surcharges;
    }

    private Port port(Account account, String origin, boolean informal, SplittableRandom random) {
        if (origin.equals("CA")) {
            return portsByKind.get(PortKind.NORTH.name()).pick(random);
        }
        if (origin.equals("MX")) {
            return portsByKind.get(PortKind.SOUTH.name()).pick(random);
        }
        if (informal) {
            return portsByKind.get(PortKind.AIR.name()).pick(random);
        }
        if (random.nextDouble() < 0.8) {
            return account.homePort;
        }
        return portsByKind.get(account.homePort.kind().name()).pick(random);
    }

    private static String modeOfTransport(PortKind kind, SplittableRandom random) {
        double roll = random.nextDouble();
        switch (kind) {
            case SEA:
                return roll < 0.9 ? "11" : "10";
            case AIR:
                return roll < 0.8 ? "40" : "41";
            default:
                return roll < 0.6 ? "30" : roll < 0.82 ? "31" : roll < 0.92 ? "21" : "20";
        }
    }

    private String substituteOrigin(Account account, Product product, SplittableRandom random) {
        List<String> choices = new ArrayList<>();
        for (String origin : account.origins.items()) {
            if (World.orderCovering(product.hts(), origin) == null) {
                choices.add(origin);
            }
        }
        if (choices.isEmpty()) {
            choices = List.of("KR", "TW", "DE", "IN", "MX", "CA");
        }
        return choices.get(random.nextInt(choices.size()));
    }

    private static String exportCountry(String origin, SplittableRandom random) {
        if (random.nextDouble() >= 0.04) {
            return origin;
        }
        switch (origin) {
            case "CN":
                return "HK";
            case "VN":
            case "MY":
            case "TH":
            case "ID":
                return "SG";
            case "DE":
            case "IT":
            case "FR":
                return "NL";
            default:
                return origin;
        }
    }

    private Maker makerFor(Account account, String country, String center, SplittableRandom random) {
        Maker[] makers = account.makers.get(country);
        if (makers == null) {
            makers = makerPool.get(country + "/" + center);
        }
        return makers[random.nextInt(makers.length)];
    }

    /** A line of a product, classified as itself, with a quantity drawn for its unit value; not related-party. */
    private static LineDraft draft(
            Product product, String origin, String export, Maker maker, BigDecimal unitValue, SplittableRandom random) {
        LineDraft line = new LineDraft();
        line.product = product;
        line.classifiedAs = product;
        line.origin = origin;
        line.export = export;
        line.maker = maker;
        line.unitValue = unitValue;
        line.quantity = quantity(product, unitValue, random);
        return line;
    }

    private static BigDecimal normalUnitValue(Product product, String origin, SplittableRandom random) {
        double low = Math.log(product.minUnitValue());
        double high = Math.log(product.maxUnitValue());
        double value = Math.exp(low + random.nextDouble() * (high - low));
        return unitValue(value * World.country(origin).priceFactor());
    }

    private static BigDecimal quantity(Product product, BigDecimal unitValue, SplittableRandom random) {
        double target = Math.exp(Math.log(18_000) + 1.1 * gaussian(random));
        target = Math.max(150, Math.min(2_500_000, target));
        double count = target / unitValue.doubleValue();
        if (product.countedInWholeUnits()) {
            return BigDecimal.valueOf(Math.max(1, Math.round(count)));
        }
        return BigDecimal.valueOf(Math.max(1, count)).setScale(2, RoundingMode.HALF_UP);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static BigDecimal unitValue(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP);
        return rounded.signum() > 0 ? rounded : new BigDecimal("0.0001");
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private Account[] accounts(int count, SplittableRandom random) {
        Weighted<String> centers = Weighted.parse(World.CENTER_SHARES);
        Map<String, Weighted<String>> originShares = new HashMap<>();
        World.ORIGIN_SHARES.forEach((center, table) -> originShares.put(center, Weighted.parse(table)));
        String[] assigned = new String[count];
        for (int i = 0; i < count; i++) {
            assigned[i] = centers.pick(random);
        }
        int[] order = indexes(count).stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < HeadingCenters.CENTERS.length; i++) {
            int j = i + random.nextInt(count - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            assigned[order[i]] = HeadingCenters.CENTERS[i];
        }
        Set<String> importerNumbers = new HashSet<>();
        Account[] result = new Account[count];
        for (int i = 0; i < count; i++) {
            Account account = new Account();
            account.center = assigned[i];
            String number;
            do {
                number = importerNumber(random);
            } while (!importerNumbers.add(number));
            account.importerNumber = number;
            account.filer = filerShares.pickIndex(random);
            Weighted<String> shares = originShares.get(account.center);
            int origins = 1 + (random.nextDouble() < 0.5 ? 0 : random.nextDouble() < 0.6 ? 1 : 2);
            Set<String> chosen = new LinkedHashSet<>();
            for (int attempt = 0; attempt < 20 && chosen.size() < origins; attempt++) {
                chosen.add(shares.pick(random));
            }
            List<String> originList = new ArrayList<>(chosen);
            double[] weights = new double[originList.size()];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = 0.3 + random.nextDouble();
            }
            account.origins = new Weighted<>(originList, weights);
            account.originSet = Set.copyOf(originList);
            account.makers = new HashMap<>();
            for (String origin : originList) {
                Maker[] pool = makerPool.get(origin + "/" + account.center);
                Maker[] makers = new Maker[1 + random.nextInt(3)];
                for (int k = 0; k < makers.length; k++) {
                    makers[k] = pool[random.nextInt(pool.length)];
                }
                account.makers.put(origin, makers);
            }
            List<Product> ownCatalogue = catalogue.ofCenter(account.center);
            int ownCount = Math.min(ownCatalogue.size(), 2 + random.nextInt(6) + (i < count / 100 ? 10 : 0));
            account.own = distinct(ownCatalogue, ownCount, random);
            List<Product> otherCatalogue = catalogue.products().stream()
                    .filter(p -> !p.center().equals(account.center))
                    .toList();
            account.others = distinct(otherCatalogue, random.nextInt(4), random);
            account.mixRate = 0.05 + random.nextDouble() * 0.15;
            boolean airFreight =
                    random.nextDouble() < (account.center.equals("ELEC") || account.center.equals("PHC") ? 0.3 : 0.08);
            account.homePort = portsByKind
                    .get(airFreight ? PortKind.AIR.name() : PortKind.SEA.name())
                    .pick(random);
            account.related = random.nextDouble() < 0.14;
            account.bondType = random.nextDouble() < 0.9 ? "8" : "9";
            result[i] = account;
        }
        return result;
    }

    private static Product[] distinct(List<Product> from, int count, SplittableRandom random) {
        Set<Product> chosen = new LinkedHashSet<>();
        for (int attempt = 0; attempt < count * 10 && chosen.size() < count; attempt++) {
            chosen.add(from.get(random.nextInt(from.size())));
        }
        return chosen.toArray(new Product[0]);
    }

    private static String importerNumber(SplittableRandom random) {
        double roll = random.nextDouble();
        if (roll < 0.85) {
            String suffix = random.nextDouble() < 0.8
                    ? "00"
                    : "" + SUFFIX_CHARACTERS.charAt(random.nextInt(SUFFIX_CHARACTERS.length()))
                            + SUFFIX_CHARACTERS.charAt(random.nextInt(SUFFIX_CHARACTERS.length()));
            return EIN_PREFIXES[random.nextInt(EIN_PREFIXES.length)] + "-"
                    + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000)) + suffix;
        }
        if (roll < 0.95) {
            int year = 95 + random.nextInt(31);
            String port = World.PORTS.get(random.nextInt(World.PORTS.size())).code();
            return String.format(Locale.ROOT, "%02d%s-%05d", year % 100, port, random.nextInt(100_000));
        }
        int area;
        do {
            area = 1 + random.nextInt(899);
        } while (area == 666);
        return String.format(Locale.ROOT, "%03d-%02d-%04d", area, 1 + random.nextInt(99), 1 + random.nextInt(9999));
    }

    private static String[] filerCodes(SplittableRandom random) {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String alphanumerics = letters + "0123456789";
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < FILERS) {
            StringBuilder code = new StringBuilder(3);
            boolean numeric = random.nextDouble() < 0.15;
            for (int i = 0; i < 3; i++) {
                String from = numeric ? "0123456789" : i == 0 ? letters : alphanumerics;
                code.append(from.charAt(random.nextInt(from.length())));
            }
            codes.add(code.toString());
        }
        return codes.toArray(new String[0]);
    }

    private void buildMakerPool(SplittableRandom random) {
        for (Country country : World.COUNTRIES.values()) {
            for (String center : HeadingCenters.CENTERS) {
                Maker[] makers = new Maker[MAKERS_PER_COUNTRY_AND_CENTER];
                for (int i = 0; i < makers.length; i++) {
                    makers[i] = newMaker(country.code(), center, random);
                }
                makerPool.put(country.code() + "/" + center, makers);
            }
        }
    }

    private static Maker newMaker(String countryCode, String center, SplittableRandom random) {
        Country country = World.country(countryCode);
        String root = country.roots().get(random.nextInt(country.roots().size()));
        String word = World.TRADE_WORDS[random.nextInt(World.TRADE_WORDS.length)];
        String name = root.replace('-', ' ') + " " + word + " " + World.CENTER_TRADE_NOUNS.get(center) + " "
                + country.suffix();
        String[] place =
                country.cities().get(random.nextInt(country.cities().size())).split("/");
        String city = place[0].replace('-', ' ');
        String prefix = place.length > 1 ? place[1] : countryCode;
        String street = World.STREETS[random.nextInt(World.STREETS.length)];
        double roll = random.nextDouble();
        int number = 1 + random.nextInt(roll < 0.5 ? 300 : 2999);
        String address = roll < 0.8 ? number + " " + street : roll < 0.9 ? "No. " + number + " " + street : street;
        return new Maker(name, address, city, countryCode, ManufacturerId.of(prefix, name, address, city));
    }

    private void buildScopes() {
        for (Product product : catalogue.products()) {
            for (Order order : World.ORDERS) {
                if (product.hts().startsWith(order.htsPrefix())) {
                    Scoped entry = new Scoped(product, order);
                    scoped.add(entry);
                    scopedByCenter
                            .computeIfAbsent(product.center(), c -> new ArrayList<>())
                            .add(entry);
                }
            }
        }
    }

    private void buildListedMakers(SplittableRandom random) {
        for (ListedEntity entity : ListedEntity.load()) {
            List<Product> goods = new ArrayList<>();
            for (Product product : catalogue.withPrefix(World.SECTOR_PREFIXES.get(entity.sector()))) {
                if (World.orderCovering(product.hts(), entity.country()) == null) {
                    goods.add(product);
                }
            }
            if (goods.isEmpty()) {
                continue;
            }
            String city = entity.name().split(" ")[0];
            String address = (1 + random.nextInt(999)) + " Industrial Park Road";
            listedMakers.add(new Maker(
                    entity.name(),
                    address,
                    city,
                    entity.country(),
                    ManufacturerId.of(entity.country(), entity.name(), address, city)));
            listedProducts.add(goods);
            listedSectors.add(entity.sector());
        }
    }

    private static Weighted<LocalDate> days(LocalDate first, LocalDate last) {
        List<LocalDate> dates = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            double weight;
            switch (day.getMonth()) {
                case AUGUST:
                case SEPTEMBER:
                case OCTOBER:
                case NOVEMBER:
                    weight = 1.3;
                    break;
                case JANUARY:
                    weight = 0.9;
                    break;
                case FEBRUARY:
                    weight = 0.7;
                    break;
                default:
                    weight = 1.0;
            }
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                weight *= 0.05;
            } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                weight *= 0.02;
            }
            dates.add(day);
            weights.add(weight);
        }
        return new Weighted<>(
                dates, weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static List<Integer> indexes(int count) {
        List<Integer> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indexes.add(i);
        }
        return indexes;
    }

    private static <T> Weighted<T> zipf(List<T> items, double exponent) {
        double[] weights = new double[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1 / Math.pow(i + 1, exponent);
        }
        return new Weighted<>(items, weights);
    }
}
