package id.webrana.cloud.application.fakes;

import id.webrana.cloud.application.port.out.AccessTokenIssuer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Issues readable fake access tokens valid for 15 minutes and remembers what it issued. */
public final class FakeAccessTokenIssuer implements AccessTokenIssuer {

    /** What a token was issued for. */
    public record Issued(UUID userId, String email, Set<String> roles, IssuedToken token) {
    }

    private final Clock clock;
    private final List<Issued> issued = new ArrayList<>();

    public FakeAccessTokenIssuer(Clock clock) {
        this.clock = clock;
    }

    @Override
    public IssuedToken issue(UUID userId, String email, Set<String> roles) {
        IssuedToken token = new IssuedToken("access-" + (issued.size() + 1) + "-for-" + email,
                clock.instant().plus(Duration.ofMinutes(15)));
        issued.add(new Issued(userId, email, Set.copyOf(roles), token));
        return token;
    }

    public List<Issued> issued() {
        return List.copyOf(issued);
    }
}
