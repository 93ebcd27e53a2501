package org.onewindow.catalog.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.onewindow.catalog.application.PublicPlacesService.Place;
import org.onewindow.catalog.application.PublicPlacesService.PublicPoint;
import org.onewindow.catalog.guide.ServiceGuide.Fact;
import org.onewindow.catalog.guide.ServiceGuide.Section;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.kernel.tenant.domain.WindowType;

/**
 * The guide's section "办理地点" (where to apply): one fact per service point that takes the item in, with its address,
 * opening hours (consecutive weekdays of the same hours in one line: 周一至周五 08:30-12:00, 13:30-17:30), telephone,
 * self-service area, windows and closures not yet over. Pure, as {@link GuideBuilder}.
 */
final class PlacesSection {

    static final String KEY = "places";

    private PlacesSection() {}

    /**
     * The section of a place's guide: where its people go for the item. The place's own points when the item may be
     * taken in at the place's tier; otherwise, or when the place has no point that takes it in (a village without a
     * 便民服务站, a village whose station may not take in an item only the town or county takes in), a note saying so
     * and the points of the divisions above whose tier may take it in, nearest first, each saying where it is (at the
     * town centre, at the county centre). An item that names no intake tiers is taken in wherever it has a point.
     *
     * @param place the place whose guide it is, e.g. 华沟村
     * @param intakeTiers the item's {@code intakeTiers} ({@code VILLAGE}, {@code TOWN}, {@code COUNTY})
     * @param above the divisions above the place, nearest first
     * @param pointsOf the points of a division that take the item in, by division code
     */
    static List<Section> whereToGo(
            GuideText text,
            Place place,
            Set<String> intakeTiers,
            List<Place> above,
            Function<String, List<PublicPoint>> pointsOf) {
        List<PublicPoint> own = takesIn(intakeTiers, place.level()) ? pointsOf.apply(place.code()) : List.of();
        if (!own.isEmpty()) {
            return of(text, own);
        }
        List<Fact> elsewhere = new ArrayList<>();
        for (Place division : above) {
            if (takesIn(intakeTiers, division.level())) {
                for (Fact fact : facts(text, pointsOf.apply(division.code()))) {
                    List<String> values = new ArrayList<>();
                    values.add(text.text("place.at." + division.level().name(), division.name()));
                    values.addAll(fact.values());
                    elsewhere.add(new Fact(fact.key(), fact.label(), values, fact.local()));
                }
            }
        }
        if (elsewhere.isEmpty()) {
            return List.of();
        }
        elsewhere.addFirst(new Fact(
                "elsewhere",
                text.text("place.elsewhere.label"),
                List.of(text.text("place.elsewhere", place.name())),
                ""));
        return List.of(new Section(KEY, text.text("section." + KEY), elsewhere));
    }

    /** The section, or empty when the division has no point on record. */
    static List<Section> of(GuideText text, List<PublicPoint> points) {
        List<Fact> facts = facts(text, points);
        return facts.isEmpty() ? List.of() : List.of(new Section(KEY, text.text("section." + KEY), facts));
    }

    /**
     * Whether a division of {@code level} may take the item in: its tier is among the item's intake tiers (a street
     * office takes in as a town does, a community as a village), or the item names none.
     */
    static boolean takesIn(Set<String> intakeTiers, TenantLevel level) {
        return intakeTiers.isEmpty() || intakeTiers.contains(tier(level));
    }

    /** The {@code intakeTiers} value of a division's level. */
    private static String tier(TenantLevel level) {
        return switch (level) {
            case COUNTY -> "COUNTY";
            case TOWN, STREET -> "TOWN";
            case VILLAGE, COMMUNITY -> "VILLAGE";
        };
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
