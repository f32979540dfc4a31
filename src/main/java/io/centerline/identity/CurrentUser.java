package io.centerline.identity;

import java.util.Arrays;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user behind the current request, as the modules need to know it: a name for the audit log and the roles. */
public final class CurrentUser {

    /** The actor recorded for work that no signed-in user started (command line, scheduled jobs). */
    public static final String SYSTEM = "system";

    private CurrentUser() {}

    public static String name() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    public static boolean hasAnyRole(Role... roles) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return false;
        }
        return authentication.getAuthorities().stream()
                .anyMatch(granted -> Arrays.stream(roles)
                        .anyMatch(role -> granted.getAuthority().equals("ROLE_" + role.name())));
    }

    /** Whether the user works for CBP (sees every entry and account) rather than for a filer (sees its own). */
    public static boolean isCbpStaff() {
        return hasAnyRole(Role.ADMIN, Role.SPECIALIST, Role.ACCOUNT_MANAGER, Role.SUPERVISOR, Role.TARGETER);
    }
}
