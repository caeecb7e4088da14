package dev.wareg.chat.interpretation;

import static dev.wareg.chat.interpretation.IntentCues.*;
import static dev.wareg.chat.interpretation.Vocabulary.*;

import java.util.List;
import java.util.Set;

/**
 * The intent rules: which intent the keywords and phrases of the lexicon name, or none. Order matters: the first
 * rule that holds wins. What each rule looks for is in {@link IntentCues}.
 */
final class IntentRules {

    private IntentRules() {
    }

    /**
     * Whether what is left without the words of thanks is a plain yes: "sim", "isso", "pode salvar". A weak one ("ok",
     * "beleza", "certo") beside thanks is a thanks: "ok, obrigado" closes a conversation more often than it confirms.
     */
    /** Words that go with a thanks: "muito obrigada", "thanks so much", "sim e obrigado". */
    private static final Set<String> AROUND_THANKS = Set.of("muito", "mesmo", "e", "and", "so", "very", "much", "a", "lot",
            "lots", "please");

    private static boolean yesBesideThanks(Words words) {
        return yesBesideThanks(words, false);
    }

    /**
     * @param weakCounts whether a weak yes counts ("perfeito, obrigada", "blz, obg"): it does where a yes or no was
     *                   asked, as at a confirmation, where a thanks alone answers nothing
     */
    static boolean yesBesideThanks(Words words, boolean weakCounts) {
        // Without the thanks around it too: "sim, pode salvar. Muito obrigada pela atenção."
        List<String> said = Words.of(Normaliser.words(Courtesy.withoutCourtesy(words.text()))).canonical();
        List<String> rest = said.stream().filter(word -> !THANKS.contains(word) && !AROUND_THANKS.contains(word)).toList();
        if (rest.isEmpty() || !weakCounts && rest.stream().allMatch(AFFIRM_WEAK::contains)) {
            return false;
        }
        return rest.stream().allMatch(word -> AFFIRM.contains(word) || weakCounts && AFFIRM_WEAK.contains(word))
                || AFFIRM_PHRASE.matcher(String.join(" ", rest)).matches()
                // "sim, pode excluir. obrigada": a yes opens a short answer
                || rest.size() <= 3 && STRONG_YES.contains(rest.getFirst()) && !rest.contains("mas") && !rest.contains("but");
    }

    static Reading intent(Words words, boolean namesAField, boolean question, boolean hasValues) {
        int negation = words.size() > 0 && DENY_FIRST.contains(words.canonical().getFirst()) ? 0
                : words.indexOf(DENY, true);
        if (negation > 0 && SPELLED_AFTER.contains(words.raw().get(negation - 1)) || negation >= 0
                && houseNumberAfter(words, negation)) {
            negation = -1; // "Ana Lima, com dois n": a letter; "Rua das Palmeiras n 45": the number's short word
        }
        int update = words.indexOf(UPDATE, true);
        int delete = words.indexOf(DELETE, true);
        int size = words.size();
        String text = words.text();
        boolean offTopic = words.contains(OFF_TOPIC);
        boolean showPhrase = SHOW_PHRASE.in(words); // "não sei o que tá salvo": not knowing what is stored
        if (size <= 12 && words.anyOf(HELP_PHRASE_CUES) && HELP_PHRASE.matcher(text).find() && !showPhrase) {
            return new Reading(Intent.HELP, 0.85);
        }
        // "o que é CEP?", "is CPF mandatory?", "pq tá pedindo isso?": about the field (or the one asked), not its
        // value, nor a question about one's own
        if ((namesAField || question && text.contains("format") || words.anyOf(THIS) && !offTopic) && !hasValues
                && size <= 20 && FIELD_QUESTION.in(words) && !asksAboutOwn(words)) {
            return new Reading(Intent.HELP, 0.8);
        }
        if (size <= 6 && UNSURE_PHRASE.matcher(text).find() && !HELP_QUESTION.matcher(text).find()) {
            return null;
        }
        if (size <= 5 && CORRECT_AS_YES.matcher(text).find()) {
            return new Reading(Intent.AFFIRM, 0.85);
        }
        // "apagar meu cadastro" is an erasure; "remover o complemento do cadastro" is an update of one field.
        // "não quero mais que tenham meus dados" is no negation of the erasure it asks for.
        boolean noLonger = text.contains(" mais ") || text.contains("longer") || text.contains("anymore");
        if (delete >= 0 && delete + 1 < size && FORGET.contains(words.canonical().get(delete))
                && FORGET_IT.contains(words.canonical().get(delete + 1))) {
            delete = -1; // "forget it, this is too complicated for me": giving up, not an erasure
        }
        boolean wholeErased = delete >= 0 && (!namesAField || erasesTheWhole(words, delete) || words.contains(DELETE_FROM)
                || ALL_MY_DATA.matcher(text).find());
        // "não quero dar cpf nenhum, apaga tudo": a no about something else, some words before the erasure
        if (wholeErased && words.contains(DELETE_WHAT)
                && (negation < 0 || negation > delete || noLonger || delete - negation >= 4)) {
            return Reading.of(Intent.DELETE_MY_DATA, words, DELETE, 0.9);
        }
        // "cancelar meu cadastro", "close my account": closing one's own account is an erasure, which the chat
        // confirms before anything happens; "cancelar o cadastro" may be leaving the registration under way.
        int close = words.indexOf(CLOSE_ACCOUNT, true);
        if (!namesAField && close >= 0 && words.contains(CLOSE_ACCOUNT_WHAT) && words.contains(POSSESSIVE)
                && (negation < 0 || negation > close)) { // "... de vez, não quero mais ser cliente"
            return new Reading(Intent.DELETE_MY_DATA, 0.85);
        }
        if (size <= 25 && question && !offTopic && BOT_QUESTION.in(words) && !words.anyOf(ASKS_FOR_SOMEONE)) {
            return new Reading(Intent.HELP, 0.8); // "e vc é uma pessoa? não to entendendo como isso funciona"
        }
        boolean person = words.anyOf(HUMAN_CUES) && HUMAN_PHRASE.matcher(text).find();
        if (person && size <= 35 && delete < 0) {
            return new Reading(Intent.HUMAN, 0.9);
        }
        boolean correctionPhrase = words.anyOf(CORRECTION_CUES) && CORRECTION_PHRASE.matcher(text).find();
        boolean signsUp = registers(words) || REGISTER_PHRASE.in(words)
                || size <= 2 && REGISTER_ALONE.matcher(text).matches();
        if (words.contains(HUMAN) && !words.contains(CANCEL) && !correctionPhrase && !signsUp && size <= 14 && delete < 0
                && words.indexOf(REGISTER, true) < 0 && !offTopic) { // not "my pix transfer is stuck"
            return Reading.of(Intent.HUMAN, words, HUMAN, 0.9);
        }
        // "quero ver o que tá cadastrado antes de mudar", "before I change anything, show me what you have"
        if (SHOW_BEFORE_CHANGE.in(words) && words.canonical().stream().anyMatch(SEE::contains)) {
            return new Reading(Intent.SHOW_MY_DATA, 0.85);
        }
        int erasure = DELETE_PHRASE.start(words);
        if (erasure >= 0 && !negatedBefore(text, erasure)) {
            return new Reading(Intent.DELETE_MY_DATA, 0.85);
        }
        if (size <= 2 && DENY_ALONE.matcher(text).matches()) {
            return new Reading(Intent.DENY, 0.85); // "nem": a no, though "nem sei" is not
        }
        if (size <= 3 && CANCEL_ALONE.matcher(text).matches()) {
            return new Reading(Intent.CANCEL, 0.85); // "para", "pare": a stop, though a word in a sentence
        }
        if (words.contains(CANCEL) && !offTopic) { // not "quero cancelar minha assinatura do plano"
            return Reading.of(Intent.CANCEL, words, CANCEL, 0.95);
        }
        if (words.anyOf(CANCEL_CUES) && (size <= 12 && CANCEL_PHRASE.matcher(text).find()
                || CANCEL_PHRASE.matcher(text).lookingAt())) { // "nevermind, I'll do it at the front desk when …"
            return new Reading(Intent.CANCEL, 0.9);
        }
        if (!offTopic && !question && delete < 0 && (namesAField || hasValues) && REPLACES_OLD.in(words)) {
            return new Reading(Intent.UPDATE, 0.85); // "o emeil que vcs tem é antigo, o novo é ..."
        }
        // "não sei mexer muito bem nesse aplicativo, poderiam me orientar?": however long, unless it asks for more
        if (size <= 25 && !hasValues && update < 0 && delete < 0 && !offTopic && HELP_CONFUSION.in(words) && !showPhrase) {
            return new Reading(Intent.HELP, 0.85);
        }
        if (namesAField && delete >= 0 && update < 0) {
            update = delete;
        }
        if (size <= 8 && words.anyOf(DENY_CUES) && DENY_PHRASE.matcher(text).find()) {
            return new Reading(Intent.DENY, 0.9);
        }
        // "agora é apto 121, o resto continua igual": the value of the part asked, and the other parts kept.
        boolean restStays = hasValues && REST_STAYS.matcher(text).find();
        if (!restStays && (size <= 10 && !hasValues && words.anyOf(KEEP_CUES) && KEEP_PHRASE.matcher(text).find()
                && !words.contains(UPDATE_ONLY) // "n quero informar cpf, só o endereço": the address to change
                || size <= 3 && KEEP_ALONE.matcher(text).matches()
                || size <= 6 && words.indexOf(KEEP, true) >= 0 && update < 0)) {
            return new Reading(Intent.KEEP, 0.85);
        }
        // "sim, pode corrigir", "está tudo correto, pode confirmar", "correct": a yes, though a word in it corrects.
        if (size <= 8 && !offTopic && negation < 0 && AFFIRM_PHRASE.matcher(text).matches()) {
            return new Reading(Intent.AFFIRM, 0.85);
        }
        if (!hasValues && PRESSED_WRONG.in(words)) {
            return new Reading(Intent.BACK, 0.85); // "pode voltar? apertei errado": the finger slipped, no value did
        }
        boolean corrects = words.indexOf(CORRECT, false) >= 0 || misspeltLongCorrection(words)
                || words.canonical().contains("correcao")
                || words.canonical().contains("correction") || correctionPhrase || meant(words, negation);
        if (negation == 0 && corrects && !namesAField && !hasValues && size <= 6 && STATED_WRONG.matcher(text).find()
                && !CORRECTION_PHRASE.matcher(STATED_WRONG.matcher(text).replaceAll("")).find()) {
            return new Reading(Intent.DENY, 0.85); // "não, não, tá errado isso": a no, with nothing to put right yet
        }
        boolean storedWrong = !hasValues && STORED_WRONG.in(words);
        if (corrects && storedWrong && !offTopic && namesAField) {
            return new Reading(Intent.UPDATE, 0.85); // "meu nome tá escrito errado no cadastro"
        }
        if (corrects && !offTopic && (update < 0 || words.canonical().get(update).startsWith("corrig")
                || words.canonical().get(update).equals("fix")) && !(size <= 3 && words.contains(AFFIRM) && !words.text().contains("corrig"))) {
            return new Reading(Intent.CORRECT, 0.85);
        }
        if (size <= 10 && words.contains(BACK) && (update < 0 || BACK.contains(words.canonical().getFirst())) && !offTopic) {
            return Reading.of(Intent.BACK, words, BACK, 0.9);
        }
        if (negation >= 0 && (update > negation || delete > negation) && !ownBefore(words, negation) && !offTopic) {
            return new Reading(Intent.DENY, 0.85);
        }
        if (signsUp && !namesAField && (!offTopic || REGISTER_PHRASE.in(words))) { // "solicitar meu cadastro na loja"
            return new Reading(Intent.REGISTER, 0.85); // "how do I sign up? just moved here": not a move
        }
        if (update >= 0 && offTopic && !namesAField) {
            return null; // "quero trocar o produto": a change of something else
        }
        if (update >= 0) {
            // "errei, quero mudar o email" corrects; "dá pra mudar a data? tá errada" changes what is stored
            boolean corrected = CORRECTION_PHRASE.matcher(STATED_WRONG.matcher(text).replaceAll("")).find();
            return Reading.of(corrected && !storedWrong ? Intent.CORRECT : Intent.UPDATE, words, UPDATE, 0.9);
        }
        if (!offTopic && !hasValues && !question && UPDATE_PHRASE.in(words)) {
            return new Reading(Intent.UPDATE, 0.85);
        }
        if ((words.indexOf(REGISTER, true) >= 0 || signsUp) && !offTopic) { // not "parcelar a conta atrasada"
            return Reading.of(Intent.REGISTER, words, REGISTER, 0.9);
        }
        // not "tem que pagar?"; "quero conferir meus dados antes de fazer a compra" asks to see, whatever the topic
        if ((!offTopic || SHOW_OWN_DATA.in(words))
                && (shows(words) && !HELP_QUESTION.matcher(text).find() || !hasValues && namesAField && asksAboutOwn(words))) {
            return new Reading(Intent.SHOW_MY_DATA, 0.85);
        }
        if (size <= 8 && (words.contains(GOODBYE) || GOODBYE_PHRASE.matcher(text).find())
                || size == 1 && GOODBYE_ALONE.matcher(text).matches()) {
            return Reading.of(Intent.GOODBYE, words, GOODBYE, 0.9);
        }
        List<String> greeting = text.startsWith("e ai") ? words.canonical().subList(1, size) : words.canonical();
        if (size > 0 && size <= 14 && (GREET.contains(greeting.getFirst()) || greeting.getFirst().equals("ai"))
                && greeting.stream().allMatch(word -> GREET.contains(word) || GREET_FILLER.contains(word))) {
            return new Reading(Intent.GREET, 0.95); // "e aí, tchê", "bom diaaa 🌹 Deus abençoe", "bom dia sr. tudo em paz?"
        }
        if (size <= 10 && words.contains(THANKS) && negation < 0 && !question && !offTopic && yesBesideThanks(words)) {
            return new Reading(Intent.AFFIRM, 0.85); // "sim, obrigada!", "ok pode salvar obg": the yes is the answer
        }
        if (size <= 10 && !question && words.contains(THANKS) && THANKS_FOR.matcher(text).find()) {
            return new Reading(Intent.THANKS, 0.9); // "thanks for the help": a thanks, not a request for help
        }
        if (size <= 12 && !question && THANKS_PHRASE.in(words)) {
            return new Reading(Intent.THANKS, 0.85); // "Deus lhe pague", "you've been very patient"
        }
        boolean elsewhere = offTopic || helpWithSomethingElse(text);
        if (!elsewhere && size <= 10 && words.anyOf(HELP_QUESTION_CUES) && HELP_QUESTION.matcher(text).find()) {
            return new Reading(Intent.HELP, 0.85);
        }
        boolean asksHelp = words.raw().contains("help") || words.raw().contains("ajuda");
        if (!elsewhere && words.contains(HELP) && (size <= 10 || asksHelp) && (asksHelp || !words.contains(THANKS))) {
            return Reading.of(Intent.HELP, words, HELP, 0.85);
        }
        if (size <= 8 && words.contains(THANKS) && negation != 0 && !question && !offTopic) {
            return Reading.of(Intent.THANKS, words, THANKS, 0.9);
        }
        if (negation >= 0 && (negation == 0 || size <= 6 && !ownBefore(words, negation)) && size <= 10 && !offTopic) {
            return new Reading(Intent.DENY, size <= 2 ? 0.95 : 0.8);
        }
        // "oi, aqui é a filha da dona Raimunda", "bom dia, sou técnica de enfermagem e...", "finalmente alguém responde
        // kkkk oi": a hello and who is writing, what they want still to come
        if (!question && !offTopic && !hasValues && size <= 20 && size > 1
                && (GREET.contains(greeting.getFirst()) && INTRODUCTION.in(words) || size <= 8 && greetingLast(words.raw()))) {
            return new Reading(Intent.GREET, 0.75);
        }
        if (question && size <= 4 && HOW_ARE_YOU.matcher(text).matches()) {
            return new Reading(Intent.GREET, 0.85); // "tudo bem?": small talk, not a yes
        }
        if (size <= 5 && !offTopic && !(question && size > 1)
                && (words.contains(AFFIRM) && (affirmAtAnEdge(words) || !ownBefore(words, size))
                || words.text().equals("thats it"))) {
            return new Reading(Intent.AFFIRM, size <= 2 ? 0.95 : 0.8);
        }
        return null;
    }
}
