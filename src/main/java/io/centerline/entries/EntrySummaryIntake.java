package io.centerline.entries;

import io.centerline.entries.intake.JsonSummaryReader;
import io.centerline.entries.intake.ReadRecord;
import io.centerline.entries.intake.SummaryReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
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

    private final IntakeProcessor processor;
    private final int chunkSize;
    private final int writers;

    EntrySummaryIntake(
            IntakeProcessor processor,
            @Value("${centerline.intake.chunk-size:2000}") int chunkSize,
            @Value("${centerline.intake.writers:2}") int writers) {
        this.processor = processor;
        this.chunkSize = chunkSize;
        this.writers = Math.max(1, writers);
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
        return new IntakeReport(tally.accepted(), tally.duplicates(), rejected);
    }

    /**
     * Streams a batch through intake chunk by chunk, telling {@code progress} how many records are done after each
     * chunk and handing each rejection to {@code rejections}. One thread reads and validates the next chunk while up
     * to {@code centerline.intake.writers} chunks are stored side by side, each in its own transaction; a chunk that
     * shares an entry number with a chunk still being stored waits for it, so a batch means the same as if it were
     * stored in order. At most two chunks per writer wait in memory.
     */
    public Tally ingest(
            SummaryReader reader, String actor, LongConsumer progress, Consumer<IntakeOutcome.Rejected> rejections) {
        ExecutorService preparer = Executors.newSingleThreadExecutor(named("intake-prepare"));
        ExecutorService storers = Executors.newFixedThreadPool(writers, named("intake-store"));
        Counts counts = new Counts(progress, rejections);
        Deque<InFlight> inFlight = new ArrayDeque<>();
        try {
            Future<IntakeProcessor.Prepared> next = preparer.submit(() -> prepareNext(reader));
            while (true) {
                IntakeProcessor.Prepared current = next.get();
                if (current.size() == 0) {
                    break;
                }
                next = preparer.submit(() -> prepareNext(reader));
                Set<String> numbers = current.entryNumbers();
                while (!inFlight.isEmpty()
                        && (inFlight.size() >= writers || inFlight.stream().anyMatch(f -> f.overlaps(numbers)))) {
                    counts.collect(inFlight.removeFirst());
                }
                inFlight.addLast(
                        new InFlight(storers.submit(() -> processor.store(current, actor)), numbers, current.size()));
            }
            while (!inFlight.isEmpty()) {
                counts.collect(inFlight.removeFirst());
            }
            return new Tally(counts.accepted, counts.duplicates, counts.rejected);
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
    private record InFlight(Future<List<IntakeOutcome>> outcomes, Set<String> entryNumbers, int size) {

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

        Counts(LongConsumer progress, Consumer<IntakeOutcome.Rejected> rejections) {
            this.progress = progress;
            this.rejections = rejections;
        }

        void collect(InFlight chunk) throws InterruptedException, ExecutionException {
            for (IntakeOutcome outcome : chunk.outcomes().get()) {
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

    /** Counts of a streamed batch. */
    public record Tally(long accepted, long duplicates, long rejected) {}
}
