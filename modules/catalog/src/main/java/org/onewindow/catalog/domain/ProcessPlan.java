package org.onewindow.catalog.domain;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.tenant.domain.DivisionCode;

/**
 * How an item's case runs at one tenant (办理流程): the process template the item names, the group of the intake
 * window, and the groups that review it in the order the item lists its steps. A group is a division code, or a
 * county code and a department code ({@code 370321000000/MZ}) for a department's reviewers.
 *
 * @param template the key of the process template, e.g. {@code tiered-review}
 * @param windowGroup the intake window's group: the tenant where the case is taken in
 * @param reviewGroups the groups of the item's steps, in order
 */
public record ProcessPlan(String template, String windowGroup, List<String> reviewGroups) {

    public ProcessPlan {
        reviewGroups = List.copyOf(reviewGroups);
    }

    /** The plan of an item's {@code process} element for a case taken in at {@code intake}. */
    public static ProcessPlan of(JsonValue process, DivisionCode intake) {
        if (!(process instanceof JsonObject object) || !(object.get("template") instanceof JsonString template)) {
            throw DomainException.notFound("catalog.process.missing");
        }
        List<String> groups = new ArrayList<>();
        if (object.get("steps") instanceof jakarta.json.JsonArray steps) {
            for (JsonObject step : steps.getValuesAs(JsonObject.class)) {
                groups.add(group(step, intake));
            }
        }
        if (groups.isEmpty()) {
            groups.add(intake.value());
        }
        return new ProcessPlan(template.getString(), intake.value(), groups);
    }

    private static String group(JsonObject step, DivisionCode intake) {
        String code = intake.value();
        String tier = step.getString("tier", "");
        String department = step.getString("department", "");
        String county = intake.county().value();
        String division = switch (tier) {
            case "COUNTY" -> county;
            // A town step of a case taken in at the county is done by the county's own window.
            case "TOWN" -> code.equals(county) ? county : code.substring(0, 9) + "000";
            default -> code;
        };
        return department.isBlank() ? division : division + "/" + department;
    }
}
