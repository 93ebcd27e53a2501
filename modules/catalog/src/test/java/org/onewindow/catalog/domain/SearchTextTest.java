package org.onewindow.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.onewindow.catalog.guide.LicenceTypes;

/**
 * What people type into the catalog search and which demo items they must find (issue 7, part 4): the examples
 * that found nothing before, and the kinds they stand for. Every query runs over the whole demo catalog, so a
 * query that also found a wrong item fails as well as one that found too little.
 */
class SearchTextTest {

    private static final String ALL = "RS-0001,YB-0001,MZ-0001,MZ-0002,CL-0001,GA-0001,WJ-0001,XZSP-0001,XZSP-0002,"
            + "ZRZY-0001,ZJ-0001,ZJ-0002,NY-0001";

    static Stream<Arguments> typed() {
        return Stream.of(
                // What worked before still finds exactly what it found.
                found("养老", "RS-0001"),
                found("城乡居民基本养老保险参保登记", "RS-0001"),
                // The examples of the issue.
                found("养老 保险", "RS-0001"),
                found("养老\u3000保险", "RS-0001"), // ideographic (full-width) space
                found("宅基地和建房(规划许可)", "NY-0001"), // half-width brackets, the item has full-width ones
                found("低保", "MZ-0001"), // alias of 最低生活保障申请
                found(
                        "营业执照",
                        "XZSP-0001,XZSP-0002,ZRZY-0001,ZJ-0001,ZJ-0002"), // licence of XZSP-0001, material of the rest
                found("医保", "YB-0001"), // alias of 城乡居民基本医疗保险参保登记
                found("结婚", "WJ-0001"), // no 婚姻登记 in the demo catalog: the material 结婚证 of 生育登记
                // Their kinds: width, case, spaces, punctuation, brackets.
                found("ＸＺＳＰ－０００１", "XZSP-0001"), // full-width letters and digits
                found("xzsp 0001", "XZSP-0001"), // lower case, a space for the dash
                found("  低保  ", "MZ-0001"),
                found("最低、生活，保障。", "MZ-0001"), // 、，。
                found("生育·登记", "WJ-0001"), // middle dot
                found("农村宅基地和建房（规划许可)审批", "NY-0001"), // mixed brackets
                found("《宅基地审批》", "NY-0001"),
                // Compatibility ideographs and Kangxi radicals find their unified ideographs.
                found("\uFA04基地", "NY-0001"),
                found("无\uFA9F罪", "GA-0001"),
                found("\u2FBC龄", "MZ-0002"),
                // Several words: all of them, in any order.
                found("参保登记 医疗", "YB-0001"),
                found("医疗 参保登记", "YB-0001"),
                found("参保登记", "RS-0001,YB-0001"),
                found("养老 医疗", ""),
                // Words found only in an alias, a material or the licence issued.
                found("良民证", "GA-0001"), // alias only
                found("残疾评定表", "CL-0001"), // material only
                found("乡村建设规划许可证", "NY-0001"), // licence (结果证照) only
                // No words finds everything; a word no item has finds nothing.
                found("", ALL),
                found(" 、。 ", ALL),
                found("不存在的事项", ""));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("typed")
    void aQueryFindsTheItemsPeopleMean(String query, String expectedCodes) {
        SearchText words = SearchText.of(query);

        List<String> foundCodes = demoItems()
                .filter(item -> words.foundIn(item, LicenceTypes.names()))
                .map(item -> item.getString("code"))
                .toList();

        assertThat(foundCodes).containsExactlyInAnyOrderElementsOf(codes(expectedCodes));
    }

    @Test
    void idCardFindsEveryItemThatAsksForOne() {
        List<String> foundCodes = demoItems()
                .filter(item -> SearchText.of("身份证").foundIn(item, LicenceTypes.names()))
                .map(item -> item.getString("code"))
                .toList();

        // 居民身份证 and 夫妻双方居民身份证 are materials; the demo catalog has no item issuing the card itself.
        assertThat(foundCodes)
                .contains("RS-0001", "MZ-0001", "WJ-0001", "XZSP-0001", "NY-0001")
                .doesNotContain("ZJ-0001", "ZJ-0002", "ZRZY-0001", "XZSP-0002");
    }

    @Test
    void normalisingKeepsHanCharactersOfEveryPlaneAndDropsOnlyWidthSpacesAndPunctuation() {
        assertThat(SearchText.normalise("农村宅基地和建房（规划许可）审批")).isEqualTo("农村宅基地和建房规划许可审批");
        assertThat(SearchText.normalise("ＸＺＳＰ－０００１")).isEqualTo("xzsp0001");
        assertThat(SearchText.normalise("𠮷家村 〇号")).isEqualTo("𠮷家村〇号"); // Extension B and 〇 stay
        assertThat(SearchText.normalise("买买提·艾力")).isEqualTo("买买提艾力");
        assertThat(SearchText.of("养老\u3000保险  养老").words()).containsExactly("养老", "保险");
    }

    private static Arguments found(String query, String codes) {
        return Arguments.of(query, codes);
    }

    private static List<String> codes(String codes) {
        return codes.isEmpty() ? List.of() : List.of(codes.split(","));
    }

    private static Stream<JsonObject> demoItems() {
        return codes(ALL).stream().map(DemoCatalog::item);
    }
}
