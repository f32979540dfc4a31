package io.centerline.targeting.model;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the model settings; scheduled retraining runs through the scheduling the platform switches on. */
@Configuration
@EnableConfigurationProperties(ModelSettings.class)
class ModelConfiguration {}
