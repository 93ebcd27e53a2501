package org.onewindow.kernel.tenant.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;
import org.onewindow.kernel.error.DomainException;

/**
 * A service point closed on given days (停止对外服务: a renovation, a power cut), with the reason the public reads.
 * Its windows take nothing in on those days and the service guide says so; the legal clock of cases already taken in
 * does not stop, since the back office keeps working (docs/adr/0017).
 */
@Entity
@Table(name = "service_point_closure")
public class ServicePointClosure extends TenantOwned {

    /** How far back a closure may still be recorded (an unplanned closure entered afterwards), in days. */
    public static final int PAST_LIMIT_DAYS = 30;

    /** The longest closure, in days: a point closed longer is rather retired or moved. */
    public static final int MAX_LENGTH_DAYS = 366;

    public static final int REASON_MAX_LENGTH = 200;

    @Id
    private UUID id;

    @Column(name = "service_point_id", nullable = false, updatable = false)
    private UUID servicePointId;

    @Column(name = "first_day", nullable = false, updatable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false, updatable = false)
    private LocalDate lastDay;

    @Column(nullable = false, updatable = false)
    private String reason;

    protected ServicePointClosure() {}

    /**
     * A closure of {@code point} from {@code firstDay} to {@code lastDay}, both included, checked against the point's
     * other closures and today.
     *
     * @throws DomainException 400 {@code service.point.closure.required} without days or reason, {@code
     *     service.point.closure.order} when the last day is before the first, {@code service.point.closure.past} when
     *     it ended more than {@value #PAST_LIMIT_DAYS} days ago, {@code service.point.closure.too.long} beyond {@value
     *     #MAX_LENGTH_DAYS} days; 409 {@code service.point.closure.overlap} when it shares a day with another closure
     */
    public static ServicePointClosure of(
            ServicePoint point,
            LocalDate firstDay,
            LocalDate lastDay,
            String reason,
            LocalDate today,
            Collection<ServicePointClosure> existing) {
        if (firstDay == null || lastDay == null || reason == null || reason.isBlank()) {
            throw new DomainException("service.point.closure.required");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new DomainException("service.point.closure.order", firstDay.toString(), lastDay.toString());
        }
        if (lastDay.isBefore(today.minusDays(PAST_LIMIT_DAYS))) {
            throw new DomainException("service.point.closure.past", PAST_LIMIT_DAYS);
        }
        if (ChronoUnit.DAYS.between(firstDay, lastDay) + 1 > MAX_LENGTH_DAYS) {
            throw new DomainException("service.point.closure.too.long", MAX_LENGTH_DAYS);
        }
        for (ServicePointClosure other : existing) {
            if (!firstDay.isAfter(other.lastDay) && !lastDay.isBefore(other.firstDay)) {
                throw DomainException.conflict(
                        "service.point.closure.overlap", other.firstDay.toString(), other.lastDay.toString());
            }
        }
        return new ServicePointClosure(point, firstDay, lastDay, reason);
    }

    private ServicePointClosure(ServicePoint point, LocalDate firstDay, LocalDate lastDay, String reason) {
        super(point.tenantCode());
        this.id = UUID.randomUUID();
        this.servicePointId = point.id();
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.reason = reason;
    }

    public UUID id() {
        return id;
    }

    public UUID servicePointId() {
        return servicePointId;
    }

    public LocalDate firstDay() {
        return firstDay;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public String reason() {
        return reason;
    }

    /** Whether the point is closed on {@code day}. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
