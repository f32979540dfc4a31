package io.centerline.targeting.model;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Binds the model settings and lets scheduled retraining run. */
@Configuration
@EnableScheduling
@EnableConfigurationProperties(ModelSettings.class)
class ModelConfiguration {}
