package id.webrana.cloud.domain.account;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that one mailbox is one account. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE =
            Pattern.compile("[A-Za-z0-9._%+\\-']+@[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9\\-]*[A-Za-z0-9])?)+");

    public EmailAddress {
        if (value == null) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Email is required");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new DomainException(ErrorCode.VALIDATION_ERROR, "Email '" + value + "' is not a valid address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
