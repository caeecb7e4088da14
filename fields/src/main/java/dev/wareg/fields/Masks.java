package dev.wareg.fields;

/** Ways to show a value without revealing it, for logs and anywhere the whole value is not needed. */
final class Masks {

    private Masks() {
    }

    /** "Maria da Silva" -> "M*** d* S****". */
    static String initials(String value) {
        var masked = new StringBuilder(value.length());
        boolean wordStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c)) {
                masked.append(c);
                wordStart = true;
            } else {
                masked.append(wordStart ? c : '*');
                wordStart = false;
            }
        }
        return masked.toString();
    }

    /** "maria@example.com" -> "m***@example.com". */
    static String emailLocalPart(String value) {
        int at = value.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return value.charAt(0) + "***" + value.substring(at);
    }

    /** "+5511987654321" -> "+55*******4321". */
    static String lastDigits(String value) {
        if (value.length() <= 6) {
            return "***";
        }
        return value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
    }

    /** "12345678909" -> "***.456.789-**": the middle digits, the way Brazilian public portals publish a CPF. */
    static String cpf(String value) {
        if (value.length() != 11) {
            return "***";
        }
        return "***." + value.substring(3, 6) + "." + value.substring(6, 9) + "-**";
    }

    /** "01310-100" -> "01310-***": the region, sector and subsector, not the street. */
    static String postalCodePrefix(String value) {
        if (value.length() != 9 || value.charAt(5) != '-') {
            return "***";
        }
        return value.substring(0, 6) + "***";
    }

    /** "1990-05-12" -> "1990-**-**". */
    static String birthYear(String value) {
        if (value.length() != 10 || value.charAt(4) != '-') {
            return "***";
        }
        return value.substring(0, 5) + "**-**";
    }

    /** Anything -> "***", hiding even the length: for parts of an address that would locate a person. */
    static String hidden(String value) {
        return "***";
    }
}
