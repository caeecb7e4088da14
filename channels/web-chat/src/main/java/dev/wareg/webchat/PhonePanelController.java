package dev.wareg.webchat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the demo's stand-in phone of a number shows ({@link PhonePanel}). Registered only in {@code phone-panel}
 * mode: with a WhatsApp channel delivering the codes this path does not exist (404). The number
 * is a query parameter, since access logs record paths without their query strings.
 */
@RestController
@Conditional(WebChatConfiguration.PhonePanelDelivery.class)
@RequestMapping(WebChatConfiguration.API_PATH + "/phone-panel")
class PhonePanelController {

    private final PhonePanel panel;

    PhonePanelController(PhonePanel panel) {
        this.panel = panel;
    }

    record Inbox(String phone, List<PhonePanel.Message> messages) {
    }

    @GetMapping
    ResponseEntity<?> inbox(@RequestParam(required = false) String phone) {
        var invalid = new ArrayList<InvalidRequests.InvalidValue>();
        Optional<String> number = InvalidRequests.phone("phone", phone, invalid);
        if (number.isEmpty()) {
            return InvalidRequests.response(invalid);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new Inbox(number.get(), panel.messages(number.get())));
    }
}
