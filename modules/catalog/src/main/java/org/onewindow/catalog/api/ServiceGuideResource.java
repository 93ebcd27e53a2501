package org.onewindow.catalog.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.onewindow.catalog.guide.ServiceGuideService;
import org.onewindow.kernel.web.FileAnswer;

/** The printable service guide (办事指南) of an item as a place offers it: public, like the catalog it prints. */
@Path("catalog/items/{itemCode}/guide.pdf")
@ApplicationScoped
@Tag(name = "catalog", description = "公共服务事项目录 / the service catalog")
public class ServiceGuideResource {

    static final String PDF = "application/pdf";

    @Inject
    ServiceGuideService guides;

    @GET
    @Produces(PDF)
    @Operation(
            summary = "The service guide of an item as a PDF (public, no token)",
            description = "tenant: the 12-digit division code of the place; lang: zh (default) or en. The same content"
                    + " as the guide page; 404 for an unknown place or item, or one the place does not offer.")
    public Response pdf(
            @PathParam("itemCode") String itemCode,
            @QueryParam("tenant") String tenant,
            @QueryParam("lang") String lang) {
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        byte[] pdf = guides.pdf(tenant, itemCode, locale);
        return FileAnswer.pdf("guide-" + itemCode)
                .response(pdf)
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
