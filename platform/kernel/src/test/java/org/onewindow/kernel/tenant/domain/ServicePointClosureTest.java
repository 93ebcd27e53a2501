package org.onewindow.kernel.tenant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onewindow.kernel.error.DomainException;

/** A closure of a service point (闭厅): days in order, not long past, not sharing a day with another. */
class ServicePointClosureTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final ServicePoint HALL =
            new ServicePoint(new DivisionCode("370321106000"), "起凤镇便民服务中心", ServicePointKind.TOWN_CENTRE, null);

    private static ServicePointClosure close(String first, String last, List<ServicePointClosure> existing) {
        return ServicePointClosure.of(HALL, LocalDate.parse(first), LocalDate.parse(last), "大厅改造", TODAY, existing);
    }

    @Test
    void aClosureCoversItsDaysBothIncluded() {
        ServicePointClosure closure = close("2026-12-24", "2026-12-25", List.of());

        assertThat(closure.covers(LocalDate.parse("2026-12-24"))).isTrue();
        assertThat(closure.covers(LocalDate.parse("2026-12-25"))).isTrue();
        assertThat(closure.covers(LocalDate.parse("2026-12-26"))).isFalse();
        assertThat(closure.tenantCode().value()).isEqualTo("370321106000");
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> close("2026-12-25", "2026-12-24", List.of()));

        assertThat(refused.key()).isEqualTo("service.point.closure.order");
    }

    @Test
    void aClosureOverlappingAnotherIsAConflict() {
        ServicePointClosure christmas = close("2026-12-24", "2026-12-25", List.of());

        DomainException refused = catchThrowableOfType(
                DomainException.class, () -> close("2026-12-25", "2026-12-28", List.of(christmas)));

        assertThat(refused.key()).isEqualTo("service.point.closure.overlap");
        assertThat(refused.kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(refused.arguments()).containsExactly("2026-12-24", "2026-12-25");
    }

    @Test
    void theDayAfterAnotherClosureIsFree() {
        ServicePointClosure christmas = close("2026-12-24", "2026-12-25", List.of());

        assertThat(close("2026-12-26", "2026-12-26", List.of(christmas)).firstDay())
                .isEqualTo(LocalDate.parse("2026-12-26"));
    }

    @Test
    void aClosureEndedLongAgoIsRefusedButLastWeekIsRecorded() {
        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> close("2026-10-01", "2026-10-07", List.of()));

        assertThat(refused.key()).isEqualTo("service.point.closure.past");
        assertThat(close("2026-11-24", "2026-11-24", List.of()).reason()).isEqualTo("大厅改造");
    }

    @Test
    void aClosureLongerThanAYearIsRefused() {
        DomainException refused =
                catchThrowableOfType(DomainException.class, () -> close("2027-01-01", "2028-01-02", List.of()));

        assertThat(refused.key()).isEqualTo("service.point.closure.too.long");
    }
}
