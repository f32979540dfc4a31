package io.centerline.entries;

import io.centerline.entries.intake.IntakeFormat;
import io.centerline.entries.intake.JsonSummaryReader;
import io.centerline.entries.intake.ReadRecord;
import io.centerline.entries.intake.SummaryReader;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way entry summaries come into Centerline, whatever their form: a single summary from the API, a batch, or a
 * file of any size from the command line, read and stored chunk by chunk in constant memory.
 */
@Service
public class EntrySummaryIntake {

    /** Stored chunks per writer whose outcomes may wait behind an earlier chunk that is still being stored. */
    private static final int UNREPORTED_PER_WRITER = 4;

    private final IntakeProcessor processor;
    private final Clock clock;
    private final int chunkSize;
    private final int writers;

    EntrySummaryIntake(
            IntakeProcessor processor,
            Clock clock,
            @Value("${centerline.intake.chunk-size:2000}") int chunkSize,
            @Value("${centerline.intake.writers:2}") int writers) {
        this.processor = processor;
        this.clock = clock;
        this.chunkSize = chunkSize;
        this.writers = Math.max(1, writers);
    }

    /**
     * A reader of summaries in a form, received on the business date: a CATAIR AE transaction, which states no summary
     * date, is an entry summary filed on the day it is received.
     */
    public SummaryReader reader(IntakeFormat format, InputStream in) {
        return format.reader(in, LocalDate.now(clock));
    }

    /** Takes one summary given as a JSON object. */
    public IntakeOutcome submitJson(String json, String actor) {
        return processor
                .process(List.of(JsonSummaryReader.readObject(json, 1)), actor)
                .get(0);
    }

    /** Takes one summary already read into its submitted form. */
    public IntakeOutcome submit(SubmittedEntrySummary summary, String actor) {
        return processor
                .process(List.of(new ReadRecord.Parsed(1, summary)), actor)
                .get(0);
    }

    /** Takes a whole batch and answers its tally, with every rejection. */
    public IntakeReport ingest(SummaryReader reader, String actor) {
        List<IntakeOutcome.Rejected> rejected = new ArrayList<>();
        Tally tally = ingest(reader, actor, processed -> {}, rejected::add);
        rejected.sort(Comparator.comparingInt(IntakeOutcome.Rejected::position));
        return new IntakeReport(tally.intakeBatch(), tally.accepted(), tally.duplicates(), rejected);
    }

    /**
     * Streams a batch through intake chunk by chunk, telling {@code progress} how many records are done after each
     * chunk and handing each rejection to {@code rejections}, in the order of the batch. One thread reads and validates
     * the next chunk while up to {@code centerline.intake.writers} chunks are stored side by side, each in its own
     * transaction: a writer that finishes takes the next chunk at once, even while an earlier chunk is still being
     * stored. A chunk that shares an entry number with a chunk still being stored waits for it, so a batch means the
     * same as if it were stored in order. Chunks are taken to hold new entry numbers until one of them meets an entry
     * number already on file; from then on each chunk is classified against what is on file before it is stored (see
     * {@link IntakeProcessor#store(IntakeProcessor.Prepared, String, boolean)}). Once every chunk is stored, the
     * accounts whose trade in the batch fell partly to another Center than their own are weighed again; until then
     * their summaries go to the Center each account had. A batch of less than one chunk weighs them before routing its
     * summaries, as a single summary does. Every chunk is stored under the batch's one identifier, which the tally
     * gives: the audit trail of that intake batch holds all its acceptances and the rejections that name no entry
     * number, and each rejection under an entry number names it.
     */
    public Tally ingest(
            SummaryReader reader, String actor, LongConsumer progress, Consumer<IntakeOutcome.Rejected> rejections) {
        ExecutorService preparer = Executors.newSingleThreadExecutor(named("intake-prepare"));
        ExecutorService storers = Executors.newFixedThreadPool(writers, named("intake-store"));
        Semaphore idleWriters = new Semaphore(writers);
        AtomicBoolean metFiledEntries = new AtomicBoolean();
        Counts counts = new Counts(progress, rejections);
        Deque<InFlight> inFlight = new ArrayDeque<>();
        String batch = IntakeProcessor.newBatch();
        try {
            Future<IntakeProcessor.Prepared> next = preparer.submit(() -> prepareNext(reader));
            boolean first = true;
            while (true) {
                IntakeProcessor.Prepared current = next.get();
                if (current.size() == 0) {
                    break;
                }
                Set<String> numbers = current.entryNumbers();
                for (InFlight earlier : inFlight) {
                    if (!earlier.stored().isDone() && earlier.overlaps(numbers)) {
                        earlier.stored().get();
                    }
                }
                // the next chunk is read only once this one has a writer: a chunk read further ahead would wait, and
                // hold its summaries in memory, until a writer took it
                idleWriters.acquire();
                next = preparer.submit(() -> prepareNext(reader));
                // a first chunk is the whole batch when it is short of a full one or nothing follows it
                boolean wholeBatch =
                        first && (current.size() < chunkSize || next.get().size() == 0);
                first = false;
                inFlight.addLast(new InFlight(
                        storers.submit(() -> {
                            try {
                                IntakeProcessor.Stored stored =
                                        processor.store(current, actor, !metFiledEntries.get(), wholeBatch, batch);
                                if (stored.metFiledEntries()) {
                                    metFiledEntries.set(true);
                                }
                                return stored;
                            } finally {
                                idleWriters.release();
                            }
                        }),
                        numbers,
                        current.size()));
                while (!inFlight.isEmpty()
                        && (inFlight.peekFirst().stored().isDone()
                                || inFlight.size() > writers * UNREPORTED_PER_WRITER)) {
                    counts.collect(inFlight.removeFirst());
                }
            }
            while (!inFlight.isEmpty()) {
                counts.collect(inFlight.removeFirst());
            }
            processor.weighAfterBatch(counts.weighAfterBatch, actor);
            return new Tally(batch, counts.accepted, counts.duplicates, counts.rejected);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Intake was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException(
                            "Cannot read the batch: " + e.getCause().getMessage(), e.getCause());
        } finally {
            preparer.shutdownNow();
            storers.shutdown();
        }
    }

    private static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A chunk being stored. */
    private record InFlight(Future<IntakeProcessor.Stored> stored, Set<String> entryNumbers, int size) {

        boolean overlaps(Set<String> numbers) {
            return numbers.stream().anyMatch(entryNumbers::contains);
        }
    }

    /** The running tally of a batch, kept on the thread that reads the outcomes. */
    private static final class Counts {
        private final LongConsumer progress;
        private final Consumer<IntakeOutcome.Rejected> rejections;
        long accepted;
        long duplicates;
        long rejected;
        long processed;
        final Set<Long> weighAfterBatch = new HashSet<>();

        Counts(LongConsumer progress, Consumer<IntakeOutcome.Rejected> rejections) {
            this.progress = progress;
            this.rejections = rejections;
        }

        void collect(InFlight chunk) throws InterruptedException, ExecutionException {
            IntakeProcessor.Stored stored = chunk.stored().get();
            weighAfterBatch.addAll(stored.weighAfterBatch());
            for (IntakeOutcome outcome : stored.outcomes()) {
                if (outcome instanceof IntakeOutcome.Accepted) {
                    accepted++;
                } else if (outcome instanceof IntakeOutcome.Duplicate) {
                    duplicates++;
                } else if (outcome instanceof IntakeOutcome.Rejected refused) {
                    rejected++;
                    rejections.accept(refused);
                }
            }
            processed += chunk.size();
            progress.accept(processed);
        }
    }

    private IntakeProcessor.Prepared prepareNext(SummaryReader reader) {
        List<ReadRecord> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && reader.hasNext()) {
            chunk.add(reader.next());
        }
        return processor.prepare(chunk);
    }

    /** Counts of a streamed batch, and the identifier of the intake batch its audit rows are recorded under. */
    public record Tally(String intakeBatch, long accepted, long duplicates, long rejected) {}
}
