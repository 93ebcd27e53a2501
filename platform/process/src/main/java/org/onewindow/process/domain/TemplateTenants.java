package org.onewindow.process.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.onewindow.kernel.error.DomainException;

/**
 * Where a tenant's process templates come from (流程模板的继承链): the tenant's own, then its town's, then its
 * county's, then the standard one. The chain follows from the 12-digit division code alone: trailing groups of
 * zeros mark the county and the town.
 */
public final class TemplateTenants {

    /** The Flowable tenant of the standard templates every county inherits. */
    public static final String STANDARD = "standard";

    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");

    private TemplateTenants() {}

    /** The tenants to look in, nearest first, ending with {@link #STANDARD}. */
    public static List<String> chain(String tenant) {
        if (STANDARD.equals(tenant)) {
            return List.of(STANDARD);
        }
        requireDivisionCode(tenant);
        List<String> chain = new ArrayList<>(4);
        chain.add(tenant);
        String town = tenant.substring(0, 9) + "000";
        String county = tenant.substring(0, 6) + "000000";
        if (!town.equals(tenant) && !town.equals(county)) {
            chain.add(town);
        }
        if (!county.equals(tenant)) {
            chain.add(county);
        }
        chain.add(STANDARD);
        return List.copyOf(chain);
    }

    /** The tier of a tenant in the chain, for showing where a template comes from. */
    public static TemplateSource sourceOf(String tenant) {
        if (STANDARD.equals(tenant)) {
            return TemplateSource.STANDARD;
        }
        requireDivisionCode(tenant);
        if (tenant.endsWith("000000")) {
            return TemplateSource.COUNTY;
        }
        return tenant.endsWith("000") ? TemplateSource.TOWN : TemplateSource.VILLAGE;
    }

    public static void requireDivisionCode(String tenant) {
        if (tenant == null || !TWELVE_DIGITS.matcher(tenant).matches() || tenant.startsWith("000000")) {
            throw new DomainException("division.code.format", tenant == null ? "" : tenant);
        }
    }
}
