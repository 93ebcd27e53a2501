package org.onewindow.kernel.text;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * The net under {@link FacesTextConverter}: a default validator of every input (kernel {@code faces-config.xml}), so
 * a string that reached an input without the converter (a value typed {@code Object}, an input with a converter of
 * its own) is still refused when {@link TextRule} refuses it. It only refuses; cleaning is the converter's.
 */
public class FacesTextValidator implements Validator<Object> {

    public static final String ID = "org.onewindow.Text";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value instanceof String text) {
            TextField field = FacesTextConverter.field(component);
            TextRule.Checked checked = TextRule.check(
                    FacesTextConverter.label(context, component),
                    text,
                    new TextField(field.maxLength(), field.multiLine(), true));
            if (checked.problem() != null) {
                throw new ValidatorException(FacesTextConverter.message(context, checked.problem()));
            }
        }
    }
}
