package org.onewindow.process.domain;

import org.onewindow.kernel.error.DomainException;

/**
 * The expressions a template may contain ({@code ${…}} and {@code #{…}}): process variables, a list element by
 * number ({@code reviewGroups[0]}), literals, comparisons, logic and the conditional {@code ? :}. A tokenizer, not a pattern: a {@code '}'} inside
 * a string does not end the expression, and anything that could reach a method or a property (a dot, a parenthesis,
 * a name in brackets) is refused.
 */
final class TemplateExpressions {

    private TemplateExpressions() {}

    /** Checks every expression in a decoded attribute value or element text. */
    static void check(String text) {
        int at = 0;
        while (true) {
            int dollar = text.indexOf("${", at);
            int hash = text.indexOf("#{", at);
            int start = dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
            if (start < 0) {
                return;
            }
            at = body(text, start);
        }
    }

    /** Reads one expression from {@code start}; answers the position after its closing brace. */
    private static int body(String text, int start) {
        int i = start + 2;
        char previous = ' ';
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '}') {
                return i + 1;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int next;
            if (Character.isLetter(c) || c == '_') {
                next = i + 1;
                while (next < text.length()
                        && (Character.isLetterOrDigit(text.charAt(next)) || text.charAt(next) == '_')) {
                    next++;
                }
                previous = 'a';
            } else if (Character.isDigit(c)) {
                next = i + 1;
                while (next < text.length() && Character.isDigit(text.charAt(next))) {
                    next++;
                }
                previous = '0';
            } else if (c == '\'' || c == '"') {
                next = closingQuote(text, start, i);
                previous = '\'';
            } else if (c == '[' && (previous == 'a' || previous == ']')) {
                next = index(text, start, i);
                previous = ']';
            } else if (operator(text, i) > 0) {
                next = i + operator(text, i);
                previous = ' ';
            } else {
                throw refused(text, start);
            }
            i = next;
        }
        throw refused(text, start);
    }

    /** ==, !=, <=, >=, <, >, &&, ||, !, and the conditional ? : : the length of the operator at {@code i}, or 0. */
    private static int operator(String text, int i) {
        String two = text.substring(i, Math.min(text.length(), i + 2));
        if (two.equals("==")
                || two.equals("!=")
                || two.equals("<=")
                || two.equals(">=")
                || two.equals("&&")
                || two.equals("||")) {
            return 2;
        }
        char c = text.charAt(i);
        return c == '<' || c == '>' || c == '!' || c == '?' || c == ':' ? 1 : 0;
    }

    private static int closingQuote(String text, int start, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw refused(text, start);
    }

    /** {@code [digits]} only: a name or a string in brackets would read a property, i.e. call a getter. */
    private static int index(String text, int start, int open) {
        int i = open + 1;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int digits = i;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            i++;
        }
        boolean number = i > digits;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        if (!number || i >= text.length() || text.charAt(i) != ']') {
            throw refused(text, start);
        }
        return i + 1;
    }

    private static DomainException refused(String text, int start) {
        int end = text.indexOf('}', start);
        String shown = end < 0 ? text.substring(start) : text.substring(start, end + 1);
        return new DomainException(
                "process.template.expression", shown.length() > 120 ? shown.substring(0, 120) + "…" : shown);
    }
}
