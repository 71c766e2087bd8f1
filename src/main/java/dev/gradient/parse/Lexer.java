package dev.gradient.parse;

import dev.gradient.error.ErrorCode;
import dev.gradient.error.GradientException;
import dev.gradient.error.Origin;
import java.util.ArrayList;
import java.util.List;

/** Splits an expression into tokens; a character that starts no token is a {@code SYNTAX} error at its position. */
final class Lexer {

    private static final List<String> OPERATORS = List.of(
            "**", "<=", ">=", "==", "!=", "<", ">", "+", "-", "*", "/", "@", "^", "(", ")", "[", "]", ",", ":", "=");

    private Lexer() {
    }

    static List<Token> tokens(String text, String pointer) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isAsciiDigit(c) || (c == '.' && i + 1 < text.length() && isAsciiDigit(text.charAt(i + 1)))) {
                int end = numberEnd(text, i);
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) && c < 128 || c == '_') {
                int end = i + 1;
                while (end < text.length() && (isAsciiLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Token.Kind.NAME, text.substring(i, end), i));
                i = end;
            } else {
                String op = operatorAt(text, i);
                if (op == null) {
                    throw new GradientException(ErrorCode.SYNTAX, "unexpected character '" + c + "' at position " + i,
                            new Origin(pointer, i));
                }
                tokens.add(new Token(Token.Kind.OPERATOR, op, i));
                i += op.length();
            }
        }
        tokens.add(new Token(Token.Kind.END, "", text.length()));
        return tokens;
    }

    /**
     * ASCII only: {@link Character#isDigit} also accepts digits such as Arabic-Indic or
     * fullwidth ones, which {@link Double#parseDouble} rejects (a fuzz finding).
     */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static int numberEnd(String text, int start) {
        int i = start;
        while (i < text.length() && isAsciiDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && isAsciiDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && isAsciiDigit(text.charAt(j))) {
                while (j < text.length() && isAsciiDigit(text.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    private static String operatorAt(String text, int i) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }
}
