package dev.wareg.chat.conversation;

import org.junit.jupiter.api.Test;

/** The conversation follows a person who writes in English. */
class EnglishDialogueTests {

    private static final String PHONE = "+5521998765432";

    @Test
    void aNewSenderRegistersInEnglish() {
        new Dialogue(PHONE)
                .user("hello")
                .bot("Hi! I couldn't find a registration for this number. Would you like to register now? It takes less than a minute.")
                .botOffers("Yes", "No")
                .user("yes")
                .bot("Great, let's get you registered. You can type cancel at any time.", "What is your full name?")
                .user("my name is John O'Neil")
                .bot("What is your e-mail address?")
                .user("john@example.com")
                .bot("Please check your details:\nName: John O'Neil\nE-mail: john@example.com\n\nShall I save them?")
                .user("yes")
                .bot("Note: here I can't send a code to confirm the e-mail john@example.com, so it will be saved "
                        + "unverified.", "One moment, saving…")
                .workerApplies()
                .bot("Done! Your registration was created. Whenever you need to change something, just message me.");
    }

    @Test
    void aKnownSenderUpdatesTheirEmailInEnglish() {
        new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com")
                .user("I want to update my email")
                .bot("What is the new e-mail address?")
                .user("john@new.com")
                .bot("Please check the change:\nE-mail: john@old.com → john@new.com\n\nShall I save it?")
                .user("no")
                .bot("Alright, I didn't change anything.");
    }

    @Test
    void anInvalidEmailIsExplainedInEnglish() {
        new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com")
                .user("change my email please")
                .user("john at new")
                .bot("That doesn't look like a valid e-mail address. Please send it like name@example.com.");
    }

    @Test
    void aDictatedEmailIsReadAsTheAddress() {
        new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com")
                .user("change my email please")
                .user("john at new dot com")
                .bot("Please check the change:\nE-mail: john@old.com → john@new.com\n\nShall I save it?");
    }

    @Test
    void aSharedPlaceIsTakenAsTheNewAddressInEnglish() {
        new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com")
                .user("I want to change my address")
                .bot("What is the postal code (CEP) of the new address?")
                .location("Rua Augusta, 500 - Consolação, São Paulo - SP, 01305-000, Brazil")
                .bot("I took the address from your location: Rua Augusta, 500, Consolação, São Paulo, SP, 01305-000.",
                        "What is the complement (apartment, block)? If there is none, type skip.")
                .user("apt 12")
                .bot("Please check the change:\nPostal code (CEP): (empty) → 01305-000\nStreet: (empty) → Rua Augusta"
                        + "\nNumber: (empty) → 500\nComplement: (empty) → apt 12\nDistrict: (empty) → Consolação"
                        + "\nCity: (empty) → São Paulo\nState: (empty) → SP\n\nShall I save it?");
    }

    @Test
    void aLocationIsNotTheEmailAskedInEnglish() {
        new Dialogue(PHONE).withAccount("John O'Neil", "john@old.com")
                .user("change my email please")
                .pin()
                .bot("I got a location, but that's not what I asked for.", "What is the new e-mail address?");
    }
}
