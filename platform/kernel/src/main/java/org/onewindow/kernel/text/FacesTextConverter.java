package org.onewindow.kernel.text;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.html.HtmlInputSecret;
import jakarta.faces.component.html.HtmlInputText;
import jakarta.faces.component.html.HtmlInputTextarea;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.util.Locale;
import org.onewindow.kernel.error.Messages;

/**
 * {@link TextRule} for every text typed into a Faces form, registered in the kernel's {@code faces-config.xml} as the
 * converter of {@code String}, so every input bound to a string passes it without a page naming it (PrimeFaces and
 * Mojarra both apply a converter registered for {@code String}; ADR 0011). What a field accepts comes from the
 * component: a text area may hold line breaks, a password is kept exactly, {@code maxlength} is the limit counted in
 * code points (the browser counts UTF-16 units, so 𠮷 fills two of its places but one here). A refusal is the
 * field's message, naming its label, in the view's language; the value never reaches the bean.
 */
public class FacesTextConverter implements Converter<String> {

    @Override
    public String getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null) {
            return null;
        }
        TextRule.Checked checked = TextRule.check(label(context, component), value, field(component));
        if (checked.problem() != null) {
            throw new ConverterException(message(context, checked.problem()));
        }
        // Spaces only mean nothing typed, as an empty field does (INTERPRET_EMPTY_STRING_SUBMITTED_VALUES_AS_NULL).
        return checked.text().isEmpty() ? null : checked.text();
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, String value) {
        return value == null ? "" : value;
    }

    /**
     * What {@code component} accepts: a password field exactly as typed, a text area several lines, a text field
     * one line, each up to its {@code maxlength}; any other input (a hidden field, a selection) is only refused for
     * characters no text may hold, never changed.
     */
    static TextField field(UIComponent component) {
        Object declared = component.getAttributes().get("maxlength");
        int max = declared instanceof Integer limit && limit > 0 && limit < Integer.MAX_VALUE ? limit : 0;
        if (component instanceof HtmlInputSecret
                || (component.getRendererType() != null
                        && component.getRendererType().endsWith("PasswordRenderer"))) {
            return TextField.secret(max > 0 ? max : TextField.LINE_MAX_LENGTH);
        }
        if (component instanceof HtmlInputTextarea) {
            return TextField.lines(max > 0 ? max : TextField.DOCUMENT_MAX_LENGTH);
        }
        if (component instanceof HtmlInputText) {
            return TextField.line(max > 0 ? max : TextField.FREE_MAX_LENGTH);
        }
        return new TextField(TextField.DOCUMENT_MAX_LENGTH, true, true);
    }

    /** The field as the page names it: its label (set by {@code p:outputLabel for}), else its id. */
    static String label(FacesContext context, UIComponent component) {
        Object label = component.getAttributes().get("label");
        return label != null && !label.toString().isBlank() ? label.toString() : component.getId();
    }

    static FacesMessage message(FacesContext context, TextProblem problem) {
        Locale locale =
                context.getViewRoot() == null ? null : context.getViewRoot().getLocale();
        String text = Messages.format(locale, problem.key(), problem.arguments().toArray());
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text);
    }
}
