package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.kernel.error.FieldError;
import org.onewindow.kernel.error.FieldsRefusedException;
import org.onewindow.kernel.error.Messages;

/**
 * The application forms (申请表) of the demo items: 最低生活保障申请表 with its household members, the pension
 * registration, the individual business and the construction permit, their definitions and the answers a clerk types.
 */
public class ApplicationFormTest {

    static final String FILE = "/org/onewindow/catalog/demo/forms.json";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    public static JsonObject demoForm(String itemCode) {
        try (JsonReader reader = Json.createReader(
                new InputStreamReader(ApplicationFormTest.class.getResourceAsStream(FILE), StandardCharsets.UTF_8))) {
            return reader.readObject().getJsonObject("forms").getJsonObject(itemCode);
        }
    }

    static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static ApplicationForm form(String itemCode) {
        return ApplicationForm.parse(demoForm(itemCode), ItemElements.APPLICATION_FORM);
    }

    /** A complete 最低生活保障 application: one household member. */
    static final String LOW_INCOME = """
            {"householdSize": 1,
             "members": [{"name": "王秀兰", "idNumber": "370321195803121012", "relation": "本人", "monthlyIncome": 300}],
             "monthlyHouseholdIncome": 300.5,
             "reason": "年老体弱，无固定收入",
             "bankName": "桓台农商银行",
             "bankAccount": "6228480012345678",
             "phone": "138 0533 1234"}
            """;

    private static List<String> refused(String itemCode, String answers) {
        return form(itemCode).check(json(answers), TODAY).errors().stream()
                .map(e -> e.field() + " " + e.key())
                .toList();
    }

    private static String lowIncomeWith(String field, String value) {
        return json(LOW_INCOME).entrySet().stream()
                .filter(e -> !e.getKey().equals(field))
                .reduce(Json.createObjectBuilder(), (b, e) -> b.add(e.getKey(), e.getValue()), (a, b) -> a)
                .add(field, json("{\"v\": " + value + "}").get("v"))
                .build()
                .toString();
    }

    @Nested
    class Definitions {

        @Test
        void everyDemoFormIsValidAndReadsBackAsWritten() {
            for (String item : List.of("MZ-0001", "RS-0001", "XZSP-0001", "ZJ-0001")) {
                ApplicationForm form = form(item);
                assertThat(form.toJson().getString("name"))
                        .isEqualTo(demoForm(item).getString("name"));
                assertThat(ApplicationForm.parse(form.toJson(), "x")).isEqualTo(form);
            }
            FormField members = form("MZ-0001").field("members").orElseThrow();
            assertThat(members.type()).isEqualTo(FormFieldType.TABLE);
            assertThat(members.column("idNumber").orElseThrow().type()).isEqualTo(FormFieldType.RESIDENT_ID);
            assertThat(form("ZJ-0001").field("plannedEnd").orElseThrow().after())
                    .isEqualTo("plannedStart");
        }

        private List<String> problems(String definition) {
            return ApplicationForm.problems(json(definition), "applicationForm").stream()
                    .map(e -> e.field() + " " + e.key())
                    .toList();
        }

        @Test
        void unknownTypesDuplicateCodesAndMissingLabelsAreEachNamed() {
            assertThat(problems("""
                            {"name": "表", "fields": [
                              {"code": "a", "label": "甲", "type": "colour"},
                              {"code": "b", "label": "乙", "type": "text"},
                              {"code": "b", "label": "丙", "type": "text"},
                              {"code": "9c", "type": "text"}]}
                            """))
                    .containsExactly(
                            "applicationForm.fields[0].type catalog.form.field.type.unknown",
                            "applicationForm.fields[2].code catalog.form.field.code.duplicate",
                            "applicationForm.fields[3].code catalog.form.field.code.format",
                            "applicationForm.fields[3].label catalog.form.key.required");
        }

        @Test
        void aSelectNeedsDistinctOptionsAndATableColumnsWithoutATableInside() {
            assertThat(problems("""
                            {"name": "表", "fields": [
                              {"code": "s", "label": "选", "type": "select"},
                              {"code": "d", "label": "重", "type": "select", "options": ["甲", "甲"]},
                              {"code": "t", "label": "表", "type": "table"},
                              {"code": "u", "label": "套", "type": "table", "columns": [
                                {"code": "inner", "label": "内", "type": "table", "columns": [
                                  {"code": "x", "label": "x", "type": "text"}]}]}]}
                            """))
                    .containsExactly(
                            "applicationForm.fields[0].options catalog.form.field.options.required",
                            "applicationForm.fields[1].options[1] catalog.form.field.option.duplicate",
                            "applicationForm.fields[2].columns catalog.form.field.columns.required",
                            "applicationForm.fields[3].columns[0].type catalog.form.field.table.nested");
        }

        @Test
        void boundsPatternsAndKeysMustFitTheType() {
            assertThat(problems("""
                            {"name": "表", "fields": [
                              {"code": "n", "label": "数", "type": "integer", "min": 5, "max": 1},
                              {"code": "p", "label": "码", "type": "text", "pattern": "^[0-9+$"},
                              {"code": "q", "label": "日", "type": "date", "maxLength": 10, "colour": "red"},
                              {"code": "r", "label": "止", "type": "date", "after": "n"}]}
                            """))
                    .containsExactly(
                            "applicationForm.fields[0].max catalog.form.field.min.above.max",
                            "applicationForm.fields[1].pattern catalog.form.field.pattern.invalid",
                            "applicationForm.fields[2].colour catalog.form.key.unknown",
                            "applicationForm.fields[2].maxLength catalog.form.field.key.type",
                            "applicationForm.fields[3].after catalog.form.field.after.unknown");
        }

        @Test
        void aFormWithoutFieldsOrNotAnObjectIsRefusedWithTheWholeList() {
            FieldsRefusedException refused = catchThrowableOfType(
                    FieldsRefusedException.class,
                    () -> ApplicationForm.parse(json("{\"name\": \"\", \"fields\": []}"), "applicationForm"));
            assertThat(refused.key()).isEqualTo("catalog.form.invalid");
            assertThat(refused.errors())
                    .extracting(FieldError::field)
                    .containsExactly("applicationForm.name", "applicationForm.fields");
            assertThat(ApplicationForm.problems(Json.createValue("表"), "applicationForm"))
                    .extracting(FieldError::key)
                    .containsExactly("catalog.form.object.expected");
        }

        @Test
        void anItemWithABrokenFormIsRefusedByTheItemsRules() {
            JsonObject elements = Json.createObjectBuilder(DemoCatalog.item("MZ-0001"))
                    .add("applicationForm", json("{\"name\": \"表\", \"fields\": [{\"code\": \"a\"}]}"))
                    .build();
            assertThat(catchThrowableOfType(
                                    FieldsRefusedException.class,
                                    () -> ItemRules.shapeOnly().require(elements))
                            .errors())
                    .extracting(FieldError::field)
                    .containsExactly("applicationForm.fields[0].label", "applicationForm.fields[0].type");
        }

        @Test
        void theMessagesNameTheRuleInChineseAndEnglish() {
            FieldError error = ApplicationForm.problems(
                            json(
                                    "{\"name\": \"表\", \"fields\": [{\"code\": \"a\", \"label\": \"甲\", \"type\": \"colour\"}]}"),
                            "applicationForm")
                    .get(0);
            assertThat(Messages.format(
                            Messages.DEFAULT_LOCALE,
                            error.key(),
                            error.arguments().toArray()))
                    .startsWith("不认识的字段类型“colour”");
            assertThat(Messages.format(
                            java.util.Locale.ENGLISH,
                            error.key(),
                            error.arguments().toArray()))
                    .startsWith("Unknown field type \"colour\"");
        }
    }

    @Nested
    class Answers {

        @Test
        void aCompleteLowIncomeApplicationIsKeptCleaned() {
            ApplicationForm.Checked checked = form("MZ-0001").check(json(LOW_INCOME), TODAY);
            assertThat(checked.errors()).isEmpty();
            JsonObject answers = checked.answers();
            assertThat(answers.getJsonNumber("monthlyHouseholdIncome").toString())
                    .isEqualTo("300.50");
            assertThat(answers.getString("phone")).isEqualTo("13805331234");
            assertThat(answers.getJsonArray("members").getJsonObject(0).getString("idNumber"))
                    .isEqualTo("370321195803121012");
        }

        @Test
        void theMaskedViewHidesIdNumbersPhonesAndSensitiveTexts() {
            ApplicationForm form = form("MZ-0001");
            JsonObject answers = form.answers(json(LOW_INCOME), TODAY);
            JsonObject masked = form.masked(answers);
            assertThat(masked.getJsonArray("members").getJsonObject(0).getString("idNumber"))
                    .isEqualTo("370321********1012");
            assertThat(masked.getString("phone")).isEqualTo("138****1234");
            // The bank account is marked sensitive in the form: only its last four digits show.
            String account = answers.getString("bankAccount");
            assertThat(masked.getString("bankAccount"))
                    .hasSize(account.length())
                    .startsWith("****")
                    .endsWith(account.substring(account.length() - 4));
            assertThat(masked.toString())
                    .doesNotContain("19580312")
                    .doesNotContain("05331234")
                    .doesNotContain(account.substring(0, 8));
        }

        @Test
        void onlyAFreeTextMayBeMarkedSensitiveAndOnlyWithTrueOrFalse() {
            assertThat(ApplicationForm.problems(
                                    json(
                                            "{\"name\":\"表\",\"fields\":["
                                                    + "{\"code\":\"n\",\"label\":\"人数\",\"type\":\"integer\",\"sensitive\":true},"
                                                    + "{\"code\":\"a\",\"label\":\"账号\",\"type\":\"text\",\"sensitive\":\"yes\"}]}"),
                                    "applicationForm")
                            .stream()
                            .map(e -> e.field() + " " + e.key())
                            .toList())
                    .containsExactly(
                            "applicationForm.fields[0].sensitive catalog.form.field.key.type",
                            "applicationForm.fields[1].sensitive catalog.form.field.boolean.expected");
        }

        @Test
        void nothingAnsweredNamesEveryRequiredField() {
            assertThat(refused("MZ-0001", "{}"))
                    .containsExactly(
                            "householdSize catalog.form.answer.required",
                            "members catalog.form.answer.required",
                            "monthlyHouseholdIncome catalog.form.answer.required",
                            "reason catalog.form.answer.required",
                            "bankName catalog.form.answer.required",
                            "bankAccount catalog.form.answer.required",
                            "phone catalog.form.answer.required");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', textBlock = """
                householdSize          | 0                    | householdSize catalog.form.answer.min
                householdSize          | 21                   | householdSize catalog.form.answer.max
                householdSize          | 2.5                  | householdSize catalog.form.answer.integer
                householdSize          | "三"                 | householdSize catalog.form.answer.integer
                monthlyHouseholdIncome | 300.123              | monthlyHouseholdIncome catalog.form.answer.money
                monthlyHouseholdIncome | -1                   | monthlyHouseholdIncome catalog.form.answer.min
                monthlyHouseholdIncome | 1e100000             | monthlyHouseholdIncome catalog.form.answer.money
                householdSize          | 1e-1000              | householdSize catalog.form.answer.integer
                reason                 | 5                    | reason catalog.form.answer.text.expected
                bankName               | "桓台\\n农商银行"     | bankName text.line-break
                bankAccount            | "62284800"           | bankAccount catalog.form.answer.pattern
                phone                  | "1380533123"         | phone catalog.form.answer.phone
                phone                  | "12345678901"        | phone catalog.form.answer.phone
                colour                 | "red"                | colour catalog.form.answer.unknown
                members                | {}                   | members catalog.form.answer.table
                members                | [1]                  | members[0] catalog.form.answer.row
                """)
        void eachWrongAnswerIsNamedByItsPath(String field, String value, String expected) {
            assertThat(refused("MZ-0001", lowIncomeWith(field, value))).containsExactly(expected);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', textBlock = """
                "370321195803121013"  | members[0].idNumber identity.resident.check
                "370321580312101"     | members[0].idNumber identity.resident.legacy
                "370321202712311012"  | members[0].idNumber identity.resident.birth.future
                """)
        void aHouseholdMembersIdNumberIsCheckedByTheKernelsRule(String idNumber, String expected) {
            String member = "[{\"name\": \"王秀兰\", \"idNumber\": " + idNumber
                    + ", \"relation\": \"本人\", \"monthlyIncome\": 300}]";
            assertThat(refused("MZ-0001", lowIncomeWith("members", member))).containsExactly(expected);
        }

        @Test
        void aRowNamesItsIndexColumnAndChoice() {
            String members = """
                    [{"name": "王秀兰", "idNumber": "370321195803121012", "relation": "本人", "monthlyIncome": 300},
                     {"name": "王小", "idNumber": "37030219730101679x", "relation": "表亲", "monthlyIncome": 0, "age": 3}]
                    """;
            assertThat(refused("MZ-0001", lowIncomeWith("members", members)))
                    .containsExactly(
                            "members[1].age catalog.form.answer.unknown",
                            "members[1].relation catalog.form.answer.option");
        }

        @Test
        void aLowerCaseXIsKeptUpperCase() {
            String members = "[{\"name\": \"王小\", \"idNumber\": \"37030219730101679x\", \"relation\": \"子女\","
                    + " \"monthlyIncome\": 0}]";
            JsonObject answers = form("MZ-0001").answers(json(lowIncomeWith("members", members)), TODAY);
            assertThat(answers.getJsonArray("members").getJsonObject(0).getString("idNumber"))
                    .isEqualTo("37030219730101679X");
        }

        @Test
        void theRefusalListsEveryAnswerAtOnce() {
            FieldsRefusedException refused = catchThrowableOfType(
                    FieldsRefusedException.class,
                    () -> form("MZ-0001").answers(json("{\"householdSize\": 0, \"phone\": \"110\"}"), TODAY));
            assertThat(refused.key()).isEqualTo("catalog.form.answers.refused");
            assertThat(refused.errors()).hasSize(7);
            assertThat(refused.arguments()).containsExactly(7);
        }

        /** 建筑工程施工许可证: organisations, a decimal area, dates in order, a project code by pattern. */
        static final String PERMIT = """
                {"projectCode": "2026-370321-47-01-000123",
                 "projectName": "起凤镇中心小学教学楼",
                 "builder": {"name": "桓台县教育和体育局", "uscc": "11370321004221396B"},
                 "site": "桓台县起凤镇华沟村",
                 "floorArea": 5230.75,
                 "contractPrice": 1860,
                 "contractor": {"name": "淄博建工集团有限公司", "uscc": "91370321ma3c4rt10e"},
                 "plannedStart": "2027-03-01",
                 "plannedEnd": "2028-06-30"}
                """;

        @Test
        void aConstructionPermitWithTwoOrganisationsAndItsDates() {
            ApplicationForm.Checked checked = form("ZJ-0001").check(json(PERMIT), TODAY);
            assertThat(checked.errors()).isEmpty();
            assertThat(checked.answers().getJsonObject("contractor").getString("uscc"))
                    .isEqualTo("91370321MA3C4RT10E");
            assertThat(checked.answers().getJsonNumber("contractPrice").toString())
                    .isEqualTo("1860.00");
        }

        @ParameterizedTest(name = "{0} = {1}")
        @CsvSource(delimiter = '|', textBlock = """
                contractor   | {"name": "淄博建工", "uscc": "91370321MA3C4RT20A"} | contractor.uscc identity.uscc.check
                contractor   | {"name": "淄博建工", "uscc": "91370321MA3C4RTI00"} | contractor.uscc identity.uscc.character
                contractor   | {"uscc": "91370321MA3C4RT10E"}                     | contractor.name catalog.form.answer.organisation.name
                contractor   | "淄博建工"                                         | contractor catalog.form.answer.organisation
                plannedEnd   | "2027-03-01"                                       | plannedEnd catalog.form.answer.after
                plannedEnd   | "2028-02-30"                                       | plannedEnd catalog.form.answer.date
                plannedEnd   | "2028/06/30"                                       | plannedEnd catalog.form.answer.date
                floorArea    | 0                                                  | floorArea catalog.form.answer.min
                floorArea    | "5230"                                             | floorArea catalog.form.answer.decimal
                projectCode  | "2026-370321-47-01-00012"                          | projectCode catalog.form.answer.pattern
                """)
        void eachWrongPermitAnswer(String field, String value, String expected) {
            JsonObject answers = json(PERMIT);
            String changed = Json.createObjectBuilder(answers)
                    .add(field, json("{\"v\": " + value + "}").get("v"))
                    .build()
                    .toString();
            assertThat(refused("ZJ-0001", changed)).containsExactly(expected);
        }

        @Test
        void pensionRegistrationWithALandlineAndAnOptionalFieldLeftOut() {
            ApplicationForm.Checked checked = form("RS-0001").check(json("""
                            {"householdType": "农业", "contributionGrade": "500",
                             "address": "桓台县起凤镇华沟村12号", "phone": "0533-8123456"}
                            """), TODAY);
            assertThat(checked.errors()).isEmpty();
            assertThat(checked.answers().getString("phone")).isEqualTo("0533-8123456");
            assertThat(refused("XZSP-0001", """
                            {"operatorPhone": "13905330000", "premises": "起凤镇", "businessScope": "日用百货零售",
                             "formOfOrganisation": "个人经营", "capital": 5, "employees": 2}
                            """)).isEmpty();
        }

        @Test
        void addressAndTextareaKeepTheirLimitsAndLines() {
            String longAddress = "桓".repeat(101);
            assertThat(refused("RS-0001", """
                            {"householdType": "农业", "contributionGrade": "500", "address": "%s", "phone": "0533-8123456"}
                            """.formatted(longAddress))).containsExactly("address text.too-long");
            assertThat(refused("MZ-0001", lowIncomeWith("reason", "\"年老体弱\\n无固定收入\"")))
                    .isEmpty();
            assertThat(refused("MZ-0001", lowIncomeWith("reason", "\"年老\\u0000体弱\"")))
                    .containsExactly("reason text.control");
        }
    }

    /** A tier adds optional local fields (extraFormFields); the standard's fields stay as they are. */
    @Nested
    class LocalFields {

        final JsonObject standard = Json.createObjectBuilder()
                .add("code", "RS-0001")
                .add(ItemElements.APPLICATION_FORM, demoForm("RS-0001"))
                .build();

        private DomainException refusedPatch(String patch) {
            return catchThrowableOfType(DomainException.class, () -> OverridePolicy.check(json(patch), standard));
        }

        @Test
        void anOptionalLocalFieldComesAfterTheStandardOnes() {
            JsonObject patch = json("""
                    {"extraFormFields": [{"code": "villageGroup", "label": "村民小组", "type": "text", "required": false}]}
                    """);
            OverridePolicy.check(patch, standard);
            JsonObject effective = Json.createObjectBuilder(standard)
                    .add("extraFormFields", patch.get("extraFormFields"))
                    .build();
            ApplicationForm form = ApplicationForm.of(effective).orElseThrow();
            assertThat(form.fields())
                    .extracting(FormField::code)
                    .containsExactly("householdType", "contributionGrade", "address", "phone", "villageGroup");
            assertThat(form.check(json("""
                            {"householdType": "农业", "contributionGrade": "500", "address": "华沟村", "phone": "13905330000"}
                            """), TODAY).errors()).isEmpty();
        }

        @Test
        void aRequiredLocalField() {
            assertThat(refusedPatch("""
                            {"extraFormFields": [{"code": "villageGroup", "label": "村民小组", "type": "text", "required": true}]}
                            """).key()).isEqualTo("catalog.override.form.field.required");
        }

        @Test
        void aLocalFieldThatChangesAStandardOne() {
            DomainException refused = refusedPatch("""
                    {"extraFormFields": [{"code": "phone", "label": "电话", "type": "text"}]}
                    """);
            assertThat(refused.key()).isEqualTo("catalog.override.form.field.duplicate");
            assertThat(refused.arguments()).containsExactly("phone");
        }

        @Test
        void theStandardFormItselfOrABrokenLocalField() {
            assertThat(refusedPatch("{\"applicationForm\": {\"name\": \"表\", \"fields\": []}}")
                            .key())
                    .isEqualTo("catalog.override.protected");
            assertThat(((FieldsRefusedException) refusedPatch("""
                                    {"extraFormFields": [{"code": "g", "label": "组", "type": "select"}]}
                                    """)).errors())
                    .extracting(FieldError::field)
                    .containsExactly("extraFormFields[0].options");
        }

        @Test
        void anItemWithoutAForm() {
            DomainException refused = catchThrowableOfType(
                    DomainException.class,
                    () -> OverridePolicy.check(
                            json("{\"extraFormFields\": [{\"code\": \"g\", \"label\": \"组\", \"type\": \"text\"}]}"),
                            json("{\"code\": \"X-1\"}")));
            assertThat(refused.key()).isEqualTo("catalog.override.form.absent");
            assertThat(ApplicationForm.of(json("{\"code\": \"X-1\"}"))).isEmpty();
        }
    }
}
