package baedal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextInputTests {

    @Test
    void acceptsOrdinaryTextInAnyScript() {
        assertThat(TextInput.problemInLine("서울특별시 강남구 테헤란로 152")).isNull();
        assertThat(TextInput.problemInLine("맵지 않게 해주세요 🌶️ (ok) ~!@#$%^&*")).isNull();
        assertThat(TextInput.problemInLine("")).isNull();
        assertThat(TextInput.problemInLine("\u00a0non-breaking\u00ff")).isNull();
    }

    @Test
    void allowsLineBreaksAndTabsInFreeTextOnly() {
        assertThat(TextInput.problemInFreeText("첫 줄\n둘째 줄\r\n\t셋째")).isNull();
        assertThat(TextInput.problemInLine("첫 줄\n둘째 줄")).isEqualTo("must not contain control characters (U+000A at index 3)");
        assertThat(TextInput.problemInLine("a\tb")).contains("U+0009");
        assertThat(TextInput.problemInLine("a\rb")).contains("U+000D");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u0000', '\u0001', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0080',
            '\u0085', '\u009f'})
    void refusesEveryOtherControlCharacterEverywhere(char control) {
        String text = "ab" + control + "cd";
        String name = String.format("U+%04X", (int) control);
        assertThat(TextInput.problemInFreeText(text)).isEqualTo("must not contain control characters (" + name + " at index 2)");
        assertThat(TextInput.problemInLine(text)).isEqualTo(TextInput.problemInFreeText(text));
    }

    @Test
    void refusesHalvesOfSurrogatePairsButNotWholePairs() {
        assertThat(TextInput.problemInLine("😀")).isNull();
        assertThat(TextInput.problemInLine("a\ud83d")).isEqualTo("must be valid Unicode text (unpaired surrogate U+D83D at index 1)");
        assertThat(TextInput.problemInLine("\ude00b")).isEqualTo("must be valid Unicode text (unpaired surrogate U+DE00 at index 0)");
        assertThat(TextInput.problemInLine("\ud83d\ud83d\ude00")).contains("U+D83D at index 0");
    }

    @Test
    void namesRefusedCharactersWithoutRepeatingThem() {
        assertThat(TextInput.escaped("a\u0000b\u009f\ud83d😀")).isEqualTo("a\\u0000b\\u009F\\uD83D\\uD83D\\uDE00");
        assertThat(TextInput.escaped("status")).isEqualTo("status");
    }
}
