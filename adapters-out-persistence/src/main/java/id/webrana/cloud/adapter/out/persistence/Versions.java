package id.webrana.cloud.adapter.out.persistence;

import id.webrana.cloud.domain.shared.DomainException;
import id.webrana.cloud.domain.shared.ErrorCode;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Small mapping helpers shared by the repositories. */
final class Versions {

    private Versions() {
    }

    /** Refuses to overwrite a row that changed since the aggregate was loaded. */
    static void requireCurrent(long stored, long loaded, String what) {
        if (stored != loaded) {
            throw new DomainException(ErrorCode.CONCURRENT_MODIFICATION,
                    what + " was changed by someone else meanwhile; reload and try again");
        }
    }

    static String join(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }

    static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
