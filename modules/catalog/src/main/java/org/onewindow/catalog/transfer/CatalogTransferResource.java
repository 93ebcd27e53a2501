package org.onewindow.catalog.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.Messages;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.web.FileAnswer;

/**
 * The standard catalog in and out over REST, for standards editors: export as JSON or .xlsx, import of either.
 * The catalog's GETs are public in web.xml, so the export checks the role in the service (401 anonymous, 403
 * anyone but a standards editor).
 */
@Path("catalog")
@ApplicationScoped
@Tag(name = "catalog", description = "公共服务事项目录 / the service catalog")
public class CatalogTransferResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The largest file an import takes, as for every import: a catalog of a few thousand items is well below it. */
    static final int MAX_BYTES = (int) ImportLimits.DEFAULT.maxBytes();

    @Inject
    CatalogTransferService transfer;

    @Context
    HttpHeaders headers;

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The standard catalog in force as JSON (standards editors)",
            description = "{\"version\", \"exportedAt\", \"items\": [all elements of each item in force],"
                    + " \"itemVersions\": {code: version}}; POST it to /catalog/import unchanged and nothing changes.")
    public JsonObject exportJson() {
        return transfer.exportJson();
    }

    @GET
    @Path("export.xlsx")
    @Produces(XLSX)
    @Operation(
            summary = "The standard catalog in force as an Excel workbook (standards editors)",
            description = "Sheet 事项: one row per item; sheet 材料: one row per material, keyed by itemCode. The"
                    + " layout /catalog/import/xlsx reads.")
    public Response exportWorkbook() {
        return FileAnswer.attachment("catalog", "xlsx", XLSX)
                .response(transfer.exportWorkbook())
                .build();
    }

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import items from JSON (standards editors)",
            description = "Body: {\"items\": [all elements of each item]}, at most 5 MiB, in UTF-8 (GB18030 and"
                    + " UTF-16 with BOM read too; other bytes are refused, never stored as replacement characters). A new code becomes"
                    + " version 1, published; a changed item gets a draft of its next version; an unchanged one is"
                    + " left alone. Any bad item: 400 with every error (sheet \"items\", row = position from 1,"
                    + " column = element) and nothing stored; a changed item with an open draft is such an error.")
    public Response importJson(InputStream body) {
        return importFile(body, transfer::importJson);
    }

    @POST
    @Path("import/xlsx")
    @Consumes(XLSX)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Import items from an Excel workbook (standards editors)",
            description = "Body: the .xlsx file itself, at most 5 MiB, in the layout of /catalog/export.xlsx."
                    + " Same rules as the JSON import; an existing item keeps the elements the workbook has no"
                    + " column for (fees, process). Errors name the sheet, row, column and cell. Title rows above the"
                    + " header and empty rows and columns are read past; codes typed as numbers read as their digits;"
                    + " an item code merged over its materials applies to each. Over 5 MiB, 100 MiB unpacked or"
                    + " 50000 rows: 413.")
    public Response importWorkbook(InputStream body) {
        return importFile(body, transfer::importWorkbook);
    }

    private Response importFile(InputStream body, Function<byte[], List<ImportOutcome>> importer) {
        transfer.requireEditor();
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null && length.strip().matches("\\d{1,18}") && Long.parseLong(length.strip()) > MAX_BYTES) {
            return tooLarge();
        }
        byte[] bytes = read(body);
        if (bytes == null) {
            return tooLarge();
        }
        if (bytes.length == 0) {
            throw new DomainException("request.body.required");
        }
        return Response.ok(summary(importer.apply(bytes)), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .build();
    }

    /** The body, or null when it is longer than {@link #MAX_BYTES}. */
    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            return bytes.length > MAX_BYTES ? null : bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response tooLarge() {
        String message = Messages.format(
                CatalogImportRejectedMapper.locale(headers), "catalog.import.too.large", MAX_BYTES / (1024 * 1024));
        return Response.status(413)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Json.createObjectBuilder()
                        .add("error", "catalog.import.too.large")
                        .add("message", message)
                        .build()
                        .toString())
                .build();
    }

    private static JsonObject summary(List<ImportOutcome> outcomes) {
        JsonArrayBuilder items = Json.createArrayBuilder();
        int[] counts = new int[ImportOutcome.Result.values().length];
        for (ImportOutcome outcome : outcomes) {
            counts[outcome.result().ordinal()]++;
            items.add(Json.createObjectBuilder()
                    .add("code", outcome.code())
                    .add("version", outcome.version())
                    .add("result", outcome.result().name()));
        }
        return Json.createObjectBuilder()
                .add("created", counts[ImportOutcome.Result.CREATED.ordinal()])
                .add("drafted", counts[ImportOutcome.Result.DRAFTED.ordinal()])
                .add("unchanged", counts[ImportOutcome.Result.UNCHANGED.ordinal()])
                .add("items", items)
                .build();
    }
}
