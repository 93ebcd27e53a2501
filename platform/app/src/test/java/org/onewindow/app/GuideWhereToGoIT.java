package org.onewindow.app;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onewindow.testing.Api;

/**
 * Where the guide (办事指南) sends a villager, on the page and in the PDF, for every tier combination of the demo
 * county: 华沟村 (370321106202) has a 便民服务站 of its own, 田庄村 (370321100201) has none; 城乡居民基本养老保险参保登记
 * (RS-0001) is taken in at the village, 无犯罪记录证明开具 (GA-0001) only at the town or county, 建筑工程施工许可证核发
 * (ZJ-0001) only at the county. A point above is named with where it is (at the town centre, at the county centre),
 * its address, hours and telephone as the service points' API holds them.
 */
class GuideWhereToGoIT extends ShippedWar {

    static final String HUAGOU = "370321106202";
    static final String TIANZHUANG_VILLAGE = "370321100201";
    static final String AT_VILLAGE = "RS-0001";
    static final String AT_TOWN = "GA-0001";
    static final String AT_COUNTY = "ZJ-0001";
    static final String ELSEWHERE = "没有受理本事项的服务场所，请到以下地点办理";
    static final String AT_THE_TOWN_CENTRE = "位置：在起凤镇政府驻地（镇上）";
    static final String AT_THE_COUNTY_CENTRE = "位置：在桓台县政府驻地（县城）";

    @Test
    void aVillageWithAStationIsSentThereOnlyForWhatTheVillageTakesIn() throws Exception {
        for (String where : new String[] {places(HUAGOU, AT_VILLAGE), pdfPlaces(HUAGOU, AT_VILLAGE)}) {
            assertThat(where).contains("华沟村便民服务站").doesNotContain(ELSEWHERE).doesNotContain("起凤镇便民服务中心");
        }

        for (String where : new String[] {places(HUAGOU, AT_TOWN), pdfPlaces(HUAGOU, AT_TOWN)}) {
            assertThat(where)
                    .as("an item the village may not take in sends the villager to the town, then the county")
                    .doesNotContain("华沟村便民服务站")
                    .contains("华沟村" + ELSEWHERE)
                    .contains("起凤镇便民服务中心", AT_THE_TOWN_CENTRE)
                    .contains("桓台县便民服务中心", AT_THE_COUNTY_CENTRE);
            assertThat(where.indexOf("起凤镇便民服务中心")).isLessThan(where.indexOf("桓台县便民服务中心"));
            assertDetails(where, "起凤镇便民服务中心", "370321106000");
            assertDetails(where, "桓台县便民服务中心", "370321000000");
        }

        for (String where : new String[] {places(HUAGOU, AT_COUNTY), pdfPlaces(HUAGOU, AT_COUNTY)}) {
            assertThat(where)
                    .doesNotContain("华沟村便民服务站")
                    .doesNotContain("起凤镇便民服务中心")
                    .contains("华沟村" + ELSEWHERE)
                    .contains("桓台县便民服务中心", AT_THE_COUNTY_CENTRE);
        }
    }

    @Test
    void aVillageWithoutAStationIsSentToTheNearestPointsWhoseTierTakesTheItemIn() throws Exception {
        for (String where :
                new String[] {places(TIANZHUANG_VILLAGE, AT_VILLAGE), pdfPlaces(TIANZHUANG_VILLAGE, AT_VILLAGE)}) {
            assertThat(where)
                    .contains("田庄村" + ELSEWHERE)
                    .contains("田庄镇便民服务中心", "位置：在田庄镇政府驻地（镇上）")
                    .contains("桓台县便民服务中心", AT_THE_COUNTY_CENTRE);
        }
        for (String where :
                new String[] {places(TIANZHUANG_VILLAGE, AT_TOWN), pdfPlaces(TIANZHUANG_VILLAGE, AT_TOWN)}) {
            assertThat(where).contains("田庄村" + ELSEWHERE, "田庄镇便民服务中心", "桓台县便民服务中心");
            assertDetails(where, "田庄镇便民服务中心", "370321100000");
        }
        for (String where :
                new String[] {places(TIANZHUANG_VILLAGE, AT_COUNTY), pdfPlaces(TIANZHUANG_VILLAGE, AT_COUNTY)}) {
            assertThat(where)
                    .contains("田庄村" + ELSEWHERE, "桓台县便民服务中心", AT_THE_COUNTY_CENTRE)
                    .doesNotContain("田庄镇便民服务中心");
        }
    }

    @Test
    void aTownIsSentToTheCountyForWhatOnlyTheCountyTakesIn() throws Exception {
        assertThat(places("370321106000", AT_TOWN)).contains("起凤镇便民服务中心").doesNotContain(ELSEWHERE);
        assertThat(places("370321106000", AT_COUNTY))
                .contains("起凤镇" + ELSEWHERE, "桓台县便民服务中心", AT_THE_COUNTY_CENTRE)
                .doesNotContain("起凤镇便民服务中心");
    }

    @Test
    void theEnglishGuideSaysWhereThePointAboveIs() throws Exception {
        String en = pdfText(get("api/v1/catalog/items/" + AT_TOWN + "/guide.pdf?lang=en&tenant=" + HUAGOU));
        assertThat(en).contains("Where:atthetowncentreof起凤镇").contains("Where:atthecountycentreof桓台县");
    }

    /**
     * The point of {@code division} named {@code name} as the service points' API holds it now (another class may
     * change its details): the guide shows its address, its telephone and its hours.
     */
    void assertDetails(String where, String name, String division) {
        Api.Answer found = api.get("api/v1/service-points?q=" + division, api.token("county.admin", PASSWORD));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonObject point = found.json().asJsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("name").equals(name))
                .findFirst()
                .orElseThrow();
        // The point's own lines run from its name, followed by where it is, to the next point's location line.
        int start = where.indexOf(name + "位置：");
        assertThat(start).as(name + " with where it is, in\n" + where).isNotNegative();
        int next = where.indexOf("位置：", start + name.length() + 3);
        String own = next < 0 ? where.substring(start) : where.substring(start, next);
        assertThat(own).as(name).contains("办公时间：");
        if (point.get("address") instanceof jakarta.json.JsonString) {
            assertThat(own).as(name).contains("地址：" + point.getString("address").replaceAll("\\s+", ""));
        }
        if (point.get("contactPhone") instanceof jakarta.json.JsonString) {
            assertThat(own).as(name).contains("咨询电话：" + point.getString("contactPhone"));
        }
    }

    /** The guide page's 办理地点 section as text, white space removed, as anyone reads it. */
    String places(String tenant, String item) throws Exception {
        String html = new String(
                get("catalog/guide.xhtml?tenant=" + tenant + "&item=" + item).body(), StandardCharsets.UTF_8);
        Matcher section = Pattern.compile("<section id=\"places\">(.*?)</section>", Pattern.DOTALL)
                .matcher(html);
        assertThat(section.find())
                .as("the guide of %s at %s has a places section", item, tenant)
                .isTrue();
        return section.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", "");
    }

    /** The guide PDF's text from 办理地点 on, white space removed. */
    String pdfPlaces(String tenant, String item) throws Exception {
        byte[] pdf = get("api/v1/catalog/items/" + item + "/guide.pdf?tenant=" + tenant)
                .body();
        String text;
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        // A point's lines are numbered in print (1. 位置：… 2. 地址：…); the page lists them unnumbered.
        text = text.replaceAll("(^|\\s)\\d+\\.\\s", "$1").replaceAll("\\s+", "");
        assertThat(text).as("the PDF guide of %s at %s", item, tenant).contains("办理地点");
        return text.substring(text.lastIndexOf("办理地点"));
    }

    HttpResponse<byte[]> get(String path) throws Exception {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer;
    }

    static String pdfText(HttpResponse<byte[]> pdf) throws Exception {
        return pdfText(pdf.body());
    }
}
