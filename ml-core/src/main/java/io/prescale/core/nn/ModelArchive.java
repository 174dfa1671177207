package io.prescale.core.nn;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A saved model: one zip file holding {@code manifest.json} and named entries (DJL parameters, JSON options,
 * normalisation constants…). Written atomically (temporary file, then rename) so that a model file is never
 * half-written; read back only when its kind and format version match.
 */
public final class ModelArchive {
    public static final String MANIFEST = "manifest.json";
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ModelManifest manifest;
    private final Map<String, byte[]> entries;

    private ModelArchive(ModelManifest manifest, Map<String, byte[]> entries) {
        this.manifest = manifest;
        this.entries = entries;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The bytes of entry {@code name}; IllegalArgumentException naming it when absent. */
    public byte[] entry(String name) {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IllegalArgumentException("model file has no entry '" + name + "'");
        }
        return bytes.clone();
    }

    /** Writes {@code manifest} and {@code entries} to {@code file}, atomically. */
    public static void write(Path file, ModelManifest manifest, Map<String, byte[]> entries) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp);
                    ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                    if (MANIFEST.equals(entry.getKey())) {
                        throw new IllegalArgumentException("entry name '" + MANIFEST + "' is reserved");
                    }
                    zip.putNextEntry(new ZipEntry(entry.getKey()));
                    zip.write(entry.getValue());
                    zip.closeEntry();
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Reads a model file and checks its kind and format version.
     *
     * @throws IllegalArgumentException when the file is not a Prescale model, is of another kind, or has another
     *                                  format version (naming both versions)
     */
    public static ModelArchive read(Path file, String expectedKind, int expectedFormatVersion) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        byte[] manifestBytes = entries.remove(MANIFEST);
        if (manifestBytes == null) {
            throw new IllegalArgumentException("'" + file + "' is not a Prescale model file (no " + MANIFEST + ")");
        }
        ModelManifest manifest = MAPPER.readValue(manifestBytes, ModelManifest.class);
        if (!manifest.kind().equals(expectedKind)) {
            throw new IllegalArgumentException(
                    "'" + file + "' holds a " + manifest.kind() + " model, expected " + expectedKind);
        }
        if (manifest.formatVersion() != expectedFormatVersion) {
            throw new IllegalArgumentException("'" + file + "' has " + expectedKind + " format version "
                    + manifest.formatVersion() + ", this prescale reads version " + expectedFormatVersion);
        }
        return new ModelArchive(manifest, entries);
    }

    /** The parameters of a DJL block as bytes (for an archive entry). */
    public static byte[] parameters(Block block) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            block.saveParameters(out);
        }
        return bytes.toByteArray();
    }

    /** Loads parameters written by {@link #parameters(Block)} into an initialised block of the same shape. */
    public static void loadParameters(Block block, NDManager manager, byte[] parameters) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            block.loadParameters(manager, in);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("model parameters do not fit the network: " + e.getMessage(), e);
        }
    }
}
