package org.onewindow.casework.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.casework.application.CaseViews;
import org.onewindow.casework.application.MaterialFilesService;
import org.onewindow.casework.infrastructure.MaterialFileRepository;
import org.onewindow.kernel.json.Json;
import org.onewindow.kernel.web.FileAnswer;

/**
 * Scanned materials (扫描件) of a case over REST: upload one as the raw body, list a material's scans, read one back
 * inline. The body is read by the service up to its own limit ({@code onewindow.casework.upload.max-bytes}, default
 * 10 MiB), not the 1 MiB of JSON requests: the operation takes the raw stream, which the kernel's request body limit
 * leaves to it. A case outside the caller's scope answers 404 exactly like an unknown one.
 */
@Path("cases/{caseNumber}/materials/{materialCode}/files")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "办件 / cases: intake, correction notices, acceptance")
public class MaterialFileResource {

    @Inject
    MaterialFilesService files;

    @Context
    HttpHeaders headers;

    @POST
    // Any type reaches the service, which answers one that is not PDF, JPEG or PNG with a clear 400, not a bare 415.
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "uploadMaterialFile",
            summary = "Upload a scan of a material (上传扫描件; window staff and reviewers)",
            description = "Body: the file itself, Content-Type application/pdf, image/jpeg or image/png (or"
                    + " application/octet-stream to let the content decide); the type is checked by the content's"
                    + " first bytes, never by the name. fileName: the name on the uploader's computer, for people."
                    + " 201 with {id, materialCode, fileName, contentType, sizeBytes, sha256, uploadedAt, uploadedBy,"
                    + " uploadedPlace}; the material is marked SCANNED_UPLOAD and the upload is on the timeline. 400"
                    + " for an empty file, another type, or content that is not what it claims; 404 for an unknown"
                    + " case or one outside the caller's scope, or a material the case's item version does not ask"
                    + " for; 409 for a closed case; 413 over the limit (10 MiB unless configured). Nothing is stored"
                    + " on any refusal.")
    public Response upload(
            @PathParam("caseNumber") String caseNumber,
            @PathParam("materialCode") String materialCode,
            @Parameter(description = "the file's name on the uploader's computer, at most 200 characters kept")
                    @QueryParam("fileName")
                    String fileName,
            @RequestBody(
                            required = true,
                            content = {
                                @Content(
                                        mediaType = "application/pdf",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = "image/jpeg",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary")),
                                @Content(
                                        mediaType = "image/png",
                                        schema = @Schema(type = SchemaType.STRING, format = "binary"))
                            })
                    InputStream body) {
        MaterialFileRepository.StoredFile stored = files.upload(
                caseNumber,
                materialCode,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                fileName,
                body,
                headers.getHeaderString(HttpHeaders.CONTENT_LENGTH));
        return Response.created(URI.create("cases/" + encode(caseNumber) + "/materials/" + encode(stored.materialCode())
                        + "/files/" + stored.id()))
                .entity(view(stored))
                .build();
    }

    @GET
    @Operation(
            operationId = "listMaterialFiles",
            summary = "The scans of one material of a case, oldest first (without their bytes)",
            description = "404 alike for an unknown case, one outside the caller's scope and a material the case's"
                    + " item version does not ask for.")
    public JsonArray list(@PathParam("caseNumber") String caseNumber, @PathParam("materialCode") String materialCode) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        files.files(caseNumber, materialCode).forEach(file -> list.add(view(file)));
        return list.build();
    }

    @GET
    @Path("{fileId}")
    @Produces({"application/pdf", "image/jpeg", "image/png"})
    @Operation(
            operationId = "getMaterialFile",
            summary = "One scan, inline, with the type its content was checked to be",
            description = "Content-Disposition: inline and X-Content-Type-Options: nosniff, never cached. 404 alike"
                    + " for an unknown case, one outside the caller's scope, another material's or case's scan.")
    public Response content(
            @PathParam("caseNumber") String caseNumber,
            @PathParam("materialCode") String materialCode,
            @PathParam("fileId") String fileId) {
        MaterialFileRepository.Content content = files.content(caseNumber, materialCode, fileId);
        Response.ResponseBuilder response = Response.ok(content.bytes(), content.contentType());
        inlineHeaders(content.contentType(), fileId).forEach(response::header);
        return response.build();
    }

    /**
     * The headers of a scan shown in the browser, for this resource and the staff pages alike: inline, no sniffing of
     * another type than the one checked at upload (a scan must never run as a page), kept in no cache (it is personal
     * data). The name is the file's id: the uploader's name may carry anything.
     */
    public static Map<String, String> inlineHeaders(String contentType, String fileId) {
        String extension = contentType.substring(contentType.indexOf('/') + 1);
        Map<String, String> headers = new LinkedHashMap<>(
                FileAnswer.inline("scan-" + fileId, extension, contentType).headers());
        headers.put("Cache-Control", "private, no-store");
        return headers;
    }

    static JsonObject view(MaterialFileRepository.StoredFile file) {
        return CaseViews.fileView(file);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
