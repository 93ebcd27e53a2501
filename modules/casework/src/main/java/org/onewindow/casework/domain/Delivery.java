package org.onewindow.casework.domain;

import java.util.UUID;

/**
 * How the result reaches the applicant (统一出件): it waits at a service point's window (the one that took the case in,
 * or one the applicant chose), or it goes by free post (免费邮寄) with a tracking number.
 */
public sealed interface Delivery {

    /**
     * @param servicePointId the service point's id, which a removal of the point counts by (a renamed point keeps it);
     *     {@code null} for a case held at its division before its intake point was recorded
     * @param servicePoint the service point where it waits, as printed
     * @throws org.onewindow.kernel.error.DomainException {@code casework.delivery.point.required}
     */
    record AtWindow(UUID servicePointId, String servicePoint) implements Delivery {
        public AtWindow {
            servicePoint = Texts.required(servicePoint, "casework.delivery.point.required");
        }
    }

    /**
     * @param recipient who receives it
     * @param address the postal address
     * @param phone the recipient's phone for the courier; may be {@code null}
     * @param trackingNumber the post's tracking number (运单号)
     * @throws org.onewindow.kernel.error.DomainException {@code casework.post.recipient.required},
     *     {@code casework.post.address.required}, {@code casework.post.tracking.required}
     */
    record ByPost(String recipient, String address, String phone, String trackingNumber) implements Delivery {
        public ByPost {
            recipient = Texts.required(recipient, "casework.post.recipient.required");
            address = Texts.required(address, "casework.post.address.required");
            phone = Texts.optional(phone);
            trackingNumber = Texts.required(trackingNumber, "casework.post.tracking.required");
        }

        @Override
        public String toString() {
            return "ByPost[" + trackingNumber + "]";
        }
    }
}
