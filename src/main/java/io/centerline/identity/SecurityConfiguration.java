package io.centerline.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP Basic over the REST API, stateless. The OpenAPI description and the health probe are public; everything else
 * needs a user, and the role rules below are the coarse first gate before each module's own scoping. What they refuse
 * is answered in the API's error shape ({@link SecurityRefusals}).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The firewall's refusal of a URL, answered in the API's error shape. */
    @Bean
    @ConditionalOnWebApplication
    RequestRejectedHandler rejectedRequests(JsonMapper json) {
        return new SecurityRefusals(json)::rejected;
    }

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain api(HttpSecurity http, JsonMapper json) throws Exception {
        SecurityRefusals refusals = new SecurityRefusals(json);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the entry point answers both a request without a user and one whose credentials are wrong
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html",
                                "/actuator/health/**",
                                "/error")
                        .permitAll()
                        // entry summaries are filed by the trade through an intake gateway, never by CBP's staff: an
                        // administrator loads reference data, and a summary filed under an administrator's name would
                        // be one no filer of record answers for
                        .requestMatchers(HttpMethod.POST, "/api/v1/entry-summaries", "/api/v1/entry-summaries/**")
                        .hasRole(Role.FILER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/reference/**")
                        .hasRole(Role.ADMIN.name())
                        // gates the body of a request is read behind, so that a user who may not make the request is
                        // answered 403 before its body is parsed, not told what the body lacks; each endpoint's own
                        // rule may narrow them further
                        .requestMatchers(HttpMethod.POST, "/api/v1/accounts/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.ACCOUNT_MANAGER.name(), Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.DELETE, "/api/v1/accounts/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.ACCOUNT_MANAGER.name(), Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/targeting/detectors/forced-labour/entities")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(
                                "/api/v1/targeting/rules/**",
                                "/api/v1/targeting/detectors/**",
                                "/api/v1/targeting/models/**")
                        .hasAnyRole(Role.ADMIN.name(), Role.TARGETER.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/targeting/outcomes/**")
                        .hasAnyRole(Role.TARGETER.name(), Role.SPECIALIST.name(), Role.SUPERVISOR.name())
                        .requestMatchers(HttpMethod.PUT, "/api/v1/targeting/capacity/**")
                        .hasAnyRole(Role.TARGETER.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/api/v1/targeting/**")
                        .hasAnyRole(
                                Role.ADMIN.name(), Role.TARGETER.name(), Role.SPECIALIST.name(), Role.SUPERVISOR.name())
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .authenticated());
        return http.build();
    }
}
