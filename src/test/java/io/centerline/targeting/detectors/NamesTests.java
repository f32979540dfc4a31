package io.centerline.targeting.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NamesTests {

    @Test
    void jaroWinklerGivesTheTextbookFigures() {
        assertThat(Names.jaroWinkler("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.001));
        assertThat(Names.jaroWinkler("DIXON", "DICKSONX")).isCloseTo(0.813, within(0.001));
        assertThat(Names.jaroWinkler("ABC", "XYZ")).isZero();
        assertThat(Names.jaroWinkler("SAME", "SAME")).isEqualTo(1);
    }

    @Test
    void normalisingDropsCaseAccentsPunctuationAndLegalForms() {
        assertThat(Names.normalise("Société Générale d'Électronique, S.A."))
                .isEqualTo("SOCIETE GENERALE D ELECTRONIQUE");
        assertThat(Names.normalise("Xinjiang Example Cotton Co., Ltd.")).isEqualTo("XINJIANG EXAMPLE COTTON");
    }

    @Test
    void manufacturerIdNameLettersFollowTheCfrRules() {
        assertThat(Names.midNamePartOf("Ozrock")).isEqualTo("OZR");
        assertThat(Names.midNamePartOf("The Xinjiang Example Cotton Co")).isEqualTo("XINEXA");
        assertThat(Names.midNamePartOf("Shihezi Pretend-Aluminium Smelting Co")).isEqualTo("SHIPRE");
        assertThat(Names.midNamePartOf("A.B.C. Trading Co")).isEqualTo("ABCTRA");
        assertThat(Names.midNamePart("AUOZR92MEL")).isEqualTo("OZR");
        assertThat(Names.midNamePart("CNXINEXA123XIN")).isEqualTo("XINEXA");
        assertThat(Names.midNamePart("CNXINEXAXIN")).isEqualTo("XINEXA");
    }

    @Test
    void onlyCodesOfTheMidShapeAreTakenForMids() {
        assertThat(Names.isMid("CNXINEXA123XIN")).isTrue();
        assertThat(Names.isMid("Xinjiang Example Cotton Co")).isFalse();
        assertThat(Names.isMid("CN1234")).isFalse();
    }
}
