package dev.wareg.platform.messaging;

import dev.wareg.contracts.AccountErased;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * How the bus's adapters recognise the events of a person whose account was erased, to forget them. Events name a
 * person in several ways, none of them an account field the adapters could look up: by phone in the forms channels
 * use (the Cloud API's {@code wa_id} is the number without '+' and, for Brazilian mobiles registered before the
 * ninth digit, may lack that digit: {@code 55 11 8765-4321} for {@code +55 11 98765-4321}; WhatsApp Web's JIDs add
 * {@code @server} or {@code :device} to it), by account id, or by the conversation id of the channel that asked for
 * the erasure (a web-chat session, a LID), or by a sender id linked to the account (a business-scoped user id, a
 * LID: {@code AccountErased.senders}). An event is the person's when any string in it, at any depth, is one of
 * those, or when its envelope names one of the person's {@link PersonSubjects subjects} (a sealed event shows no
 * more). A message from someone else that merely mentions the number in its text is not.
 *
 * @param phoneDigits    the phone's digit forms
 * @param accountId      the account id as text
 * @param conversationId the conversation that asked for the erasure, or null
 * @param senderIds      the sender ids linked to the account, without their channel; empty when none
 */
public record ErasedPerson(List<String> phoneDigits, String accountId, String conversationId,
                           List<String> senderIds) {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{4,20}");

    public ErasedPerson {
        phoneDigits = List.copyOf(phoneDigits);
        for (String digits : phoneDigits) {
            if (!DIGITS.matcher(digits).matches()) {
                // They become part of a regular expression (and of a SQL JSON path with the JDBC bus).
                throw new IllegalArgumentException("not a phone's digits");
            }
        }
        Objects.requireNonNull(accountId, "accountId");
        senderIds = senderIds == null ? List.of() : List.copyOf(senderIds);
    }

    public ErasedPerson(List<String> phoneDigits, String accountId, String conversationId) {
        this(phoneDigits, accountId, conversationId, List.of());
    }

    public static ErasedPerson of(AccountErased erased) {
        // channel:senderId; a conversation is named in events by the sender id alone.
        List<String> senderIds = erased.senders().stream().filter(linked -> linked.indexOf(':') > 0)
                .map(linked -> linked.substring(linked.indexOf(':') + 1)).toList();
        return new ErasedPerson(digits(erased.phone()), erased.accountId().toString(), erased.conversationId(),
                senderIds);
    }

    /** The digit forms of an E.164 phone: itself without '+', and for a Brazilian mobile also without its ninth digit. */
    public static List<String> digits(String e164) {
        String digits = e164.replaceAll("[^0-9]", "");
        List<String> forms = new ArrayList<>(List.of(digits));
        // 55, a two-digit area code, then 9 and eight digits.
        if (digits.length() == 13 && digits.startsWith("55") && digits.charAt(4) == '9') {
            forms.add(digits.substring(0, 4) + digits.substring(5));
        }
        return List.copyOf(forms);
    }

    /** The {@link PersonSubjects subjects} events about this person are sealed under, each once. */
    public List<String> subjects() {
        var ids = new LinkedHashSet<String>();
        phoneDigits.forEach(digits -> ids.add(PersonSubjects.of(digits)));
        ids.add(PersonSubjects.of(accountId));
        if (conversationId != null) {
            ids.add(PersonSubjects.of(conversationId));
        }
        senderIds.forEach(sender -> ids.add(PersonSubjects.of(sender)));
        return List.copyOf(ids);
    }

    /** A regular expression (POSIX and Java alike) matching a whole string that is one of the phone forms. */
    public String phonePattern() {
        return "^\\+?(" + String.join("|", phoneDigits) + ")([@:].*)?$";
    }

    /** Whether the event (its JSON) names this person anywhere. */
    public boolean isNamedIn(JsonNode event) {
        Pattern phone = Pattern.compile(phonePattern());
        List<String> subjects = subjects();
        List<JsonNode> open = new ArrayList<>(List.of(event));
        while (!open.isEmpty()) {
            JsonNode node = open.removeLast();
            if (node.isString()) {
                String text = node.stringValue();
                if (text.equals(accountId) || text.equals(conversationId) || senderIds.contains(text)
                        || subjects.contains(text) || phone.matcher(text).matches()) {
                    return true;
                }
            } else if (node.isContainer()) {
                node.values().forEach(open::add);
            }
        }
        return false;
    }
}
