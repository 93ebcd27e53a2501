package org.onewindow.catalog.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onewindow.catalog.application.PublicPlacesService.PublicPoint;
import org.onewindow.catalog.guide.ServiceGuide.Fact;
import org.onewindow.catalog.guide.ServiceGuide.Section;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.WindowType;

/**
 * The guide's section "办理地点" (where to apply): one fact per service point that takes the item in, with its address,
 * opening hours (consecutive weekdays of the same hours in one line: 周一至周五 08:30-12:00, 13:30-17:30), telephone,
 * self-service area, windows and closures not yet over. Pure, as {@link GuideBuilder}.
 */
final class PlacesSection {

    static final String KEY = "places";

    private PlacesSection() {}

    /** The section, or empty when the division has no point on record. */
    static List<Section> of(GuideText text, List<PublicPoint> points) {
        List<Fact> facts = facts(text, points);
        return facts.isEmpty() ? List.of() : List.of(new Section(KEY, text.text("section." + KEY), facts));
    }

    /**
     * The section of a place without a point of its own that takes the item in (a village without a 便民服务站): it
     * says so, then lists the points above it that take the item in for it (the town's centre, the county's centre);
     * empty when there is none either.
     *
     * @param placeName the place's official name, e.g. 王家村
     * @param above the points of the divisions above that take the item in, nearest first
     */
    static List<Section> elsewhere(GuideText text, String placeName, List<PublicPoint> above) {
        if (above.isEmpty()) {
            return List.of();
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact(
                "elsewhere", text.text("place.elsewhere.label"), List.of(text.text("place.elsewhere", placeName)), ""));
        facts.addAll(facts(text, above));
        return List.of(new Section(KEY, text.text("section." + KEY), facts));
    }

    private static List<Fact> facts(GuideText text, List<PublicPoint> points) {
        List<Fact> facts = new ArrayList<>();
        for (PublicPoint point : points) {
            List<String> values = new ArrayList<>();
            if (point.address() != null) {
                values.add(text.text("place.address", point.address()));
            }
            // A self-service room open round the clock has no office hours to ask about by telephone.
            if (!point.openingHours().isEmpty() || !point.selfService()) {
                values.add(text.text("place.hours", hours(text, point.openingHours())));
            }
            if (point.contactPhone() != null) {
                values.add(text.text("place.phone", point.contactPhone()));
            }
            if (point.selfService()) {
                values.add(text.text(
                        "place.selfService", point.selfServiceHours() == null ? "" : point.selfServiceHours()));
            }
            windows(text, point.windows(), INTAKE, "place.windows").ifPresent(values::add);
            windows(text, point.windows(), Set.of(WindowType.ISSUANCE), "place.windows.issuance")
                    .ifPresent(values::add);
            windows(text, point.windows(), Set.of(WindowType.CONSULTATION), "place.windows.consultation")
                    .ifPresent(values::add);
            for (ServicePointClosure closure : point.closures()) {
                values.add(text.text(
                        "place.closure",
                        closure.firstDay().toString(),
                        closure.lastDay().toString(),
                        closure.reason()));
            }
            facts.add(new Fact("servicePoint", point.name(), values, ""));
        }
        return facts;
    }

    /** The windows that take applications in, as the kernel names them. */
    static final Set<WindowType> INTAKE = WindowType.INTAKE;

    /** One line naming the point's windows of the given types ({@code 受理窗口：…}), or empty when it has none. */
    private static Optional<String> windows(
            GuideText text, List<ServiceWindow> windows, Set<WindowType> types, String key) {
        List<String> names = windows.stream()
                .filter(window -> types.contains(window.type()))
                .map(ServiceWindow::name)
                .toList();
        return names.isEmpty()
                ? Optional.empty()
                : Optional.of(text.text(key, String.join(text.text("list.separator"), names)));
    }

    /** {@code 周一至周五 08:30-12:00, 13:30-17:30；周六 09:00-12:00}, or "please ask" when none are set. */
    static String hours(GuideText text, OpeningHours hours) {
        if (hours.isEmpty()) {
            return text.text("place.hours.unknown");
        }
        List<String> runs = new ArrayList<>();
        List<OpeningHours.Day> days = hours.days();
        int start = 0;
        for (int i = 1; i <= days.size(); i++) {
            boolean runEnds = i == days.size()
                    || !days.get(i).shown().equals(days.get(start).shown())
                    || days.get(i).day().getValue() != days.get(i - 1).day().getValue() + 1;
            if (runEnds) {
                OpeningHours.Day first = days.get(start);
                OpeningHours.Day last = days.get(i - 1);
                String weekdays = first == last
                        ? text.text("weekday." + first.day().getValue())
                        : text.text(
                                "weekday.range",
                                text.text("weekday." + first.day().getValue()),
                                text.text("weekday." + last.day().getValue()));
                runs.add(weekdays + " " + first.shown());
                start = i;
            }
        }
        return String.join(text.text("hours.separator"), runs);
    }
}
