package dev.wareg.bench.turns;

import java.util.List;

/**
 * The conversations the load is made of, as real people have them in pt-BR and English: a new number registers,
 * then changes its e-mail with a correction before confirming, then its name; each step says what the person
 * writes and a piece of the reply that ends their wait ({@link Step#expect}). A {@code %d} in a message becomes a
 * number of the conversation's own, so that no two people store the same e-mail.
 */
final class Scripts {

    /** @param applied whether the awaited reply comes only once the change is applied (the worker's outcome) */
    record Step(String say, String expect, boolean applied) {
        String text(long person) {
            return say.formatted(person);
        }
    }

    static final List<Step> PT_BR = List.of(
            new Step("oi", "Quer se cadastrar agora?", false),
            new Step("sim", "nome completo", false),
            new Step("Maria da Silva", "e-mail", false),
            new Step("maria.%d@exemplo.com.br", "Posso salvar?", false),
            new Step("Confirmar", "cadastro foi criado", true),
            new Step("quero mudar meu email", "e-mail", false),
            new Step("maria.nova.%d@gmail.com", "Posso salvar?", false),
            new Step("nao, é maria.silva.%d@gmail.com", "Posso salvar?", false),
            new Step("sim", "atualizad", true),
            new Step("meu nome ta errado, é Maria Souza da Silva", "Posso salvar?", false),
            new Step("isso", "atualizad", true));

    static final List<Step> EN = List.of(
            new Step("hi", "register now?", false),
            new Step("yes", "full name", false),
            new Step("John Smith", "e-mail", false),
            new Step("john.%d@example.com", "save", false),
            new Step("Confirm", "created", true),
            new Step("I want to change my email", "e-mail", false),
            new Step("john.new.%d@example.com", "save", false),
            new Step("yes", "updated", true));

    private Scripts() {
    }

    /** Four in five people write in pt-BR, as the bot's own default assumes. */
    static List<Step> forPerson(long person) {
        return person % 5 == 4 ? EN : PT_BR;
    }
}
