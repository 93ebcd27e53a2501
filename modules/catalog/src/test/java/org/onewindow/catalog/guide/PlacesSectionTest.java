package org.onewindow.catalog.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onewindow.catalog.application.PublicPlacesService.PublicPoint;
import org.onewindow.catalog.guide.ServiceGuide.Section;
import org.onewindow.kernel.tenant.domain.DivisionCode;
import org.onewindow.kernel.tenant.domain.OpeningHours;
import org.onewindow.kernel.tenant.domain.ServicePoint;
import org.onewindow.kernel.tenant.domain.ServicePointClosure;
import org.onewindow.kernel.tenant.domain.ServicePointKind;
import org.onewindow.kernel.tenant.domain.ServiceWindow;
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

    /** 田庄村 has no 便民服务站: its guide sends the villager to the town's centre, then the county's. */
    @Test
    void aVillageWithoutAPointOfItsOwnIsToldWhereToGoAbove() {
        PublicPoint county = new PublicPoint(
                "桓台县便民服务中心",
                "桓台县索镇街道",
                "0533-8210000",
                weekdaysAndSaturdayMorning(),
                false,
                null,
                List.of(),
                List.of());

        List<Section> zh =
                PlacesSection.elsewhere(GuideText.of(Locale.SIMPLIFIED_CHINESE), "田庄村", List.of(qifengHall(), county));
        List<Section> en = PlacesSection.elsewhere(GuideText.of(Locale.ENGLISH), "田庄村", List.of(county));

        assertThat(zh).singleElement().satisfies(section -> {
            assertThat(section.title()).isEqualTo("办理地点");
            assertThat(section.facts())
                    .extracting(ServiceGuide.Fact::label)
                    .containsExactly("办理说明", "起凤镇便民服务中心", "桓台县便民服务中心");
            assertThat(section.facts().get(0).values()).containsExactly("田庄村没有受理本事项的服务场所，请到以下地点办理：");
            assertThat(section.facts().get(2).values()).contains("地址：桓台县索镇街道", "咨询电话：0533-8210000");
        });
        assertThat(en.get(0).facts().get(0).values())
                .containsExactly("田庄村 has no service point of its own that takes this in: apply at one of these");
        assertThat(PlacesSection.elsewhere(GuideText.of(Locale.SIMPLIFIED_CHINESE), "田庄村", List.of()))
                .as("nowhere above either: no section")
                .isEmpty();
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
