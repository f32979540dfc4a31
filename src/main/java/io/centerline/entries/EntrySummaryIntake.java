package io.centerline.entries;

import io.centerline.entries.intake.JsonSummaryReader;
import io.centerline.entries.intake.ReadRecord;
import io.centerline.entries.intake.SummaryReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    EntrySummaryIntake(IntakeProcessor processor, @Value("${centerline.intake.chunk-size:5000}") int chunkSize) {
        this.processor = processor;
        this.chunkSize = chunkSize;
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
        return new IntakeReport(tally.accepted(), tally.duplicates(), rejected);
    }

    /**
     * Streams a batch through intake chunk by chunk, telling {@code progress} how many records are done after each
     * chunk and handing each rejection to {@code rejections} as it happens. Reading and validating the next chunk
     * runs on a second thread while the current one is stored, so parsing and the database work side by side; at
     * most two chunks wait in memory.
     */
    public Tally ingest(
            SummaryReader reader, String actor, LongConsumer progress, Consumer<IntakeOutcome.Rejected> rejections) {
        ExecutorService preparer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "intake-prepare");
            thread.setDaemon(true);
            return thread;
        });
        try {
            long accepted = 0;
            long duplicates = 0;
            long rejectedCount = 0;
            long processed = 0;
            Future<IntakeProcessor.Prepared> next = preparer.submit(() -> prepareNext(reader));
            while (true) {
                IntakeProcessor.Prepared current = next.get();
                if (current.size() == 0) {
                    return new Tally(accepted, duplicates, rejectedCount);
                }
                next = preparer.submit(() -> prepareNext(reader));
                for (IntakeOutcome outcome : processor.store(current, actor)) {
                    if (outcome instanceof IntakeOutcome.Accepted) {
                        accepted++;
                    } else if (outcome instanceof IntakeOutcome.Duplicate) {
                        duplicates++;
                    } else if (outcome instanceof IntakeOutcome.Rejected rejected) {
                        rejectedCount++;
                        rejections.accept(rejected);
                    }
                }
                processed += current.size();
                progress.accept(processed);
            }
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
