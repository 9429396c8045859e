package dev.hotpath.platform.web;

import dev.hotpath.platform.ScriptedPlatform;
import dev.hotpath.platform.TestPlatform;
import dev.hotpath.platform.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11, item 7: display names that become formulas in a spreadsheet, exported by an instructor.
 * Every field is quoted, and every formula lead is neutralized after Unicode spaces, in full-width
 * forms, and after a separator inside the field.
 */
class CsvExportTest {

    @RegisterExtension
    static final ScriptedPlatform platform = new ScriptedPlatform();

    @Test
    void theRedTeamsNamesExportAsPlainText() {
        WebClient teacher = platform.client().signUp(TestPlatform.INSTRUCTOR, "Teacher");
        List<String> names = List.of("Ann;=cmd|' /C calc'!A0;", "\u00a0=1+1", "\uff1dHYPERLINK(\"http://evil.example\")",
                "\u3000\uff0b1", "\uff20SUM(A1)", "Bo, -2+3", "Cy;\u2003@x");
        for (int i = 0; i < names.size(); i++) {
            WebClient learner = platform.client().signUp("csv" + i + "@example.org", names.get(i));
            learner.awaitVerdict(learner.submit("// passes"), Duration.ofSeconds(10));
        }

        String csv = teacher.get("/instructor/export.csv").body();

        List<String> rows = csv.lines().skip(1).toList();
        assertThat(rows).hasSize(names.size());
        assertThat(rows).allSatisfy(row -> assertThat(row).startsWith("\"").endsWith("\""));
        assertThat(rows.stream().map(row -> row.split("\",\"", -1)[2]).toList()).containsExactly(
                "Ann;'=cmd|' /C calc'!A0;",
                "'\u00a0=1+1",
                "'\uff1dHYPERLINK(\"\"http://evil.example\"\")",
                "'\uff0b1", // sign-up strips the ideographic space (Java's whitespace), not the no-break one
                "'\uff20SUM(A1)",
                "Bo,' -2+3",
                "Cy;'\u2003@x");
    }

    @Test
    void everyCellIsQuotedAndNoFormulaLeadSurvives() {
        String[][] cases = {
                {"plain name", "\"plain name\""},
                {"=1+1", "\"'=1+1\""},
                {"+1", "\"'+1\""},
                {"-1+1", "\"'-1+1\""},
                {"@SUM(A1)", "\"'@SUM(A1)\""},
                {"\t=1", "\"'\t'=1\""},
                {"\r=1", "\"'\r'=1\""},
                {"\u200b=1", "\"'\u200b=1\""},
                {"\ufeff=1", "\"'\ufeff=1\""},
                {"\ufe66small equals", "\"'\ufe66small equals\""},
                {"\uff0d5", "\"'\uff0d5\""},
                {"a\t=b", "\"a\t'=b\""},
                {"a\n=b", "\"a\n'=b\""},
                {"a;;=b", "\"a;;'=b\""},
                {"say \"=hi\"", "\"say \"\"=hi\"\"\""},
                {"a-b=c", "\"a-b=c\""}};
        for (String[] example : cases) {
            assertThat(Csv.cell(example[0])).as("%s", example[0].chars().boxed().toList()).isEqualTo(example[1]);
        }
    }

    @Test
    void numbersStayNumbersButAreQuotedToo() {
        assertThat(Csv.row(Arrays.asList(-3, 2.5, null, "-3"))).isEqualTo("\"-3\",\"2.5\",\"\",\"'-3\"\r\n");
    }
}
