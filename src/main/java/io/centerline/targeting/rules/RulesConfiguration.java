package io.centerline.targeting.rules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one CEL environment rules are compiled in, shared by storing, evaluating and backtesting. */
@Configuration(proxyBeanMethods = false)
class RulesConfiguration {

    @Bean
    RuleEnvironment ruleEnvironment() {
        return new RuleEnvironment();
    }
}
