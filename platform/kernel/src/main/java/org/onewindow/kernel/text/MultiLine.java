package org.onewindow.kernel.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field of a request record that may hold tab and line breaks (a note, a reason, an answer given at the
 * window); every other declared text is one line ({@link TextRule}). Its limit is the component's
 * {@code @Schema(maxLength = …)}, as for any text field.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface MultiLine {}
