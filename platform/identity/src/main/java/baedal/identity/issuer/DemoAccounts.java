package baedal.identity.issuer;

import baedal.identity.Caller;
import baedal.identity.IdentityProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The embedded issuer's demo accounts, one per seeded member, shop and rider and one operator, all with the demo
 * password: {@code member-1001} (MEMBER, member id 1001), {@code shop-1} (SHOP, owner of shop 1), {@code rider-501}
 * (RIDER, rider id 501), {@code operator} (OPERATOR). They are the only users the embedded issuer knows.
 */
final class DemoAccounts implements UserDetailsService {

    /** The demo password is public; a cheap hash keeps form logins and password grants fast. */
    private static final int BCRYPT_STRENGTH = 4;

    private final Map<String, Caller> callers;

    private final String encodedPassword;

    private final String summary;

    DemoAccounts(IdentityProperties.Demo demo) {
        Map<String, Caller> accounts = new LinkedHashMap<>();
        demo.members().forEach(id -> add(accounts, Caller.member("member-" + id, id)));
        demo.shops().forEach(id -> add(accounts, Caller.shop("shop-" + id, Set.of(id))));
        demo.riders().forEach(id -> add(accounts, Caller.rider("rider-" + id, id)));
        add(accounts, Caller.operator("operator"));
        this.callers = Map.copyOf(accounts);
        this.summary = Stream.of(range("member-", demo.members()), range("shop-", demo.shops()),
                        range("rider-", demo.riders()), "operator")
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(", "));
        this.encodedPassword = "{bcrypt}" + new BCryptPasswordEncoder(BCRYPT_STRENGTH).encode(demo.password());
    }

    private static void add(Map<String, Caller> accounts, Caller caller) {
        if (accounts.putIfAbsent(caller.subject(), caller) != null) {
            throw new IllegalArgumentException("demo account " + caller.subject() + " is listed twice");
        }
    }

    /** The caller a demo account signs in as. */
    Optional<Caller> caller(String username) {
        return Optional.ofNullable(callers.get(username));
    }

    List<String> usernames() {
        return callers.keySet().stream().sorted().toList();
    }

    /** The accounts in a line: {@code member-1001 … member-1010, shop-1 … shop-3, rider-501 … rider-510, operator}. */
    String summary() {
        return summary;
    }

    private static String range(String prefix, List<Long> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        return ids.size() == 1 ? prefix + ids.getFirst() : prefix + ids.getFirst() + " … " + prefix + ids.getLast();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Caller caller = callers.get(username);
        if (caller == null) {
            throw new UsernameNotFoundException("No demo account " + username);
        }
        return User.withUsername(username).password(encodedPassword)
                .authorities(caller.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
                .build();
    }
}
