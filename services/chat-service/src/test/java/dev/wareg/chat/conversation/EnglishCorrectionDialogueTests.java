package dev.wareg.chat.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wareg.chat.interpretation.Intent;
import dev.wareg.contracts.FieldChange;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a person says besides the plain answer asked, in English: a value for another field, a correction (while a
 * question is asked and at the confirmation), a refusal naming another field, a value written in words. The
 * dialogues marked {@link Disabled} need the interpreter of issue 18 to read the line; the ones using
 * {@link Dialogue#reads} give the form loop the reading that interpreter is to give.
 */
class EnglishCorrectionDialogueTests {

    private static final String PHONE = "+5521998765432";

    private static Dialogue john() {
        return new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com");
    }

    // --- A value inside the request ---

    @Test
    void aNameInsideTheRequestIsShownAsTheChangeAndNothingAfterItBecomesTheName() {
        john()
                .user("please change my name to John Example")
                .bot("Please check the change:\nName: John O'Neil → John Example\n\nShall I save it?");
    }

    // --- A value for another field, while one is asked ---

    @Test
    void anEmailGivenWhileTheNameIsAskedIsTakenWithItsTypoOfferedAndTheNameIsAskedAgain() {
        new Dialogue(PHONE)
                .user("I want to register")
                .bot("Great, let's get you registered. You can type cancel at any time.", "What is your full name?")
                .user("my email is john@gmial.com")
                .bot("That e-mail seems to have a typo. Did you mean john@gmail.com?")
                .botOffers("Yes", "No")
                .user("yes")
                .bot("What is your full name?")
                .user("John Smith")
                .bot("Please check your details:\nName: John Smith\nE-mail: john@gmail.com\n\nShall I save them?");
    }

    @Test
    void aPostalCodeGivenWhileTheNameIsAskedBringsTheAddressAndTheNameIsAskedAgain() {
        john()
                .user("I want to change my name")
                .bot("What is the correct full name?")
                .user("my postal code is 01310-100")
                .bot("I found the address of this postal code: Avenida Paulista, Bela Vista, São Paulo, SP.",
                        "What is the correct full name?")
                .user("John Smith")
                .bot("What is the number? If there is none, type skip.");
    }

    @Test
    void aCpfAndABirthDateGivenWhileTheEmailIsAskedAreTakenAndTheEmailIsAskedAgain() {
        john()
                .user("I want to change my email")
                .user("my CPF is 111.444.777-35")
                .bot("What is the new e-mail address?")
                .user("I was born on 20/03/1985")
                .bot("What is the new e-mail address?")
                .user("john@new.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@new.com\nCPF: (empty) → ***.444.777-**"
                        + "\nBirth date: (empty) → 20/03/1985\n\nShall I save it?");
    }

    // --- Corrections while a question is asked ---

    @Test
    void aNoOrActuallyWithTheNameWhileTheEmailIsAskedCorrectsTheNameAndAsksTheEmailAgain() {
        new Dialogue(PHONE)
                .user("I want to register")
                .user("John Smith")
                .bot("What is your e-mail address?")
                .user("no, my name is John Smyth")
                .bot("What is your e-mail address?")
                .user("actually my name is John Smythe")
                .bot("What is your e-mail address?")
                .user("john@example.com")
                .bot("Please check your details:\nName: John Smythe\nE-mail: john@example.com\n\nShall I save them?");
    }

    // --- Corrections at the confirmation ---

    @Test
    void aNoWithANewValueAtTheConfirmationCorrectsItInsteadOfDiscarding() {
        var dialogue = john()
                .user("I want to change my email")
                .user("john@new.com")
                .user("no, the email is john@right.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@right.com\n\nShall I save it?")
                .user("yes");
        assertThat(dialogue.lastRequest().changes())
                .containsExactly(Map.entry("email", new FieldChange("john@old.com", "john@right.com")));
    }

    @Test
    void actuallyItsAtTheConfirmationCorrectsTheValue() {
        john()
                .user("I want to change my email")
                .user("john@new.com")
                .user("actually it's john@right.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@right.com\n\nShall I save it?");
    }

    @Test
    void aNoNamingAFieldAtTheConfirmationAsksItAgain() {
        john()
                .user("I want to change my email")
                .user("john@new.com")
                .user("no, the email is wrong")
                .bot("What is the new e-mail address?");
    }

    @Test
    void notAButBAtTheConfirmationCorrectsTheValue() {
        john()
                .user("I want to change my email")
                .user("john@new.com")
                .user("it's not john@new.com, it's john@right.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@right.com\n\nShall I save it?");
    }

    @Test
    void aCorrectionReadWithItsValueAtTheConfirmationReplacesTheValue() {
        john()
                .reads("it's not john@new.com, it's john@right.com", Intent.CORRECT, Set.of("email"),
                        Map.of("email", "john@right.com"))
                .user("I want to change my email")
                .user("john@new.com")
                .user("it's not john@new.com, it's john@right.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@right.com\n\nShall I save it?");
    }

    /** A surname alone is a part of the name: the whole name is asked again, not replaced by the surname. */
    @Test
    void noMySurnameIsAtTheConfirmationAsksTheNameAgain() {
        new Dialogue(PHONE)
                .user("I want to register")
                .user("John Smith")
                .user("john@example.com")
                .user("no, my surname is Smyth")
                .bot("What is your full name?")
                .user("John Smyth")
                .bot("Please check your details:\nName: John Smyth\nE-mail: john@example.com\n\nShall I save them?");
    }

    @Test
    void aCorrectionReadForAFieldWithoutAValueAtTheConfirmationAsksThatField() {
        new Dialogue(PHONE)
                .reads("no, my surname is Smyth", Intent.CORRECT, Set.of("name"), Map.of())
                .user("I want to register")
                .user("John Smith")
                .user("john@example.com")
                .user("no, my surname is Smyth")
                .bot("What is your full name?")
                .user("John Smyth")
                .bot("Please check your details:\nName: John Smyth\nE-mail: john@example.com\n\nShall I save them?");
    }

    @Test
    void actuallyWhileTheCodeIsAwaitedCorrectsTheEmailAndSendsTheCodeThere() {
        var dialogue = new Dialogue(PHONE, false, true).withAccount("John O'Neil", "john@old.com")
                .user("I want to change my email")
                .user("john@nwe.com")
                .user("yes")
                .bot("To confirm the e-mail john@nwe.com is yours, I sent a 6-digit code to it. Type the code here.")
                .user("actually the email is john@new.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@new.com\n\nShall I save it?")
                .user("yes")
                .bot("To confirm the e-mail john@new.com is yours, I sent a 6-digit code to it. Type the code here.");
        assertThat(dialogue.lastEmail().to()).isEqualTo("john@new.com");
        assertThat(dialogue.requests()).isEmpty();
    }

    // --- A refusal naming another field ---

    @Test
    void aRefusalNamingAnotherFieldStartsAnUpdateOfTheFieldWanted() {
        john()
                .user("I don't want to change the phone, just the email")
                .bot("What is the new e-mail address?")
                .user("john@new.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@new.com\n\nShall I save it?");
    }

    @Test
    void anUpdateReadForAnotherFieldAtTheFirstQuestionTurnsTheUpdateToThatField() {
        john()
                .reads("I don't want to change the phone, just the email", Intent.UPDATE, Set.of("email"), Map.of())
                .user("I want to change my phone")
                .user("I don't want to change the phone, just the email")
                .bot("What is the new e-mail address?")
                .user("john@new.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@new.com\n\nShall I save it?");
    }

    // --- Values written in words ---

    @Test
    void anEmailSpelledInWordsIsTaken() {
        new Dialogue(PHONE)
                .user("I want to register")
                .user("John Smith")
                .user("john dot smith at gmail dot com")
                .bot("Please check your details:\nName: John Smith\nE-mail: john.smith@gmail.com\n\nShall I save them?");
    }

    @Test
    void aPostalCodeSpelledInWordsIsLookedUp() {
        john()
                .user("I want to change my address")
                .user("zero one three one zero one zero zero")
                .bot("I found the address of this postal code: Avenida Paulista, Bela Vista, São Paulo, SP.",
                        "What is the number? If there is none, type skip.");
    }

    @Test
    void aBirthDateInWordsIsTaken() {
        john()
                .user("I want to change my birth date")
                .user("March 3rd, 1990")
                .bot("Please check the change:\nBirth date: (empty) → 03/03/1990\n\nShall I save it?");
    }
}
