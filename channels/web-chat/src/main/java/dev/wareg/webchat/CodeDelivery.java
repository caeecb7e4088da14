package dev.wareg.webchat;

import java.time.Duration;

/** How a one-time code reaches the person who holds the number (wareg.web-chat.code-delivery). */
interface CodeDelivery {

    /**
     * @param phone    the E.164 number the code is for
     * @param validity how long the code works, to tell the person
     */
    void deliver(String phone, String code, Duration validity);
}
