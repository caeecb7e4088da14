package dev.wareg.chat.conversation;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.chat.interpretation.Interpretation;
import dev.wareg.contracts.FieldChange;
import dev.wareg.contracts.RegistrationUpdateRequested;
import dev.wareg.contracts.SendMessage.Button;
import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import dev.wareg.platform.defaults.IdGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The generic form loop: decides, for one interpreted message, what the conversation does next. It asks for
 * the fields of {@link RegistrationFields#ASKED} that the person wants to set, validates each with the field's
 * own validator, shows old -> new, and asks for confirmation. It never names a particular field: prompts,
 * labels and error messages come from each field's message keys.
 */
@Component
class FormLoop {

    private final AccountDirectory accounts;
    private final Phrasebook phrasebook;
    private final IdGenerator ids;
    private final Clock clock;

    FormLoop(AccountDirectory accounts, Phrasebook phrasebook, IdGenerator ids, Clock clock) {
        this.accounts = accounts;
        this.phrasebook = phrasebook;
        this.ids = ids;
        this.clock = clock;
    }

    Turn handle(Conversation conversation, String text, Interpretation meaning) {
        try {
            return switch (meaning.intent()) {
                case CANCEL -> cancel(conversation);
                case HELP -> help(conversation);
                default -> advance(conversation, text, meaning);
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
            case CONFIRMING -> confirming(conversation, meaning);
            case APPLYING -> Turn.of(conversation, say(conversation, "applying.wait"));
            case RESUMING -> Turn.of(conversation.resumed(), say(conversation, "applying.wait"));
        };
    }

    private Turn idle(Conversation conversation, Interpretation meaning) {
        Optional<AccountSnapshot> account = accounts.findByPhone(conversation.sender());
        if (account.isEmpty()) {
            return switch (meaning.intent()) {
                case REGISTER, AFFIRM -> startRegistration(conversation);
                case THANKS -> Turn.of(conversation, say(conversation, "thanks"));
                default -> Turn.of(conversation.offeringRegistration(), yesNo(conversation, "greeting.unknown"));
            };
        }
        List<String> targets = targets(meaning);
        if (meaning.intent() == Intent.THANKS) {
            return Turn.of(conversation, say(conversation, "thanks"));
        }
        if (!targets.isEmpty() && meaning.intent() != Intent.DENY) {
            return startUpdate(conversation, account.get(), targets, meaning);
        }
        String firstName = Optional.ofNullable(account.get().value(RegistrationFields.NAME.name()))
                .map(name -> name.split(" ")[0]).orElse("");
        String key = meaning.intent() == Intent.UPDATE ? "choose.field" : "greeting.known";
        return Turn.of(conversation.choosingField(account.get()), fieldMenu(conversation, key, firstName));
    }

    private Turn offeredRegistration(Conversation conversation, Interpretation meaning) {
        return switch (meaning.intent()) {
            case AFFIRM, REGISTER -> startRegistration(conversation);
            case DENY -> Turn.of(conversation.reset(), say(conversation, "registration.declined"));
            default -> Turn.of(conversation, yesNo(conversation, "registration.offer.repeat"));
        };
    }

    private Turn choosingField(Conversation conversation, Interpretation meaning) {
        List<String> targets = targets(meaning);
        if (targets.isEmpty() && meaning.choice().isPresent()) {
            int choice = meaning.choice().get();
            if (choice >= 1 && choice <= RegistrationFields.ASKED.size()) {
                targets = List.of(RegistrationFields.ASKED.get(choice - 1).name());
            }
        }
        if (!targets.isEmpty()) {
            Optional<AccountSnapshot> account = accounts.findByPhone(conversation.sender());
            if (account.isEmpty()) {
                return Turn.of(conversation.offeringRegistration(), yesNo(conversation, "greeting.unknown"));
            }
            return startUpdate(conversation, account.get(), targets, meaning);
        }
        if (meaning.intent() == Intent.DENY || meaning.intent() == Intent.THANKS) {
            return Turn.of(conversation.reset(), say(conversation, "nothing.changed"));
        }
        return Turn.of(conversation, fieldMenu(conversation, "choose.field.repeat"));
    }

    private Turn startRegistration(Conversation conversation) {
        List<String> fields = RegistrationFields.ASKED.stream().filter(Field::required).map(Field::name).toList();
        Conversation next = conversation.reset().collecting(fields, Map.of(), false);
        return Turn.of(next, say(next, "registration.start"), prompt(next));
    }

    private Turn startUpdate(Conversation conversation, AccountSnapshot account, List<String> targets,
                             Interpretation meaning) {
        Map<String, String> current = new LinkedHashMap<>();
        targets.forEach(field -> current.put(field, account.value(field)));
        Conversation next = conversation.choosingField(account).collecting(targets, current, false);
        String spotted = meaning.values().get(next.pending().getFirst());
        return spotted != null ? accept(next, spotted) : Turn.of(next, prompt(next));
    }

    private Turn collecting(Conversation conversation, String text, Interpretation meaning) {
        if (conversation.suggestion() != null && meaning.intent() == Intent.AFFIRM) {
            return accept(conversation, conversation.suggestion());
        }
        if (conversation.suggestion() != null && meaning.intent() == Intent.DENY) {
            return Turn.of(conversation.withSuggestion(null), prompt(conversation));
        }
        return accept(conversation, meaning.values().getOrDefault(conversation.pending().getFirst(), text));
    }

    /** Validates a value for the field being asked and, when valid, moves on. */
    private Turn accept(Conversation conversation, String raw) {
        Field field = field(conversation.pending().getFirst());
        Locale language = conversation.language();
        switch (field.validate(raw)) {
            case Validation.Invalid(String reason, String suggestion) when suggestion != null -> {
                return Turn.of(conversation.withSuggestion(suggestion),
                        new Reply(phrasebook.say(language, field.invalidKey(reason), suggestion), yesNoButtons(language)));
            }
            case Validation.Invalid(String reason, String ignored) -> {
                return Turn.of(conversation.withSuggestion(null), Reply.text(phrasebook.say(language, field.invalidKey(reason))));
            }
            case Validation.Valid(String value) -> {
                if (!conversation.isRegistration() && value.equals(conversation.current().get(field.name()))) {
                    return Turn.of(conversation.withSuggestion(null),
                            say(conversation, "collect.same", label(language, field).toLowerCase(language)));
                }
                Conversation next = conversation.withValue(field.name(), value);
                return Turn.of(next, next.stage() == Stage.CONFIRMING ? confirmation(next) : prompt(next));
            }
        }
    }

    private Turn confirming(Conversation conversation, Interpretation meaning) {
        return switch (meaning.intent()) {
            case AFFIRM -> {
                var request = request(conversation);
                yield new Turn(conversation.applying(request.eventId()), List.of(say(conversation, "applying")),
                        Optional.of(request));
            }
            case DENY -> Turn.of(conversation.reset(), say(conversation, "confirm.discarded"));
            default -> Turn.of(conversation, yesNo(conversation, "confirm.repeat"));
        };
    }

    private Turn cancel(Conversation conversation) {
        return switch (conversation.stage()) {
            case IDLE -> Turn.of(conversation, say(conversation, "cancel.nothing"));
            case APPLYING -> Turn.of(conversation, say(conversation, "cancel.too.late"));
            default -> Turn.of(conversation.reset(), say(conversation, "cancelled"));
        };
    }

    private Turn help(Conversation conversation) {
        Reply help = say(conversation, "help");
        return switch (conversation.stage()) {
            case COLLECTING -> Turn.of(conversation, help, prompt(conversation));
            case CONFIRMING -> Turn.of(conversation, help, confirmation(conversation));
            case OFFERED_REGISTRATION -> Turn.of(conversation, help, yesNo(conversation, "registration.offer.repeat"));
            case CHOOSING_FIELD -> Turn.of(conversation, help, fieldMenu(conversation, "choose.field.repeat"));
            case IDLE, APPLYING, RESUMING -> Turn.of(conversation, help);
        };
    }

    private RegistrationUpdateRequested request(Conversation conversation) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        conversation.collected().forEach((name, value) ->
                changes.put(field(name).apiProperty(), new FieldChange(conversation.current().get(name), value)));
        return new RegistrationUpdateRequested(ids.next(), clock.instant(), conversation.accountId(),
                conversation.sender(), changes, conversation.accountVersion(), conversation.channel(),
                conversation.sender());
    }

    private Reply prompt(Conversation conversation) {
        Field field = field(conversation.pending().getFirst());
        String key = conversation.isRegistration() ? field.promptKey() : field.promptKey() + ".update";
        return say(conversation, key);
    }

    private Reply confirmation(Conversation conversation) {
        Locale language = conversation.language();
        String lines = conversation.collected().entrySet().stream()
                .map(entry -> conversation.isRegistration()
                        ? phrasebook.say(language, "confirm.line.value", label(language, field(entry.getKey())), entry.getValue())
                        : phrasebook.say(language, "confirm.line.change", label(language, field(entry.getKey())),
                                Optional.ofNullable(conversation.current().get(entry.getKey()))
                                        .orElse(phrasebook.say(language, "value.none")),
                                entry.getValue()))
                .collect(Collectors.joining("\n"));
        String key = conversation.isRegistration() ? "confirm.registration" : "confirm.update";
        return new Reply(phrasebook.say(language, key, lines), yesNoButtons(language));
    }

    private Reply fieldMenu(Conversation conversation, String key, Object... args) {
        Locale language = conversation.language();
        List<Button> buttons = new ArrayList<>();
        for (Field field : RegistrationFields.ASKED) {
            buttons.add(new Button(field.name(), label(language, field)));
        }
        return new Reply(phrasebook.say(language, key, args), buttons);
    }

    private Reply yesNo(Conversation conversation, String key) {
        return new Reply(phrasebook.say(conversation.language(), key), yesNoButtons(conversation.language()));
    }

    private List<Button> yesNoButtons(Locale language) {
        return List.of(new Button("yes", phrasebook.say(language, "button.yes")),
                new Button("no", phrasebook.say(language, "button.no")));
    }

    private Reply say(Conversation conversation, String key, Object... args) {
        return Reply.text(phrasebook.say(conversation.language(), key, args));
    }

    private String label(Locale language, Field field) {
        return phrasebook.say(language, field.labelKey());
    }

    /** The asked fields the message names, in the schema's order. */
    private static List<String> targets(Interpretation meaning) {
        return RegistrationFields.ASKED.stream().map(Field::name).filter(meaning.targetFields()::contains).toList();
    }

    private static Field field(String name) {
        return RegistrationFields.byName(name)
                .orElseThrow(() -> new IllegalStateException("no such field in the schema: " + name));
    }
}
