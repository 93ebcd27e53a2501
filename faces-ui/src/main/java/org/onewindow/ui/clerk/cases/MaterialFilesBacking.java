package org.onewindow.ui.clerk.cases;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.casework.application.MaterialFilesService;
import org.onewindow.casework.domain.CaseState;
import org.onewindow.casework.infrastructure.MaterialFileRepository;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.ui.FacesMessages;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * The scans (扫描件) of the case page's materials ({@code /clerk/cases/case.xhtml}): each material's files with a link
 * that opens one in a new tab ({@link MaterialFileLink}), and an upload for window staff and reviewers while the case
 * is open. Reads the case {@link CaseBacking} shows; after an upload both read it again (the mark and the timeline
 * change too).
 */
@Named
@ViewScoped
public class MaterialFilesBacking implements Serializable {

    /** One scan as the page lists it. */
    public record FileRow(
            String name, String contentType, String size, String uploadedAt, String uploadedBy, String url)
            implements Serializable {}

    /** A material with its scans. */
    public record MaterialRow(String code, String name, List<FileRow> files) implements Serializable {}

    @Inject
    MaterialFilesService files;

    @Inject
    CaseBacking caseBacking;

    private List<MaterialRow> materials = List.of();
    private boolean mayUpload;
    private String maxSize;

    /** Reads the scans of the case the page shows (after {@link CaseBacking#load}). */
    public void load() {
        String reference = caseBacking.getReference();
        List<MaterialFileRepository.StoredFile> stored = files.filesOfCase(reference);
        String context = FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath();
        List<MaterialRow> rows = new ArrayList<>();
        for (MaterialLine line : caseBacking.getMaterials()) {
            List<FileRow> of = stored.stream()
                    .filter(file -> file.materialCode().equals(line.getCode()))
                    .map(file -> new FileRow(
                            file.fileName() == null ? file.sha256().substring(0, 12) : file.fileName(),
                            file.contentType(),
                            size(file.sizeBytes()),
                            CaseBacking.minute(file.uploadedAt()),
                            file.uploadedBy(),
                            MaterialFileLink.of(
                                    context,
                                    reference,
                                    file.materialCode(),
                                    file.id().toString())))
                    .toList();
            rows.add(new MaterialRow(line.getCode(), line.getName(), of));
        }
        materials = rows;
        mayUpload =
                files.mayUpload() && !CaseState.valueOf(caseBacking.getState()).isFinal();
        maxSize = files.maxSize();
    }

    /**
     * A scan chosen for a material (its code in the upload's {@code material} attribute): stored and the material
     * marked scanned, or the refusal shown beside the uploads; nothing is stored on a refusal.
     */
    public void upload(FileUploadEvent event) {
        String material = String.valueOf(event.getComponent().getAttributes().get("material"));
        UploadedFile file = event.getFile();
        try (InputStream body = file.getInputStream()) {
            MaterialFileRepository.StoredFile stored = files.upload(
                    caseBacking.getReference(),
                    material,
                    file.getContentType(),
                    file.getFileName(),
                    body,
                    String.valueOf(file.getSize()));
            caseBacking.reload();
            load();
            FacesMessages.infoOf(
                    ClerkText.VAR,
                    "scans.uploaded",
                    stored.fileName() == null ? "" : stored.fileName(),
                    nameOf(material),
                    size(stored.sizeBytes()));
        } catch (DomainException e) {
            FacesMessages.error(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String nameOf(String code) {
        return materials.stream()
                .filter(m -> m.code().equals(code))
                .map(MaterialRow::name)
                .findFirst()
                .orElse(code);
    }

    /** A size for people: bytes under 1 KiB, KiB under 1 MiB, MiB with one decimal above. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1 << 20) {
            return (bytes >> 10) + " KiB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (double) (1 << 20));
    }

    public List<MaterialRow> getMaterials() {
        return materials;
    }

    public boolean isMayUpload() {
        return mayUpload;
    }

    public String getMaxSize() {
        return maxSize;
    }
}
