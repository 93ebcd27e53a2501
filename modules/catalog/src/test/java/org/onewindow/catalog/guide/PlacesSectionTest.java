package org.onewindow.catalog.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onewindow.catalog.application.PublicPlacesService.Place;
import org.onewindow.catalog.application.PublicPlacesService.PublicPoint;
import org.onewindow.catalog.guide.ServiceGuide.Section;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServicePointKind;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
import org.onewindow.kernel.tenant.domain.TenantLevel;
import org.onewindow.kernel.tenant.domain.WindowType;

/** The guide's "办理地点": 起凤镇便民服务中心 with a lunch break on weekdays, a Saturday morning and a closure. */
class PlacesSectionTest {

    static final ServicePoint QIFENG_HALL =
            new ServicePoint(new DivisionCode("370321106000"), "起凤镇便民服务中心", ServicePointKind.TOWN_CENTRE, "起凤镇政府路8号");

    static OpeningHours weekdaysAndSaturdayMorning() {
        List<OpeningHours.Day> days = new ArrayList<>(Stream.of(
                        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .map(day -> new OpeningHours.Day(
                        day, LocalTime.of(8, 30), LocalTime.of(12, 0), LocalTime.of(13, 30), LocalTime.of(17, 30)))
                .toList());
        days.add(new OpeningHours.Day(DayOfWeek.SATURDAY, LocalTime.of(9, 0), null, null, LocalTime.of(12, 0)));
        return OpeningHours.of(days);
    }

    static PublicPoint qifengHall() {
        ServicePointClosure closure = ServicePointClosure.of(
                QIFENG_HALL,
                LocalDate.parse("2026-12-24"),
                LocalDate.parse("2026-12-25"),
                "大厅改造",
                LocalDate.parse("2026-12-01"),
                List.of());
        return new PublicPoint(
                QIFENG_HALL.name(),
                QIFENG_HALL.address(),
                "0533-8280000",
                weekdaysAndSaturdayMorning(),
                true,
                "24小时",
                List.of(),
                List.of(closure));
    }

    @Test
    void consecutiveWeekdaysOfTheSameHoursShareALine() {
        assertThat(PlacesSection.hours(GuideText.of(Locale.SIMPLIFIED_CHINESE), weekdaysAndSaturdayMorning()))
                .isEqualTo("周一至周五 08:30-12:00, 13:30-17:30；周六 09:00-12:00");
        assertThat(PlacesSection.hours(GuideText.of(Locale.ENGLISH), weekdaysAndSaturdayMorning()))
                .isEqualTo("Mon to Fri 08:30-12:00, 13:30-17:30; Sat 09:00-12:00");
    }

    @Test
    void aPointShowsItsAddressHoursTelephoneSelfServiceAndClosure() {
        List<Section> sections = PlacesSection.of(GuideText.of(Locale.SIMPLIFIED_CHINESE), List.of(qifengHall()));

        assertThat(sections).singleElement().satisfies(section -> {
            assertThat(section.title()).isEqualTo("办理地点");
            assertThat(section.facts()).singleElement().satisfies(fact -> {
                assertThat(fact.label()).isEqualTo("起凤镇便民服务中心");
                assertThat(fact.values())
                        .containsExactly(
                                "地址：起凤镇政府路8号",
                                "办公时间：周一至周五 08:30-12:00, 13:30-17:30；周六 09:00-12:00",
                                "咨询电话：0533-8280000",
                                "自助服务区：24小时",
                                "闭厅：2026-12-24至2026-12-25（大厅改造），期间不受理");
            });
        });
    }

    @Test
    void thePrintedGuideCarriesThePlaceItsHoursAndItsClosure() throws Exception {
        ServiceGuide built = GuideBuilder.build(
                "370321106000",
                "起凤镇",
                GuidePdfTest.pensionAdaptedByQifeng(),
                GuidePdfTest.DEPARTMENTS,
                GuidePdfTest.licences(),
                Locale.SIMPLIFIED_CHINESE);
        List<Section> sections = new ArrayList<>(built.sections());
        sections.addAll(PlacesSection.of(GuideText.of(Locale.SIMPLIFIED_CHINESE), List.of(qifengHall())));
        ServiceGuide guide = new ServiceGuide(
                built.tenantCode(),
                built.tenantName(),
                built.itemCode(),
                built.itemName(),
                built.standardVersion(),
                built.locale(),
                sections,
                built.materials());

        String text = GuidePdfTest.textOf(GuidePdf.render(guide)).replaceAll("\\s+", "");

        assertThat(text)
                .contains("办理地点")
                .contains("起凤镇政府路8号")
                .contains("周一至周五08:30-12:00,13:30-17:30")
                .contains("闭厅：2026-12-24至2026-12-25（大厅改造）");
    }

    @Test
    void aDivisionWithoutPointsHasNoSection() {
        assertThat(PlacesSection.of(GuideText.of(Locale.SIMPLIFIED_CHINESE), List.of()))
                .isEmpty();
    }

    static final Place HUAGOU = new Place("370321106202", "华沟村", TenantLevel.VILLAGE);
    static final Place TIANZHUANG_VILLAGE = new Place("370321100201", "田庄村", TenantLevel.VILLAGE);
    static final Place QIFENG = new Place("370321106000", "起凤镇", TenantLevel.TOWN);
    static final Place TIANZHUANG = new Place("370321100000", "田庄镇", TenantLevel.TOWN);
    static final Place COUNTY = new Place("370321000000", "桓台县", TenantLevel.COUNTY);
    static final Set<String> AT_VILLAGE = Set.of("VILLAGE", "TOWN", "COUNTY");
    static final Set<String> AT_TOWN = Set.of("TOWN", "COUNTY");
    static final Set<String> AT_COUNTY = Set.of("COUNTY");

    static PublicPoint point(String name) {
        return new PublicPoint(
                name, name + "路1号", "0533-1", weekdaysAndSaturdayMorning(), false, null, List.of(), List.of());
    }

    /** The demo county's points: 华沟村 has a 便民服务站, 田庄村 has none; each town and the county have a centre. */
    static List<PublicPoint> pointsOf(String division) {
        return switch (division) {
            case "370321106202" -> List.of(point("华沟村便民服务站"));
            case "370321106000" -> List.of(point("起凤镇便民服务中心"));
            case "370321100000" -> List.of(point("田庄镇便民服务中心"));
            case "370321000000" -> List.of(point("桓台县便民服务中心"));
            default -> List.of();
        };
    }

    static List<String> whereToGo(Place place, Set<String> tiers, Place... above) {
        return whereToGo(Locale.SIMPLIFIED_CHINESE, place, tiers, above).stream()
                .flatMap(section -> section.facts().stream())
                .map(ServiceGuide.Fact::label)
                .toList();
    }

    static List<Section> whereToGo(Locale locale, Place place, Set<String> tiers, Place... above) {
        return PlacesSection.whereToGo(GuideText.of(locale), place, tiers, List.of(above), PlacesSectionTest::pointsOf);
    }

    /**
     * Every tier combination: a village with a station or without × an item taken in at the village, only at the
     * town, only at the county. A village's own station is named only for what the village tier takes in.
     */
    @Test
    void aVillageIsSentToItsOwnStationOnlyForWhatItsTierTakesIn() {
        assertThat(whereToGo(HUAGOU, AT_VILLAGE, QIFENG, COUNTY)).containsExactly("华沟村便民服务站");
        assertThat(whereToGo(HUAGOU, AT_TOWN, QIFENG, COUNTY)).containsExactly("办理说明", "起凤镇便民服务中心", "桓台县便民服务中心");
        assertThat(whereToGo(HUAGOU, AT_COUNTY, QIFENG, COUNTY)).containsExactly("办理说明", "桓台县便民服务中心");

        assertThat(whereToGo(TIANZHUANG_VILLAGE, AT_VILLAGE, TIANZHUANG, COUNTY))
                .containsExactly("办理说明", "田庄镇便民服务中心", "桓台县便民服务中心");
        assertThat(whereToGo(TIANZHUANG_VILLAGE, Set.of("VILLAGE", "TOWN"), TIANZHUANG, COUNTY))
                .containsExactly("办理说明", "田庄镇便民服务中心");
        assertThat(whereToGo(TIANZHUANG_VILLAGE, AT_TOWN, TIANZHUANG, COUNTY))
                .containsExactly("办理说明", "田庄镇便民服务中心", "桓台县便民服务中心");
        assertThat(whereToGo(TIANZHUANG_VILLAGE, AT_COUNTY, TIANZHUANG, COUNTY)).containsExactly("办理说明", "桓台县便民服务中心");

        assertThat(whereToGo(QIFENG, AT_TOWN, COUNTY)).as("a town's own centre").containsExactly("起凤镇便民服务中心");
        assertThat(whereToGo(QIFENG, AT_COUNTY, COUNTY)).containsExactly("办理说明", "桓台县便民服务中心");
        assertThat(whereToGo(HUAGOU, Set.of(), QIFENG, COUNTY))
                .as("an item naming no tiers is taken in wherever it has a point")
                .containsExactly("华沟村便民服务站");
        assertThat(whereToGo(TIANZHUANG_VILLAGE, Set.of(), TIANZHUANG, COUNTY))
                .as("naming no tiers, a village without a station is sent to every point above")
                .containsExactly("办理说明", "田庄镇便民服务中心", "桓台县便民服务中心");
        assertThat(whereToGo(TIANZHUANG_VILLAGE, Set.of("VILLAGE"), TIANZHUANG, COUNTY))
                .as("nowhere above either: no section")
                .isEmpty();
    }

    /** Sent above, the villager reads where each point is, then its address, hours and telephone. */
    @Test
    void aPointAboveSaysItIsAtTheTownOrCountyCentreWithItsAddressHoursAndTelephone() {
        List<Section> zh = whereToGo(Locale.SIMPLIFIED_CHINESE, HUAGOU, AT_TOWN, QIFENG, COUNTY);
        List<Section> en = whereToGo(Locale.ENGLISH, HUAGOU, AT_TOWN, QIFENG, COUNTY);

        assertThat(zh).singleElement().satisfies(section -> {
            assertThat(section.title()).isEqualTo("办理地点");
            assertThat(section.facts().get(0).values()).containsExactly("华沟村没有受理本事项的服务场所，请到以下地点办理：");
            assertThat(section.facts().get(1).values())
                    .containsExactly(
                            "位置：在起凤镇政府驻地（镇上）",
                            "地址：起凤镇便民服务中心路1号",
                            "办公时间：周一至周五 08:30-12:00, 13:30-17:30；周六 09:00-12:00",
                            "咨询电话：0533-1");
            assertThat(section.facts().get(2).values()).startsWith("位置：在桓台县政府驻地（县城）");
        });
        assertThat(en.get(0).facts().get(0).values())
                .containsExactly("华沟村 has no service point of its own that takes this in: apply at one of these");
        assertThat(en.get(0).facts().get(1).values()).startsWith("Where: at the town centre of 起凤镇");
        assertThat(en.get(0).facts().get(2).values()).startsWith("Where: at the county centre of 桓台县");
    }

    @Test
    void windowsAreListedByWhatTheyDoAndARoundTheClockRoomHasNoOfficeHoursToAskAbout() {
        PublicPoint hall = new PublicPoint(
                QIFENG_HALL.name(),
                null,
                null,
                OpeningHours.of(List.of()),
                true,
                "24小时",
                List.of(
                        new ServiceWindow(QIFENG_HALL, "综合受理窗口", WindowType.COMPREHENSIVE),
                        new ServiceWindow(QIFENG_HALL, "社会事务窗口", WindowType.SOCIAL_AFFAIRS),
                        new ServiceWindow(QIFENG_HALL, "出件窗口", WindowType.ISSUANCE),
                        new ServiceWindow(QIFENG_HALL, "咨询导办台", WindowType.CONSULTATION),
                        new ServiceWindow(QIFENG_HALL, "自助区", WindowType.SELF_SERVICE)),
                List.of());

        assertThat(PlacesSection.of(GuideText.of(Locale.SIMPLIFIED_CHINESE), List.of(hall)))
                .singleElement()
                .satisfies(section -> assertThat(section.facts().get(0).values())
                        .containsExactly("自助服务区：24小时", "受理窗口：综合受理窗口、社会事务窗口", "出件窗口：出件窗口", "咨询导办：咨询导办台"));
    }
}
