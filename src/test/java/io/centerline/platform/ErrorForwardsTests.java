package io.centerline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorForwardsTests {

    @Test
    void aFailureNoHandlerAnsweredIsAnsweredWithoutItsDetails() {
        assertThat(ErrorForwards.codeOf(500)).isEqualTo("INTERNAL_SERVER_ERROR");
        assertThat(ErrorForwards.messageOf(500, "GET", "/api/v1/accounts/12-3456789AB"))
                .isEqualTo("The service failed to answer GET /api/v1/accounts/12-3456789AB; the failure is logged.");
    }

    @Test
    void aStatusTheApiAnswersWithACodeOfItsOwnElsewhereKeepsThatCode() {
        assertThat(ErrorForwards.codeOf(401)).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(ErrorForwards.codeOf(413)).isEqualTo("BODY_TOO_LARGE");
        assertThat(ErrorForwards.codeOf(400)).isEqualTo("BAD_REQUEST");
        assertThat(ErrorForwards.codeOf(405)).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void anyOtherRefusalSaysWhatWasRefusedAndWhy() {
        assertThat(ErrorForwards.messageOf(503, "POST", "/api/v1/entry-summaries"))
                .isEqualTo("The service failed to answer POST /api/v1/entry-summaries; the failure is logged.");
        assertThat(ErrorForwards.messageOf(408, "POST", "/api/v1/entry-summaries"))
                .isEqualTo("The request POST /api/v1/entry-summaries was refused: request timeout.");
        assertThat(ErrorForwards.codeOf(599)).isEqualTo("HTTP_599");
    }
}
