package baedal.identity.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Key files under the data folder (the embedded default's signing and secret keys): created once, readable by the
 * owner only where the file system knows POSIX permissions, never overwritten.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /**
     * Creates the file with this content unless it exists: the content is written next to it and moved into place,
     * so a reader never sees half a key and, of two processes creating it at once, one wins and both read its key.
     *
     * @return whether this call created it
     */
    public static boolean createIfAbsent(Path file, String content) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path written = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(folder, file.getFileName() + ".", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, file.getFileName() + ".", ".tmp");
        try {
            Files.writeString(written, content, StandardCharsets.UTF_8);
            Files.move(written, file);
            return true;
        }
        catch (FileAlreadyExistsException another) {
            return false;
        }
        finally {
            Files.deleteIfExists(written);
        }
    }
}
