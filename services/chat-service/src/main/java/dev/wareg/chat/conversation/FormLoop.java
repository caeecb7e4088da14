package dev.wareg.chat.conversation;

import dev.wareg.chat.interpretation.Answers;
import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.chat.interpretation.NoneAnswers;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.fields.Field;
import dev.wareg.fields.Validation;
import dev.wareg.platform.defaults.IdGenerator;
import java.time.Clock;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The generic form loop: decides, for one interpreted message, what the conversation does next. It asks for the
 * fields the person wants to set (declared in {@link FormSchema}), validates each with the field's own validator,
 * takes several values from one message, lets the person keep, skip, go back and correct, shows old -> new and
 * asks for confirmation. It never names a particular field: prompts, labels and error messages come from each
 * field's message keys.
 */
@Component
class FormLoop {

    /** The value collected for an optional part the person says does not exist: the request removes it. */
    static final String CLEARED = "";

    /** A date in numbers only: two parts of one or two digits, then the year. */
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})\\b");
    private static final String ENGLISH = "en";
    /** How sure a reading of a question as off-topic must be for the bot to say it only deals with registrations. */
    private static final double OFF_TOPIC_CONFIDENCE = 0.65;
    private static final Pattern LETTERS = Pattern.compile("\\p{L}{2,}");

    /** After this many invalid answers to one field in a row, the reply explains the format with an example. */
    static final int FAILURES_BEFORE_EXAMPLE = 3;

    private final AccountDirectory accounts;
    private final Erasures erasures;
    private final Handoffs handoffs;
    private final ContactProofs proofs;
    private final FormSchema schema;
    private final Phrasebook phrasebook;
    private final IdGenerator ids;
    private final Clock clock;
    private final OutOfTurnValues outOfTurn;

    FormLoop(AccountDirectory accounts, Erasures erasures, Handoffs handoffs, ContactProofs proofs, FormSchema schema,
            Phrasebook phrasebook, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.erasures = erasures;
        this.handoffs = handoffs;
        this.proofs = proofs;
        this.schema = schema;
        this.phrasebook = phrasebook;
        this.ids = ids;
        this.clock = clock;
        this.outOfTurn = new OutOfTurnValues(schema);
    }

    /**
     * @param returning the person comes back after a pause: a form left half-way is offered to be resumed
     */
    Turn handle(Conversation conversation, String text, Interpretation meaning, boolean returning) {
        try {
            if (returning && meaning.intent() != Intent.CANCEL && isHalfWay(conversation)) {
                Conversation paused = conversation.pausedIn(conversation.stage());
                return Turn.of(paused, yesNo(paused, "resume.ask", topicsInForm(paused)));
            }
            return switch (meaning.intent()) {
                case CANCEL -> cancel(conversation);
                case HELP -> help(conversation);
                case HUMAN -> handoff(conversation);
                case DELETE_MY_DATA -> conversation.stage() == Stage.CONFIRMING_ERASURE
                        ? erasures.confirming(conversation, meaning) : erasures.ask(conversation);
                case SHOW_MY_DATA -> showData(conversation);
                // Asked to confirm an erasure, anything but a yes keeps the data, and the question says so again.
                case OUT_OF_SCOPE -> offTopic(text, meaning) && conversation.stage() != Stage.CONFIRMING_ERASURE
                        ? answerOffTopic(conversation)
                        : advance(conversation, text, meaning);
                default -> advance(conversation, text, meaning);
            };
        } catch (AccountDirectory.AccountDirectoryUnavailable e) {
            return Turn.of(conversation, say(conversation, "accounts.unavailable"));
        }
    }

    /**
     * A shared location: a map pin, with the place's address when a place was picked. Where the form asks a field a
     * location answers (declared in {@link FormSchema}), the address is taken like a typed one: each value by its
     * field's validator, for the fields still to ask, then the form goes on as after any answer (what the location
     * lacks, then old -> new to confirm, where the person can still correct it). A pin without a readable address
     * keeps the question and asks for the address in words. At the start, a known person's location starts an
     * update of what it answers; anywhere else it is not the answer, and the question is asked again.
     *
     * <p>A returning person is not asked whether to resume first: a location answers, it starts nothing new.
     *
     * @param address the values the location's written address gives, by field name, in the order it writes them;
     *                empty for a bare pin
     */
    Turn handleLocation(Conversation conversation, Map<String, String> address) {
        try {
            return switch (conversation.stage()) {
                case IDLE, CHOOSING_FIELD -> startFromLocation(conversation, address);
                case COLLECTING, CONFIRMING -> takesLocation(conversation) ? fromLocation(conversation, address)
                        : notAsked(conversation);
                case RESUMING -> takesLocation(conversation.resumed())
                        ? fromLocation(conversation.resumed(), address) : notAsked(conversation);
                case OFFERED_REGISTRATION, CONFIRMING_ERASURE, PROVING -> notAsked(conversation);
                case APPLYING -> Turn.of(conversation, say(conversation, "applying.wait"));
                case ERASING -> Turn.of(conversation, say(conversation, "erasure.wait"));
            };
        } catch (AccountDirectory.AccountDirectoryUnavailable e) {
            return Turn.of(conversation, say(conversation, "accounts.unavailable"));
        }
    }

    private Turn advance(Conversation conversation, String text, Interpretation meaning) {
        return switch (conversation.stage()) {
            case IDLE -> idle(conversation, meaning);
            case OFFERED_REGISTRATION -> offeredRegistration(conversation, meaning);
            case CHOOSING_FIELD -> choosingField(conversation, meaning);
            case COLLECTING -> collecting(conversation, text, meaning);
            case CONFIRMING -> confirming(conversation, text, meaning);
            // The code may have gone to a mistyped address: a correction re-opens the change, no code is awaited.
            case PROVING -> corrects(meaning) ? confirming(conversation.withoutProof(), text, meaning)
                    : proofs.answer(conversation, text, meaning, this::apply);
            case APPLYING -> Turn.of(conversation, say(conversation, "applying.wait"));
            case RESUMING -> resuming(conversation, text, meaning);
            case CONFIRMING_ERASURE -> erasures.confirming(conversation, meaning);
            case ERASING -> Turn.of(conversation, say(conversation, "erasure.wait"));
        };
    }

    // --- Starting ---

    private Turn idle(Conversation conversation, Interpretation meaning) {
        Optional<AccountSnapshot> account = account(conversation);
        if (account.isEmpty()) {
            return switch (meaning.intent()) {
                case REGISTER, AFFIRM -> startRegistration(conversation, meaning);
                case THANKS -> Turn.of(conversation, say(conversation, "thanks"));
                case GOODBYE -> Turn.of(conversation, say(conversation, "goodbye"));
                default -> Turn.of(conversation.offeringRegistration(), yesNo(conversation, "greeting.unknown"));
            };
        }
        if (meaning.intent() == Intent.THANKS || meaning.intent() == Intent.GOODBYE) {
            return Turn.of(conversation, say(conversation, meaning.intent() == Intent.THANKS ? "thanks" : "goodbye"));
        }
        boolean wantsChange = meaning.intent() == Intent.UPDATE || meaning.intent() == Intent.CORRECT;
        if (wantsChange && meaning.everything()) {
            return startReview(conversation, account.get());
        }
        List<String> fields = targets(meaning);
        if (!fields.isEmpty() && meaning.intent() != Intent.DENY) {
            return startUpdate(conversation, account.get(), fields, meaning);
        }
        String firstName = Optional.ofNullable(account.get().value("name")).map(name -> name.split(" ")[0]).orElse("");
        String key = wantsChange ? "choose.field" : "greeting.known";
        return Turn.of(conversation.choosingField(account.get()), topicMenu(conversation, key, firstName));
    }

    /**
     * A question about something else ("precisa pagar alguma coisa?", "vcs tem loja no rio?", "pra que vcs usam o
     * cpf?"): answered as such, and the open question asked again; it is never a value, nor a correction of the field
     * it mentions. Only a question read surely as off-topic: the reading is also what is left for a message nothing
     * else explains ("sei lá", a name sent when none was asked), which the stage answers as before.
     */
    private static boolean offTopic(String text, Interpretation meaning) {
        return meaning.values().isEmpty() && text.indexOf('?') >= 0 && meaning.confidence() >= OFF_TOPIC_CONFIDENCE
                && LETTERS.matcher(text).results().count() >= 2;
    }

    /** Says what the bot is for, then asks the open question again; with none, offers what it can do. */
    private Turn answerOffTopic(Conversation conversation) {
        Reply offTopic = say(conversation, "off.topic");
        if (conversation.stage() != Stage.IDLE) {
            return openQuestion(conversation).map(question -> Turn.of(conversation, offTopic, question))
                    .orElseGet(() -> Turn.of(conversation, offTopic));
        }
        return account(conversation).isPresent() ? Turn.of(conversation, offTopic, say(conversation, "help.short"))
                : Turn.of(conversation.offeringRegistration(), offTopic, yesNo(conversation, "greeting.unknown"));
    }

    private Turn offeredRegistration(Conversation conversation, Interpretation meaning) {
        if (!meaning.values().isEmpty() && meaning.intent() != Intent.DENY) {
            // The offer answered with what it asks for ("Ana Souza, ana@x.com"): a yes, with the values in it.
            return startRegistration(conversation, meaning);
        }
        return switch (meaning.intent()) {
            case AFFIRM, REGISTER -> startRegistration(conversation, meaning);
            case DENY -> cancelled(conversation, "registration.declined");
            default -> Turn.of(conversation, yesNo(conversation, "registration.offer.repeat"));
        };
    }

    private Turn choosingField(Conversation conversation, Interpretation meaning) {
        List<String> fields = targets(meaning);
        if (fields.isEmpty() && meaning.choice().isPresent()) {
            int choice = meaning.choice().get();
            if (choice >= 1 && choice <= schema.topics().size()) {
                fields = schema.topics().get(choice - 1).fields();
            }
        }
        if (!fields.isEmpty() || meaning.everything()) {
            Optional<AccountSnapshot> account = account(conversation);
            if (account.isEmpty()) {
                return Turn.of(conversation.offeringRegistration(), yesNo(conversation, "greeting.unknown"));
            }
            return fields.isEmpty() ? startReview(conversation, account.get())
                    : startUpdate(conversation, account.get(), fields, meaning);
        }
        if (meaning.intent() == Intent.DENY || meaning.intent() == Intent.THANKS) {
            return cancelled(conversation, "nothing.changed");
        }
        return Turn.of(conversation, topicMenu(conversation, "choose.field.repeat"));
    }

    private Turn startRegistration(Conversation conversation, Interpretation meaning) {
        Conversation next = conversation.reset().collecting(schema.registration(), Map.of(), false);
        Turn filled = fill(next, meaning, meaning.values().get(next.asking()));
        List<Reply> replies = new ArrayList<>(List.of(say(next, "registration.start")));
        replies.addAll(filled.replies());
        return filled.withReplies(replies);
    }

    private Turn startUpdate(Conversation conversation, AccountSnapshot account, List<String> fields,
            Interpretation meaning) {
        List<String> choice = schema.choiceBetween(fields);
        if (!choice.isEmpty()) {
            // "mudei de número": the phone or the house number; one short question, each a button.
            Locale language = conversation.language();
            String key = "choose." + String.join("-or-", choice);
            return Turn.of(conversation.choosingField(account), new Reply(phrasebook.say(language, key),
                    choice.stream().map(field -> new Button(field, phrasebook.say(language, key + "." + field))).toList()));
        }
        // "meu nome é João da Silva e queria atualizar o email": a field said with the value it holds is no change,
        // when the message changes something else.
        List<String> changing = fields.stream().filter(field -> !holdsAlready(account, field, meaning)).toList();
        List<String> asked = schema.wholeTopicWhereNoneIsHeld(changing.isEmpty() ? fields : changing, account);
        Conversation next = conversation.choosingField(account).collecting(asked, currentValues(account, asked), false);
        return fill(next, meaning, meaning.values().get(next.asking()));
    }

    /** Walks every field, showing what it holds now; "manter" keeps it. */
    private Turn startReview(Conversation conversation, AccountSnapshot account) {
        List<String> fields = schema.reviewed();
        Conversation next = conversation.choosingField(account).collecting(fields, currentValues(account, fields), true);
        return Turn.of(next, say(next, "review.start"), prompt(next));
    }

    // --- Collecting ---

    private Turn collecting(Conversation conversation, String text, Interpretation meaning) {
        if (conversation.suggestion() != null && meaning.intent() == Intent.AFFIRM) {
            return accept(conversation, conversation.suggestion());
        }
        if (conversation.suggestion() != null && meaning.intent() == Intent.DENY && meaning.values().isEmpty()) {
            return Turn.of(conversation.withSuggestion(null), prompt(conversation));
        }
        if (!schema.field(conversation.asking()).required() && meaning.values().isEmpty()
                && NoneAnswers.saysNone(text)) {
            return none(conversation);
        }
        return switch (meaning.intent()) {
            case BACK -> back(conversation);
            case KEEP -> keptElsewhere(conversation, meaning).orElseGet(() -> keep(conversation));
            // A bare "sim"/"ok" is no value of any field: the question is asked again, and nothing is stored.
            case AFFIRM -> conversation.reviewing() ? keep(conversation)
                    : fill(conversation, meaning, meaning.values().get(conversation.asking()));
            // Nor is a thanks or a greeting ("vlw", "oi"): a name of "Vlw" would be saved otherwise.
            case THANKS, GREET -> fill(conversation, meaning, meaning.values().get(conversation.asking()));
            default -> answer(conversation, text, meaning);
        };
    }

    /**
     * A message while a field is asked: its answer, or values for other fields the interpreter places there ("meu
     * email é ...", "não, meu nome é ..." while the name or the e-mail is asked). Those go to their fields first, and
     * the question asked is asked again, unless the message answers it too.
     */
    private Turn answer(Conversation conversation, String text, Interpretation meaning) {
        String asked = conversation.asking();
        Optional<Turn> order = dateOrder(conversation, text);
        if (order.isPresent()) {
            return order.get();
        }
        if (meaning.intent() == Intent.OUT_OF_SCOPE && meaning.values().isEmpty()) {
            // Read as no answer at all ("sei lá", "talvez depois"): said so, and nothing is stored.
            return Turn.of(conversation, say(conversation, "collect.unclear"), prompt(conversation));
        }
        OutOfTurnValues.Placement placement = outOfTurn.place(conversation, meaning);
        if (!placement.elsewhere().isEmpty()) {
            return correct(conversation, placement.meaning(), placement.elsewhere());
        }
        List<String> named = targets(meaning);
        boolean namesAnotherField = !named.isEmpty() && !named.contains(asked);
        boolean updateNotBegun = conversation.collected().isEmpty() && !conversation.isRegistration()
                && !conversation.reviewing();
        if (meaning.intent() == Intent.UPDATE && namesAnotherField && updateNotBegun) {
            // Asked the first question of an update, the person names another field instead ("não quero trocar
            // o telefone, só o e-mail"): the update is about that field now.
            Optional<AccountSnapshot> account = account(conversation);
            if (account.isPresent()) {
                return startUpdate(conversation, account.get(), named, meaning);
            }
        }
        boolean onlyTheAsked = meaning.values().isEmpty() || meaning.values().keySet().equals(Set.of(asked));
        if (meaning.intent() == Intent.CORRECT && named.isEmpty() && onlyTheAsked && !conversation.answered().isEmpty()
                && conversation.failures() == 0) {
            // "errei, é 1578" asked the complement right after the number: what was asked has not been answered yet,
            // so the correction is of the answer before (after a refused answer, it is of that one)
            String previous = conversation.answered().getLast();
            String corrected = Answers.corrected(text);
            if (!corrected.isEmpty() && schema.field(previous).validate(corrected) instanceof Validation.Valid) {
                return fill(bringForward(conversation, previous), meaning.withoutValues(), corrected);
            }
        }
        if (meaning.intent() == Intent.CORRECT || meaning.intent() == Intent.UPDATE) {
            return namesAnotherField ? correct(conversation, meaning, named)
                    : fill(conversation, meaning, meaning.values().getOrDefault(asked, named.isEmpty() ? text : null));
        }
        return fill(conversation, meaning, meaning.values().getOrDefault(asked, text));
    }

    /**
     * Takes the values the message gives for fields still to ask (silently, when valid), then the answer to the
     * field being asked, if there is one; otherwise asks for it.
     */
    private Turn fill(Conversation conversation, Interpretation meaning, String answer) {
        Conversation next = conversation;
        List<Reply> replies = new ArrayList<>();
        for (Map.Entry<String, String> spotted : meaning.values().entrySet()) {
            String field = spotted.getKey();
            if (!field.equals(next.asking()) && next.pending().contains(field)
                    && schema.field(field).validate(spotted.getValue()) instanceof Validation.Valid(String value)
                    && !(value.equals(next.current().get(field)) && schema.topicOf(field).fields().size() == 1)) {
                // an unchanged part of a topic of several is still given ("..., Vitória ES" moving within Vitória)
                next = take(next, field, value, replies);
            }
        }
        Turn rest = answer == null || next.stage() == Stage.CONFIRMING ? ask(next) : accept(next, answer);
        replies.addAll(rest.replies());
        return rest.withReplies(replies);
    }

    /** Validates a value for the field being asked and, when valid, moves on. */
    private Turn accept(Conversation conversation, String raw) {
        Field field = schema.field(conversation.asking());
        Locale language = conversation.language();
        switch (field.validate(raw)) {
            case Validation.Invalid(String reason, String suggestion) when suggestion != null -> {
                return Turn.of(conversation.withSuggestion(suggestion).failedOnce(),
                        new Reply(phrasebook.say(language, field.invalidKey(reason), suggestion), yesNoButtons(language)))
                        .noting(new Turn.Refused(field.name(), reason));
            }
            case Validation.Invalid(String reason, String ignored) -> {
                Conversation failed = conversation.withSuggestion(null).failedOnce();
                Reply invalid = Reply.text(phrasebook.say(language, field.invalidKey(reason)));
                Turn.Refused refused = new Turn.Refused(field.name(), reason);
                if (failed.failures() >= FAILURES_BEFORE_EXAMPLE) {
                    return Turn.of(failed, invalid, say(failed, "collect.example", label(language, field.name()),
                            phrasebook.say(language, field.exampleKey()))).noting(refused);
                }
                return Turn.of(failed, invalid).noting(refused);
            }
            case Validation.Valid(String value) -> {
                // The same value again is a mistake for a topic of one field (the e-mail); for a part of a topic of
                // several (the state of an address in the same state) it is simply the answer, and changes nothing.
                boolean oneFieldTopic = schema.topicOf(field.name()).fields().size() == 1;
                if (!conversation.isRegistration() && value.equals(conversation.current().get(field.name()))
                        && !conversation.reviewing() && oneFieldTopic) {
                    return Turn.of(conversation.withSuggestion(null),
                            say(conversation, "collect.same", phrasebook.inline(language, field.labelKey())));
                }
                List<Reply> replies = new ArrayList<>();
                Turn next = ask(take(conversation, field.name(), value, replies));
                replies.addAll(next.replies());
                return next.withReplies(replies);
            }
        }
    }

    /**
     * A date in numbers only, in an English conversation: month first where only that reading is a valid value
     * ("06/17/1985" is 17 June), and where both are ("06/07/1985"), one short question with each reading as a button,
     * rather than a guess that stores a wrong date. Portuguese is read day first, as Brazil writes dates.
     */
    private Optional<Turn> dateOrder(Conversation conversation, String text) {
        Matcher date = NUMERIC_DATE.matcher(text);
        if (!schema.isDate(conversation.asking()) || !ENGLISH.equals(conversation.language().getLanguage())
                || !date.find()) {
            return Optional.empty();
        }
        int first = Integer.parseInt(date.group(1));
        int second = Integer.parseInt(date.group(2));
        String year = date.group(3);
        Field field = schema.field(conversation.asking());
        boolean dayFirstIsOne = field.validate(first + "/" + second + "/" + year) instanceof Validation.Valid;
        boolean monthFirstIsOne = first != second
                && field.validate(second + "/" + first + "/" + year) instanceof Validation.Valid;
        if (!monthFirstIsOne) {
            return Optional.empty(); // day first, the same either way, or no date: the validator says which
        }
        if (!dayFirstIsOne) {
            return Optional.of(accept(conversation, second + "/" + first + "/" + year));
        }
        Locale language = conversation.language();
        String dayFirst = first + " " + monthName(second, language) + " " + year;
        String monthFirst = monthName(first, language) + " " + second + ", " + year;
        return Optional.of(Turn.of(conversation, new Reply(phrasebook.say(language, "date.order", dayFirst, monthFirst),
                List.of(new Button("day-first", dayFirst), new Button("month-first", monthFirst)))));
    }

    private static String monthName(int month, Locale language) {
        return Month.of(month).getDisplayName(TextStyle.FULL, language);
    }

    /** Records a value and what it implies (a CEP's street and city), telling the person the address found. */
    private Conversation take(Conversation conversation, String field, String value, List<Reply> replies) {
        Conversation taken = conversation.withValue(field, value);
        Conversation completed = withDerivedValues(taken, field, value);
        if (completed != taken) {
            replies.add(say(completed, "address.found", addressFound(completed)));
        }
        return completed;
    }

    /** The question that comes next: the next field, or the confirmation after the last one. */
    private Turn ask(Conversation conversation) {
        return conversation.stage() == Stage.CONFIRMING ? confirm(conversation)
                : Turn.of(conversation, prompt(conversation));
    }

    /** Fills in the fields a lookup resolves from this value (a CEP's street, district, city and state). */
    private Conversation withDerivedValues(Conversation conversation, String field, String value) {
        Conversation next = conversation;
        for (Map.Entry<String, String> derived : schema.derivedValues(field, value).entrySet()) {
            if (next.pending().contains(derived.getKey())) {
                next = next.withImpliedValue(derived.getKey(), derived.getValue());
            }
        }
        return next;
    }

    /** "manter"/"pular": keeps what the field holds, where that is allowed. */
    private Turn keep(Conversation conversation) {
        Field field = schema.field(conversation.asking());
        boolean hasValue = conversation.current().get(field.name()) != null;
        if (field.required() && !hasValue && conversation.isRegistration()) {
            return Turn.of(conversation, say(conversation, "collect.required"), prompt(conversation));
        }
        if (schema.mustBeGiven(field.name(), conversation)) {
            // A new address without its street, city or state would be saved incomplete.
            return Turn.of(conversation, say(conversation, "collect.required.part",
                    phrasebook.inline(conversation.language(), field.labelKey())), prompt(conversation));
        }
        Optional<String> none = schema.skippedAs(field.name(), conversation);
        return none.isPresent() ? accept(conversation, none.get()) : ask(conversation.withValue(field.name(), null));
    }

    /**
     * "na vdd deixa o email, muda só o nome" while the name is asked: the other fields the message keeps leave the
     * form as they are, and the question asked is asked again; empty when it keeps no other field still to ask.
     */
    private Optional<Turn> keptElsewhere(Conversation conversation, Interpretation meaning) {
        List<String> kept = targets(meaning).stream()
                .filter(field -> !field.equals(conversation.asking()) && conversation.pending().contains(field))
                .toList();
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        Conversation next = conversation;
        for (String field : kept) {
            next = next.withValue(field, null);
        }
        return Optional.of(Turn.of(next, prompt(next)));
    }

    /**
     * "sem complemento", "não tem", "there isn't one": the optional part asked does not exist. What the account holds
     * is cleared (the new address has no complement); in a registration, or where it holds none, nothing is set.
     */
    private Turn none(Conversation conversation) {
        String field = conversation.asking();
        boolean holdsOne = conversation.current().get(field) != null;
        return ask(conversation.withValue(field, conversation.isRegistration() || !holdsOne ? null : CLEARED));
    }

    /** "voltar": asks the previous field again. */
    private Turn back(Conversation conversation) {
        if (conversation.answered().isEmpty()) {
            return Turn.of(conversation, say(conversation, "back.nothing"), prompt(conversation));
        }
        String previous = conversation.answered().getLast();
        Conversation next = reopen(conversation, previous, conversation.current().get(previous));
        return Turn.of(next, prompt(next));
    }

    /**
     * "na verdade o e-mail é ...", "não, meu nome é ...", a CEP given while the name is asked: re-opens the fields the
     * message gives values for, ahead of what was asked, and takes the values; then the form goes on from where the
     * person was (the question asked, or the confirmation). A message naming a field without a value ("errei o
     * número") asks that field again.
     */
    private Turn correct(Conversation conversation, Interpretation meaning, List<String> named) {
        List<String> valued = named.stream().filter(meaning.values()::containsKey).toList();
        if (valued.isEmpty()) {
            String field = named.stream()
                    .filter(name -> conversation.answered().contains(name) || conversation.collected().containsKey(name))
                    .findFirst().orElse(named.getFirst());
            return fill(bringForward(conversation, field), meaning, null);
        }
        Conversation reopened = conversation;
        for (String field : valued.reversed()) {
            reopened = bringForward(reopened, field);
        }
        return fill(reopened, meaning, meaning.values().get(valued.getFirst()));
    }

    /**
     * Asks a field now, adding it to the form if it is not in it yet; a field with a lookup (a CEP, given while the
     * name is asked) brings the rest of its topic too, asked after what was pending.
     */
    private Conversation bringForward(Conversation conversation, String field) {
        boolean inForm = conversation.pending().contains(field) || conversation.answered().contains(field)
                || conversation.collected().containsKey(field);
        String currentValue = conversation.current().get(field);
        if (currentValue == null && !conversation.isRegistration() && !conversation.current().containsKey(field)) {
            currentValue = account(conversation).map(account -> account.value(field)).orElse(null);
        }
        if (inForm) {
            return reopen(conversation, field, currentValue);
        }
        Conversation next = conversation;
        if (!schema.impliedBy(field).isEmpty()) {
            List<String> topic = schema.topicOf(field).fields();
            next = next.adding(topic, conversation.isRegistration() ? Map.of()
                    : account(conversation).map(account -> currentValues(account, topic)).orElse(Map.of()));
        }
        return next.reopening(field, currentValue);
    }

    /** Asks a field again, and the fields its value implied (a new CEP, a new street and city). */
    private Conversation reopen(Conversation conversation, String field, String currentValue) {
        Conversation next = conversation;
        for (String implied : schema.impliedBy(field).reversed()) {
            if (next.collected().containsKey(implied) || next.pending().contains(implied)) {
                next = next.reopening(implied, next.current().get(implied));
            }
        }
        return next.reopening(field, currentValue);
    }

    // --- A shared location ---

    /** Asking a field a location answers, or confirming a form that has such fields (a location corrects them). */
    private boolean takesLocation(Conversation conversation) {
        return switch (conversation.stage()) {
            case COLLECTING -> schema.takesLocation(conversation.asking());
            case CONFIRMING -> !locationFieldsIn(conversation).isEmpty();
            default -> false;
        };
    }

    /** A known person's location, with nothing under way: an update of what a location answers, from it. */
    private Turn startFromLocation(Conversation conversation, Map<String, String> address) {
        Optional<AccountSnapshot> account = account(conversation);
        List<String> fields = schema.locationFields();
        if (account.isEmpty()) {
            return Turn.of(conversation.offeringRegistration(), yesNo(conversation, "location.unregistered"));
        }
        if (fields.isEmpty()) {
            return notAsked(conversation);
        }
        Conversation next = conversation.choosingField(account.get())
                .collecting(fields, currentValues(account.get(), fields), false);
        return fromLocation(next, address, "location.taken.start", "location.pin.start");
    }

    private Turn fromLocation(Conversation conversation, Map<String, String> address) {
        if (conversation.stage() == Stage.CONFIRMING) {
            return correctFromLocation(conversation, address);
        }
        return fromLocation(conversation, address, "location.taken", "location.pin");
    }

    /**
     * At the confirmation, a location replaces the form's fields it answers: they are asked again from it (what it
     * lacks, like the complement, by question). A bare pin changes nothing and the confirmation is shown again.
     */
    private Turn correctFromLocation(Conversation conversation, Map<String, String> address) {
        if (usable(address).isEmpty()) {
            return Turn.of(conversation, say(conversation, "location.pin"), confirmation(conversation));
        }
        Conversation reopened = conversation;
        for (String field : locationFieldsIn(conversation).reversed()) {
            reopened = reopened.reopening(field, reopened.current().get(field));
        }
        return fromLocation(reopened, address, "location.taken", "location.pin");
    }

    /**
     * Takes a location's values for the fields still to ask, like values typed in one message, and says which it
     * took before the next question; says what a bare pin lacks and asks again.
     */
    private Turn fromLocation(Conversation conversation, Map<String, String> address, String takenKey,
            String pinKey) {
        Map<String, String> values = usable(address);
        if (values.isEmpty()) {
            return Turn.of(conversation, say(conversation, pinKey), prompt(conversation));
        }
        var meaning = new Interpretation(Intent.PROVIDE_VALUE, 1, Set.of(), values, Optional.empty(),
                Optional.empty(), false);
        Turn filled = fill(conversation, meaning, values.get(conversation.asking()));
        Map<String, String> before = conversation.collected();
        Map<String, String> after = filled.next().collected();
        String taken = values.keySet().stream()
                .filter(name -> after.get(name) != null && !after.get(name).equals(before.get(name)))
                .map(name -> schema.show(name, after.get(name)))
                .collect(Collectors.joining(", "));
        List<Reply> replies = new ArrayList<>();
        if (!taken.isEmpty()) {
            replies.add(say(conversation, takenKey, taken));
        } else if (!values.containsKey(conversation.asking())) {
            replies.add(say(conversation, "location.lacks"));
        }
        // Otherwise the answer to the field asked was refused or is the current value, and fill said so.
        replies.addAll(filled.replies());
        return filled.withReplies(replies);
    }

    /** Not the answer to the open question: says so and asks it again; nothing of the form changes. */
    private Turn notAsked(Conversation conversation) {
        return Turn.of(conversation, say(conversation, "location.not.asked"), question(conversation));
    }

    /** The values of a location's address for fields a location answers; anything else read in it is not. */
    private Map<String, String> usable(Map<String, String> address) {
        Map<String, String> values = new LinkedHashMap<>();
        address.forEach((field, value) -> {
            if (schema.takesLocation(field)) {
                values.put(field, value);
            }
        });
        return values;
    }

    /** The fields a location answers that this form collects, in the schema's order. */
    private List<String> locationFieldsIn(Conversation conversation) {
        return schema.locationFields().stream()
                .filter(name -> conversation.current().containsKey(name) || conversation.collected().containsKey(name))
                .toList();
    }

    // --- Confirming and applying ---

    /** Shows every change and asks to confirm; with nothing left to change, says so and ends. */
    private Turn confirm(Conversation conversation) {
        if (changes(conversation).isEmpty()) {
            return Turn.of(conversation.reset(), say(conversation, "nothing.changed"));
        }
        return Turn.of(conversation.in(Stage.CONFIRMING), confirmation(conversation));
    }

    /** "errei, o email é ...", "não, o email é ...", "errei o e-mail": a correction of a value shown. */
    private static boolean corrects(Interpretation meaning) {
        return meaning.intent() == Intent.CORRECT && (!meaning.values().isEmpty() || !meaning.targetFields().isEmpty())
                || meaning.intent() == Intent.DENY && !meaning.values().isEmpty();
    }

    private Turn confirming(Conversation conversation, String text, Interpretation meaning) {
        List<String> named = targets(meaning);
        // A value given at the confirmation ("nasc 30/01/2001") joins the change, or corrects what it shows.
        if (named.isEmpty() && (meaning.intent() == Intent.CORRECT || meaning.intent() == Intent.DENY
                || meaning.intent() == Intent.PROVIDE_VALUE)) {
            named = schema.all().stream().filter(meaning.values()::containsKey).toList();
        }
        return switch (meaning.intent()) {
            case AFFIRM -> confirmed(conversation);
            // "perfeito, obrigada", "blz, obg": asked to confirm, a weak yes beside thanks is the yes.
            case THANKS -> Answers.yesBesideThanks(text) ? confirmed(conversation) : confirmAgain(conversation);
            // "não, o email é ...", "não, o e-mail está errado": a no that gives a value or names a field is a
            // correction, not a no to the whole change. Read as a no, it would drop the form; read as a
            // correction, it costs a "cancelar" at worst.
            case DENY -> named.isEmpty() ? cancelled(conversation, "confirm.discarded")
                    : correct(conversation, meaning, named);
            // "na verdade deixa o email antigo": that field leaves the change; the rest is confirmed again. Without a
            // field it may keep what is shown ("tá ótimo assim") or what the account holds ("não, deixa como está"):
            // the question is asked again rather than a change saved that the person did not want.
            case KEEP -> named.isEmpty() ? confirmAgain(conversation) : confirm(without(conversation, named));
            case BACK -> back(conversation);
            default -> {
                if (!named.isEmpty()) {
                    yield correct(conversation, meaning, named);
                }
                if (meaning.intent() == Intent.CORRECT || meaning.intent() == Intent.UPDATE) {
                    yield Turn.of(conversation, whichToCorrect(conversation));
                }
                yield confirmAgain(conversation);
            }
        };
    }

    /** The change confirmed: its new contact points proven first, where they can be, then requested. */
    private Turn confirmed(Conversation conversation) {
        return proofs.challenge(conversation).orElseGet(() -> apply(conversation));
    }

    /** Not an answer to the confirmation: how to answer it, with its buttons again. */
    private Turn confirmAgain(Conversation conversation) {
        return Turn.of(conversation, new Reply(phrasebook.say(conversation.language(), "confirm.repeat"),
                confirmButtons(conversation.language())));
    }

    /** The form without these fields' new values: each keeps what the account holds. */
    private static Conversation without(Conversation conversation, List<String> fields) {
        Conversation kept = conversation;
        for (String field : fields) {
            if (kept.collected().containsKey(field)) {
                kept = kept.withValue(field, null);
            }
        }
        return kept;
    }

    /** Requests the confirmed change (and its new contact points proven, where they can be). */
    private Turn apply(Conversation conversation) {
        var request = request(conversation);
        List<Reply> replies = new ArrayList<>();
        proofs.unverified(conversation).ifPresent(replies::add);
        replies.add(say(conversation, "applying"));
        return new Turn(conversation.applying(request.eventId()), replies, List.of(request));
    }

    private Turn resuming(Conversation conversation, String text, Interpretation meaning) {
        return switch (meaning.intent()) {
            case AFFIRM -> {
                Conversation resumed = conversation.resumed();
                yield Turn.of(resumed, say(resumed, "resume.continue"), question(resumed));
            }
            case DENY -> cancelled(conversation, "resume.discarded");
            default -> advance(conversation.reset(), text, meaning);
        };
    }

    // --- At any point ---

    private Turn cancel(Conversation conversation) {
        return switch (conversation.stage()) {
            case IDLE -> Turn.of(conversation, say(conversation, "cancel.nothing"));
            case APPLYING, ERASING -> Turn.of(conversation, say(conversation, "cancel.too.late"));
            case CONFIRMING_ERASURE -> Turn.of(conversation.reset(), say(conversation, "erasure.kept"));
            default -> cancelled(conversation, "cancelled");
        };
    }

    /** The person drops what was under way: the form is forgotten, and the stage they left it at is noted. */
    private Turn cancelled(Conversation conversation, String reply) {
        return Turn.of(conversation.reset(), say(conversation, reply)).noting(new Turn.Cancelled(conversation.stage()));
    }

    private Turn help(Conversation conversation) {
        Reply help = say(conversation, "help");
        return switch (conversation.stage()) {
            case IDLE, APPLYING, ERASING -> Turn.of(conversation, help);
            default -> Turn.of(conversation, help, question(conversation));
        };
    }

    /** Hands the conversation to a person where the deployment has people to hand it to ({@link Handoffs}). */
    private Turn handoff(Conversation conversation) {
        if (conversation.stage() == Stage.APPLYING || conversation.stage() == Stage.ERASING) {
            return Turn.of(conversation, say(conversation, "applying.wait"));
        }
        if (!handoffs.staffed()) {
            Reply nobody = Reply.text(handoffs.nobodyAvailable(conversation.language()));
            return conversation.stage() == Stage.IDLE ? Turn.of(conversation, nobody)
                    : Turn.of(conversation, nobody, question(conversation));
        }
        return new Turn(conversation.reset(), List.of(say(conversation, "handoff")),
                List.of(handoffs.requested(conversation)));
    }

    /** Shows what the account holds now, masked, then repeats the open question, if any. */
    private Turn showData(Conversation conversation) {
        Optional<AccountSnapshot> account = account(conversation);
        if (account.isEmpty()) {
            return conversation.stage() == Stage.IDLE
                    ? Turn.of(conversation.offeringRegistration(), yesNo(conversation, "data.none"))
                    : Turn.of(conversation, say(conversation, "data.none.short"), question(conversation));
        }
        Locale language = conversation.language();
        String lines = schema.all().stream()
                .filter(name -> account.get().value(name) != null)
                .map(name -> phrasebook.say(language, "confirm.line.value", label(language, name),
                        schema.field(name).mask().apply(account.get().value(name))))
                .collect(Collectors.joining("\n"));
        Reply data = say(conversation, "data.show", lines);
        return conversation.stage() == Stage.IDLE || conversation.stage() == Stage.APPLYING
                || conversation.stage() == Stage.ERASING
                ? Turn.of(conversation, data)
                : Turn.of(conversation, data, question(conversation));
    }

    // --- What the bot says ---

    /** The question the conversation waits on, if any: not with nothing under way or while waiting for the worker. */
    Optional<Reply> openQuestion(Conversation conversation) {
        return switch (conversation.stage()) {
            case IDLE, APPLYING, ERASING -> Optional.empty();
            default -> Optional.of(question(conversation));
        };
    }

    /** The open question of the conversation's stage, asked again. */
    private Reply question(Conversation conversation) {
        return switch (conversation.stage()) {
            case COLLECTING -> prompt(conversation);
            case CONFIRMING -> confirmation(conversation);
            case OFFERED_REGISTRATION -> yesNo(conversation, "registration.offer.repeat");
            case CHOOSING_FIELD -> topicMenu(conversation, "choose.field.repeat");
            case RESUMING -> yesNo(conversation, "resume.ask", topicsInForm(conversation));
            case CONFIRMING_ERASURE -> erasures.question(conversation);
            case PROVING -> proofs.question(conversation);
            case IDLE, APPLYING, ERASING -> say(conversation, "help.short");
        };
    }

    private Reply prompt(Conversation conversation) {
        String name = conversation.asking();
        Locale language = conversation.language();
        if (conversation.reviewing()) {
            String current = conversation.current().get(name);
            return Reply.text(phrasebook.say(language, "review.prompt", label(language, name),
                    current == null ? phrasebook.say(language, "value.none") : schema.show(name, current)));
        }
        String prompt = schema.field(name).promptKey();
        String key = conversation.isRegistration() ? prompt : prompt + ".update";
        return say(conversation, key);
    }

    private Reply confirmation(Conversation conversation) {
        Locale language = conversation.language();
        String lines = changes(conversation).entrySet().stream()
                .map(change -> conversation.isRegistration()
                        ? phrasebook.say(language, "confirm.line.value", label(language, change.getKey()),
                                schema.show(change.getKey(), change.getValue()))
                        : phrasebook.say(language, "confirm.line.change", label(language, change.getKey()),
                                Optional.ofNullable(conversation.current().get(change.getKey()))
                                        .map(value -> schema.show(change.getKey(), value))
                                        .orElse(phrasebook.say(language, "value.none")),
                                CLEARED.equals(change.getValue()) ? phrasebook.say(language, "value.removed")
                                        : schema.show(change.getKey(), change.getValue())))
                .collect(Collectors.joining("\n"));
        String key = conversation.isRegistration() ? "confirm.registration" : "confirm.update";
        return new Reply(phrasebook.say(language, key, lines), confirmButtons(language));
    }

    private Reply whichToCorrect(Conversation conversation) {
        Locale language = conversation.language();
        List<Button> buttons = changes(conversation).keySet().stream()
                .map(name -> new Button(name, label(language, name))).toList();
        return new Reply(phrasebook.say(language, "confirm.which"), buttons);
    }

    private Reply topicMenu(Conversation conversation, String key, Object... args) {
        Locale language = conversation.language();
        List<Button> buttons = schema.topics().stream()
                .map(topic -> new Button(topic.name(), phrasebook.say(language, "topic." + topic.name() + ".label")))
                .toList();
        return new Reply(phrasebook.say(language, key, args), buttons);
    }

    private Reply yesNo(Conversation conversation, String key, Object... args) {
        return new Reply(phrasebook.say(conversation.language(), key, args), yesNoButtons(conversation.language()));
    }

    private List<Button> yesNoButtons(Locale language) {
        return List.of(new Button("yes", phrasebook.say(language, "button.yes")),
                new Button("no", phrasebook.say(language, "button.no")));
    }

    private List<Button> confirmButtons(Locale language) {
        return List.of(new Button("confirm", phrasebook.say(language, "button.confirm")),
                new Button("correct", phrasebook.say(language, "button.correct")),
                new Button("cancel", phrasebook.say(language, "button.cancel")));
    }

    private Reply say(Conversation conversation, String key, Object... args) {
        return Reply.text(phrasebook.say(conversation.language(), key, args));
    }

    private String label(Locale language, String field) {
        return phrasebook.say(language, schema.field(field).labelKey());
    }

    /** The address a CEP lookup filled in, as one line. */
    private String addressFound(Conversation conversation) {
        return List.of("street", "district", "city", "state").stream()
                .map(conversation.collected()::get).filter(Objects::nonNull).collect(Collectors.joining(", "));
    }

    /** The topics of the fields in the form, by label: what a returning person was doing. */
    private String topicsInForm(Conversation conversation) {
        var fields = new ArrayList<String>(conversation.collected().keySet());
        fields.addAll(conversation.pending());
        return fields.stream().map(schema::topicOf).distinct()
                .map(topic -> phrasebook.inline(conversation.language(), "topic." + topic.name() + ".label"))
                .collect(Collectors.joining(", "));
    }

    // --- Data ---

    /** The first question of a registration. */
    String firstAsked() {
        return schema.registration().getFirst();
    }

    /** The one field a confirmation shows changed, when it shows one. */
    Optional<String> soleChange(Conversation conversation) {
        Map<String, String> changes = changes(conversation);
        return changes.size() == 1 ? Optional.of(changes.keySet().iterator().next()) : Optional.empty();
    }

    /** The collected values that differ from the current ones, in the schema's order: what the request changes. */
    private Map<String, String> changes(Conversation conversation) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String name : schema.all()) {
            String value = conversation.collected().get(name);
            String current = conversation.current().get(name);
            if (value != null && !value.equals(current) && !(CLEARED.equals(value) && current == null)) {
                changes.put(name, value);
            }
        }
        return changes;
    }

    private RegistrationUpdateRequested request(Conversation conversation) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        changes(conversation).forEach((name, value) ->
                changes.put(schema.field(name).apiProperty(),
                        new FieldChange(conversation.current().get(name), CLEARED.equals(value) ? null : value)));
        return new RegistrationUpdateRequested(ids.next(), clock.instant(), conversation.accountId(),
                conversation.phone(), changes, conversation.accountVersion(), conversation.channel(),
                conversation.sender());
    }

    /** The fields the message names, in the schema's order: a topic's fields, or one part of the address. */
    private List<String> targets(Interpretation meaning) {
        var fields = new ArrayList<String>();
        for (String name : schema.all()) {
            boolean named = meaning.targetFields().contains(name)
                    || meaning.targetFields().contains(schema.topicOf(name).name());
            if (named) {
                fields.add(name);
            }
        }
        return fields;
    }

    /**
     * The sender's account, found by their phone in canonical form (or the phone a sender without one proved).
     * {@link Conversations} answers senders without a phone, and not linked to one, before the form loop sees them.
     */
    private Optional<AccountSnapshot> account(Conversation conversation) {
        return accounts.findByPhone(conversation.phone());
    }

    private boolean holdsAlready(AccountSnapshot account, String field, Interpretation meaning) {
        String said = meaning.values().get(field);
        return said != null && schema.field(field).validate(said) instanceof Validation.Valid(String value)
                && value.equals(account.value(field));
    }

    private static Map<String, String> currentValues(AccountSnapshot account, List<String> fields) {
        Map<String, String> current = new LinkedHashMap<>();
        fields.forEach(field -> current.put(field, account.value(field)));
        return current;
    }

    /** In the middle of a form: something asked or collected that a pause could make the person forget. */
    private static boolean isHalfWay(Conversation conversation) {
        return conversation.stage() == Stage.COLLECTING || conversation.stage() == Stage.CONFIRMING;
    }
}
