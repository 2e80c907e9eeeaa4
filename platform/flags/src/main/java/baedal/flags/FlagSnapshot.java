package baedal.flags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The last-known-good state of every flag, kept by each instance in {@code <data dir>/snapshot.json} after every change
 * it applies, so that an instance starting while both the database and Kafka are unreachable answers as the fleet did
 * rather than with the code defaults. Written to a temporary file and moved in place: a crash leaves the previous one.
 */
final class FlagSnapshot {

    private final Path file;

    FlagSnapshot(Path dir) {
        this.file = dir.resolve("snapshot.json");
    }

    Path file() {
        return file;
    }

    void write(Collection<FlagState> states, Instant at) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("snapshot.json.tmp");
            Files.writeString(temporary, FlagDocuments.snapshot(states, at), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the flags' snapshot " + file, e);
        }
    }

    /** The states the snapshot holds; empty when there is none (or it cannot be read). */
    Optional<List<FlagState>> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(FlagDocuments.fromSnapshot(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
