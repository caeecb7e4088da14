package dev.wareg.platform.defaults;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One client a service accepts tokens from, as configured under {@code <prefix>.clients.<client id>}: the public keys
 * its tokens may be signed with (one, or two while the client's key is being replaced) and the scopes the service grants
 * it, whatever its tokens claim.
 *
 * @param publicKey the client's public keys, PEM ({@code openssl ec -pubout}) or the base64 between the PEM lines
 * @param scopes    what the client may do; a token asking for less gets less, one asking for more gets no more
 */
public record TrustedClient(@DefaultValue List<String> publicKey, @DefaultValue Set<String> scopes) {
}
