package io.centerline.identity;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The local users of Centerline, with their roles; passwords are kept only as one-way hashes. */
@Service
public class Users implements UserDetailsService {

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a user, or refuses if the name is taken. */
    @Transactional
    public void create(String username, String password, Set<Role> roles, String createdBy) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,62}")) {
            throw new IllegalArgumentException(
                    "A user name is 2 to 63 lower-case letters, digits, dots, dashes or underscores");
        }
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("A password has at least 8 characters");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        if (exists(username)) {
            throw new IllegalArgumentException("User '" + username + "' exists already");
        }
        String[] roleNames = roles.stream().map(Role::name).sorted().toArray(String[]::new);
        jdbc.sql("insert into app_user (username, password_hash, roles, created_at) values (?, ?, ?, ?)")
                .params(username, passwords.encode(password), roleNames, Timestamp.from(clock.instant()))
                .update();
        audit.record(createdBy, "USER_CREATED", "user", username, Map.of("roles", List.of(roleNames)));
    }

    /** Whether a user exists and holds a role other than {@link Role#FILER}: one of CBP's own staff. */
    public boolean isStaff(String username) {
        return jdbc.sql("select exists (select 1 from app_user u, unnest(u.roles) as r(role)"
                        + " where u.username = ? and r.role <> 'FILER')")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    /**
     * Whether the user holds a role whose work is reviewing entry summaries or judging what reviews find: specialists,
     * supervisors and targeters; an account manager or an administrator reviews none.
     */
    public boolean isReviewer(String username) {
        return jdbc.sql("select exists (select 1 from app_user u, unnest(u.roles) as r(role)"
                        + " where u.username = ? and r.role in ('SPECIALIST', 'SUPERVISOR', 'TARGETER'))")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    /** The roles of a user; empty when no user has the name. */
    public Optional<Set<Role>> roles(String username) {
        return jdbc.sql("select roles from app_user where username = ?")
                .param(username)
                .query((rs, i) -> toRoles(rs.getArray(1)))
                .optional();
    }

    public boolean exists(String username) {
        return jdbc.sql("select exists (select 1 from app_user where username = ?)")
                .param(username)
                .query(Boolean.class)
                .single();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select username, password_hash, roles, enabled from app_user where username = ?")
                .param(username)
                .query((rs, i) -> User.withUsername(rs.getString(1))
                        .password(rs.getString(2))
                        .disabled(!rs.getBoolean(4))
                        .authorities(toRoles(rs.getArray(3)).stream()
                                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
                                .toList())
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("No user " + username));
    }

    private static Set<Role> toRoles(Array array) throws java.sql.SQLException {
        String[] names = (String[]) array.getArray();
        return Arrays.stream(names)
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
