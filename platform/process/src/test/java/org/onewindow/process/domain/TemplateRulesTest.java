package org.onewindow.process.domain;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.bpmn.model.BpmnModel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onewindow.kernel.error.DomainException;
import org.onewindow.process.domain.TemplateStep.Kind;

class TemplateRulesTest {

    private static final String KEY = "local-review";

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------------

    /** A whole BPMN document around the given children of {@code <definitions>}. */
    private static String definitions(String children) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:flowable="http://flowable.org/bpmn"
                             xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                             targetNamespace="https://onewindow.org/process/test">
                %s
                </definitions>
                """.formatted(children);
    }

    /** One executable process with the given id around the given body. */
    private static String process(String id, String body) {
        return definitions("""
                <process id="%s" name="测试流程" isExecutable="true">
                %s
                </process>
                """.formatted(id, body));
    }

    /** A template under {@link #KEY} with the given body. */
    private static byte[] template(String body) {
        return process(KEY, body).getBytes(UTF_8);
    }

    /** start → the given middle → end, where the middle starts at {@code first} and ends at {@code last}. */
    private static byte[] linear(String first, String last, String middle) {
        return template("""
                <startEvent id="start"/>
                <sequenceFlow id="in" sourceRef="start" targetRef="%s"/>
                %s
                <sequenceFlow id="out" sourceRef="%s" targetRef="end"/>
                <endEvent id="end"/>
                """.formatted(first, middle, last));
    }

    /** start → one user task with the given attributes and children → end. */
    private static byte[] withTask(String attributes, String children) {
        return linear("review", "review", """
                <userTask id="review" name="审查" %s>
                %s
                </userTask>
                """.formatted(attributes, children));
    }

    /**
     * start → a decision gateway whose flow "go" carries the given condition element and whose default flow has none
     * → one user task → end. Valid whenever the condition is.
     */
    private static byte[] decision(String condition) {
        return linear("gate", "task", """
                <exclusiveGateway id="gate" default="otherwise"/>
                <sequenceFlow id="go" sourceRef="gate" targetRef="task">
                  %s
                </sequenceFlow>
                <sequenceFlow id="otherwise" sourceRef="gate" targetRef="task"/>
                <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                """.formatted(condition));
    }

    private static void assertPasses(byte[] xml) {
        assertThatCode(() -> TemplateRules.check(KEY, xml))
                .as("the same template without the attack should pass")
                .doesNotThrowAnyException();
    }

    private static final byte[] MINIMAL = withTask("flowable:candidateGroups=\"${windowGroup}\"", "");

    private static byte[] bundled(String key) {
        String path = "/org/onewindow/process/templates/" + key + ".bpmn20.xml";
        try (InputStream in = TemplateRulesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static DomainException refusal(String key, byte[] xml) {
        DomainException refusal = catchThrowableOfType(DomainException.class, () -> TemplateRules.check(key, xml));
        assertThat(refusal)
                .as("template under %s should have been refused", key)
                .isNotNull();
        return refusal;
    }

    private static DomainException refusal(byte[] xml) {
        return refusal(KEY, xml);
    }

    private static void assertRefused(byte[] xml, String expectedKey) {
        assertThatThrownBy(() -> TemplateRules.check(KEY, xml))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).key())
                .isEqualTo(expectedKey);
    }

    private static TemplateStep step(String id, String name, Kind kind, String candidates) {
        return new TemplateStep(id, name, kind, candidates);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The bundled standard templates
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class BundledTemplates {

        @ParameterizedTest
        @ValueSource(strings = {"on-the-spot", "single-department", "parallel-review", "tiered-review"})
        void passUnderTheirOwnKey(String key) {
            BpmnModel model = TemplateRules.check(key, bundled(key));

            assertThat(model.getProcesses()).hasSize(1);
            assertThat(model.getMainProcess().getId()).isEqualTo(key);
            assertThat(model.getMainProcess().isExecutable()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"on-the-spot", "single-department", "parallel-review", "tiered-review"})
        void areRefusedUnderAnotherKey(String key) {
            DomainException refusal = refusal("another-key", bundled(key));

            assertThat(refusal.key()).isEqualTo("process.template.key");
            assertThat(refusal.arguments()).containsExactly(key, "another-key");
        }

        @Test
        void onTheSpotIsExactlyOneWindowTask() {
            List<TemplateStep> steps = TemplateRules.steps(TemplateRules.check("on-the-spot", bundled("on-the-spot")));

            assertThat(steps).containsExactly(step("windowDecision", "窗口当场决定并出件", Kind.TASK, "${windowGroup}"));
        }

        @Test
        void singleDepartmentIsADepartmentTaskThenTheWindow() {
            List<TemplateStep> steps =
                    TemplateRules.steps(TemplateRules.check("single-department", bundled("single-department")));

            assertThat(steps)
                    .containsExactly(
                            step("departmentReview", "部门审查决定", Kind.TASK, "${reviewGroups[0]}"),
                            step("windowDelivery", "窗口出件或送达决定", Kind.TASK, "${windowGroup}"));
        }

        @Test
        void parallelReviewIsParallelReviewsThenTheJointDecisionThenTheWindow() {
            List<TemplateStep> steps =
                    TemplateRules.steps(TemplateRules.check("parallel-review", bundled("parallel-review")));

            assertThat(steps)
                    .containsExactly(
                            step("departmentReviews", "部门并联审查", Kind.PARALLEL_REVIEWS, "${reviewGroup}"),
                            step("jointDecision", "汇总各部门意见并决定", Kind.TASK, "${windowGroup}"),
                            step("windowDelivery", "窗口出件或送达决定", Kind.TASK, "${windowGroup}"));
        }

        @Test
        void tieredReviewIsSequentialReviewsThenTheWindow() {
            List<TemplateStep> steps =
                    TemplateRules.steps(TemplateRules.check("tiered-review", bundled("tiered-review")));

            assertThat(steps)
                    .containsExactly(
                            step("tierReview", "逐级审查", Kind.SEQUENTIAL_REVIEWS, "${reviewGroup}"),
                            step("windowDelivery", "窗口出件或送达决定", Kind.TASK, "${windowGroup}"));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Templates that are allowed
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Allowed {

        @Test
        void localTieredReviewWithADecisionGatewayPasses() {
            byte[] xml = process("tiered-review", """
                            <startEvent id="accepted" name="受理"/>
                            <sequenceFlow id="f1" sourceRef="accepted" targetRef="tierReview"/>
                            <userTask id="tierReview" name="逐级审查" flowable:candidateGroups="${reviewGroup}">
                              <multiInstanceLoopCharacteristics isSequential="true"
                                  flowable:collection="${reviewGroups}" flowable:elementVariable="reviewGroup">
                                <completionCondition>${approved == false}</completionCondition>
                              </multiInstanceLoopCharacteristics>
                            </userTask>
                            <sequenceFlow id="f2" sourceRef="tierReview" targetRef="outcome"/>
                            <exclusiveGateway id="outcome" name="是否准予"/>
                            <sequenceFlow id="granted" sourceRef="outcome" targetRef="windowDelivery">
                              <conditionExpression xsi:type="tFormalExpression">${approved == true}</conditionExpression>
                            </sequenceFlow>
                            <sequenceFlow id="refused" sourceRef="outcome" targetRef="refusalNotice">
                              <conditionExpression xsi:type="tFormalExpression">${approved == false}</conditionExpression>
                            </sequenceFlow>
                            <userTask id="windowDelivery" name="窗口出件或送达决定" flowable:candidateGroups="${windowGroup}"/>
                            <sequenceFlow id="f3" sourceRef="windowDelivery" targetRef="done"/>
                            <userTask id="refusalNotice" name="送达不予许可决定" flowable:candidateGroups="${windowGroup}"/>
                            <sequenceFlow id="f4" sourceRef="refusalNotice" targetRef="done"/>
                            <endEvent id="done" name="办结"/>
                            """).getBytes(UTF_8);

            BpmnModel model = TemplateRules.check("tiered-review", xml);

            assertThat(TemplateRules.steps(model))
                    .containsExactly(
                            step("tierReview", "逐级审查", Kind.SEQUENTIAL_REVIEWS, "${reviewGroup}"),
                            step("outcome", "是否准予", Kind.DECISION_GATEWAY, ""),
                            step("windowDelivery", "窗口出件或送达决定", Kind.TASK, "${windowGroup}"),
                            step("refusalNotice", "送达不予许可决定", Kind.TASK, "${windowGroup}"));
        }

        @Test
        void parallelAndInclusiveGatewaysAreJoinsAndUnnamedStepsAreShownByTheirId() {
            byte[] xml = linear("fork", "merge", """
                    <parallelGateway id="fork"/>
                    <sequenceFlow id="a" sourceRef="fork" targetRef="taskA"/>
                    <sequenceFlow id="b" sourceRef="fork" targetRef="taskB"/>
                    <userTask id="taskA" flowable:candidateGroups="${reviewGroups[0]}"/>
                    <userTask id="taskB" name=" " flowable:candidateGroups="${reviewGroups[1]}"/>
                    <sequenceFlow id="a2" sourceRef="taskA" targetRef="join"/>
                    <sequenceFlow id="b2" sourceRef="taskB" targetRef="join"/>
                    <parallelGateway id="join" name="汇合"/>
                    <sequenceFlow id="j" sourceRef="join" targetRef="merge"/>
                    <inclusiveGateway id="merge"/>
                    """);

            assertThat(TemplateRules.steps(TemplateRules.check(KEY, xml)))
                    .containsExactly(
                            step("fork", "fork", Kind.JOIN, ""),
                            step("taskA", "taskA", Kind.TASK, "${reviewGroups[0]}"),
                            step("taskB", "taskB", Kind.TASK, "${reviewGroups[1]}"),
                            step("join", "汇合", Kind.JOIN, ""),
                            step("merge", "merge", Kind.JOIN, ""));
        }

        @Test
        void severalCandidateGroupsAreJoinedWithCommas() {
            byte[] xml = withTask("flowable:candidateGroups=\"window, ${reviewGroup}\"", "");

            assertThat(TemplateRules.steps(TemplateRules.check(KEY, xml)))
                    .extracting(TemplateStep::candidates)
                    .containsExactly("window,${reviewGroup}");
        }

        @Test
        void expressionsMayUseVariablesIndexesComparisonsAndLogic() {
            byte[] condition = decision("""
                    <conditionExpression xsi:type="tFormalExpression"><![CDATA[${count < 3 && approved != false || !late}]]></conditionExpression>
                    """);
            byte[] attributes = withTask("""
                    flowable:candidateGroups="${reviewGroups[0]}" flowable:assignee="#{clerk}" \
                    flowable:skipExpression="${skip == true and approved ne false or count > 3 or name == 'x-y'}"
                    """, "");

            assertThatCode(() -> TemplateRules.check(KEY, condition)).doesNotThrowAnyException();
            assertThatCode(() -> TemplateRules.check(KEY, attributes)).doesNotThrowAnyException();
        }

        @Test
        void comparisonsWrittenWithTheXmlEscapesAnAttributeNeedsAreAllowed() {
            // '<' and '&' cannot appear raw in an attribute, so "count < 3 && ok" must be written with &lt; and &amp;.
            // After parsing Flowable sees ${count < 3 && ok}: a comparison and logic, which the rule allows.
            byte[] xml = withTask(
                    "flowable:candidateGroups=\"${windowGroup}\" flowable:skipExpression=\"${count &lt; 3 &amp;&amp; ok}\"",
                    "");

            assertThatCode(() -> TemplateRules.check(KEY, xml)).doesNotThrowAnyException();
        }

        @Test
        void conditionalExpressionPasses() {
            byte[] xml = withTask("flowable:candidateGroups=\"${approved ? 'a' : 'b'}\"", "");

            assertThat(TemplateRules.steps(TemplateRules.check(KEY, xml)))
                    .extracting(TemplateStep::candidates)
                    .containsExactly("${approved ? 'a' : 'b'}");
        }

        @Test
        void diagramInterchangeWithShapesEdgesAndBoundsPasses() {
            // What a modeler writes next to the process: positions only, never run.
            byte[] xml = definitions("""
                            <process id="%s" isExecutable="true">
                              <startEvent id="start"/>
                              <sequenceFlow id="in" sourceRef="start" targetRef="review"/>
                              <userTask id="review" name="审查" flowable:candidateGroups="${windowGroup}"/>
                              <sequenceFlow id="out" sourceRef="review" targetRef="end"/>
                              <endEvent id="end"/>
                            </process>
                            <bpmndi:BPMNDiagram id="diagram" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                                xmlns:omgdc="http://www.omg.org/spec/DD/20100524/DC"
                                xmlns:omgdi="http://www.omg.org/spec/DD/20100524/DI">
                              <bpmndi:BPMNPlane id="plane" bpmnElement="%1$s">
                                <bpmndi:BPMNShape id="reviewShape" bpmnElement="review">
                                  <omgdc:Bounds x="100" y="80" width="120" height="60"/>
                                </bpmndi:BPMNShape>
                                <bpmndi:BPMNEdge id="inEdge" bpmnElement="in">
                                  <omgdi:waypoint x="40" y="110"/>
                                  <omgdi:waypoint x="100" y="110"/>
                                </bpmndi:BPMNEdge>
                              </bpmndi:BPMNPlane>
                            </bpmndi:BPMNDiagram>
                            """.formatted(KEY)).getBytes(UTF_8);

            BpmnModel model = TemplateRules.check(KEY, xml);

            assertThat(model.getLocationMap()).containsKey("review");
            assertThat(TemplateRules.steps(model)).containsExactly(step("review", "审查", Kind.TASK, "${windowGroup}"));
        }

        @Test
        void templateOfExactlyMaxBytesPasses() {
            byte[] xml = padTo(TemplateRules.MAX_BYTES);

            assertThat(xml).hasSize(TemplateRules.MAX_BYTES);
            assertThatCode(() -> TemplateRules.check(KEY, xml)).doesNotThrowAnyException();
        }
    }

    /** {@link #MINIMAL} padded with a comment to exactly {@code size} bytes. */
    private static byte[] padTo(int size) {
        String text = new String(MINIMAL, UTF_8);
        int end = text.lastIndexOf("</definitions>");
        String head = text.substring(0, end) + "<!--";
        String tail = "-->" + text.substring(end);
        int padding = size - head.getBytes(UTF_8).length - tail.getBytes(UTF_8).length;
        assertThat(padding).isPositive();
        return (head + "x".repeat(padding) + tail).getBytes(UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refusals: the document
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Document {

        @Test
        void emptyBytesAreRefused() {
            assertRefused(new byte[0], "process.template.empty");
        }

        @Test
        void nullIsRefusedAsEmpty() {
            assertRefused(null, "process.template.empty");
        }

        @Test
        void oneByteOverMaxBytesIsRefusedAsTooLarge() {
            DomainException refusal = refusal(padTo(TemplateRules.MAX_BYTES + 1));

            assertThat(refusal.key()).isEqualTo("process.template.too-large");
            assertThat(refusal.arguments()).containsExactly(TemplateRules.MAX_BYTES / 1024);
        }

        @Test
        void sizeIsCheckedBeforeAnythingElse() {
            // Not even XML, but too large: the size is what is reported.
            byte[] junk = new byte[TemplateRules.MAX_BYTES + 1];
            assertRefused(junk, "process.template.too-large");
        }

        @Test
        void textThatIsNotXmlIsRefusedAsMalformed() {
            assertRefused("this is not a process template".getBytes(UTF_8), "process.template.malformed");
        }

        @Test
        void elementsInNoNamespaceAreRefusedAsElementsTheEngineDoesNotTake() {
            // Once a 500: the element checks asked an immutable set about a null namespace.
            assertRefused("<definitions/>".getBytes(UTF_8), "process.template.element");
            assertRefused("<definitions><process id=\"p\"/></definitions>".getBytes(UTF_8), "process.template.element");
        }

        @Test
        void truncatedXmlIsRefusedAsMalformed() {
            byte[] whole = MINIMAL;
            byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);
            assertRefused(half, "process.template.malformed");
        }

        @Test
        void wellFormedXmlThatIsNotBpmnIsRefusedAsAnElementOfAnUnknownNamespace() {
            byte[] xml = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <project xmlns="http://maven.apache.org/POM/4.0.0">
                      <modelVersion>4.0.0</modelVersion>
                    </project>
                    """.getBytes(UTF_8);

            DomainException refusal = refusal(xml);

            // The document check meets the root element first: not BPMN, and without an id it is named by its tag.
            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("project", "project");
        }

        @Test
        void bpmnWithoutAnyProcessIsRefusedAsNotOneProcess() {
            DomainException refusal = refusal(definitions("").getBytes(UTF_8));

            assertThat(refusal.key()).isEqualTo("process.template.one-process");
            assertThat(refusal.arguments()).containsExactly(0);
        }

        @Test
        void rootElementsOtherThanAProcessAreRefusedAsElements() {
            DomainException refusal =
                    refusal(definitions("<message id=\"m\" name=\"m\"/>").getBytes(UTF_8));

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("m", "message");
        }

        @Test
        void twoProcessesAreRefused() {
            String body = """
                    <startEvent id="start%1$s"/>
                    <sequenceFlow id="in%1$s" sourceRef="start%1$s" targetRef="task%1$s"/>
                    <userTask id="task%1$s" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out%1$s" sourceRef="task%1$s" targetRef="end%1$s"/>
                    <endEvent id="end%1$s"/>
                    """;
            byte[] xml = definitions("""
                            <process id="%s" isExecutable="true">%s</process>
                            <process id="second" isExecutable="true">%s</process>
                            """.formatted(KEY, body.formatted("A"), body.formatted("B")))
                    .getBytes(UTF_8);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.one-process");
            assertThat(refusal.arguments()).containsExactly(2);
        }

        @Test
        void processWhoseIdIsNotTheKeyIsRefused() {
            byte[] xml = process("someone-elses", """
                            <startEvent id="start"/>
                            <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                            <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                            <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                            <endEvent id="end"/>
                            """).getBytes(UTF_8);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.key");
            assertThat(refusal.arguments()).containsExactly("someone-elses", KEY);
        }

        @Test
        void processThatIsNotExecutableIsRefused() {
            byte[] xml = new String(MINIMAL, UTF_8)
                    .replace("isExecutable=\"true\"", "isExecutable=\"false\"")
                    .getBytes(UTF_8);
            assertThat(new String(xml, UTF_8)).contains("isExecutable=\"false\"");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.not-executable");
            assertThat(refusal.arguments()).containsExactly(KEY);
        }

        @Test
        void processWithoutAUserTaskIsRefused() {
            byte[] xml = template("""
                    <startEvent id="start"/>
                    <sequenceFlow id="f" sourceRef="start" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.no-task");
            assertThat(refusal.arguments()).containsExactly(KEY);
        }

        @Test
        void sequenceFlowToAMissingElementIsRefused() {
            byte[] xml = template("""
                    <startEvent id="start"/>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out" sourceRef="task" targetRef="nowhere"/>
                    <endEvent id="end"/>
                    """);

            // The schema's IDREF check catches it while Flowable reads the document, and names the missing target.
            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.malformed");
            assertThat(refusal.arguments()).singleElement().asString().contains("nowhere");
        }

        @Test
        void flowableValidatorErrorsAreRefusedAsInvalid() {
            // Schema-valid and made only of allowed parts, but a multi-instance task with neither a collection nor a
            // cardinality is refused by Flowable's own validator.
            byte[] xml = withTask(
                    "flowable:candidateGroups=\"${reviewGroup}\"",
                    "<multiInstanceLoopCharacteristics isSequential=\"true\"/>");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.invalid");
            assertThat(refusal.arguments()).hasSize(3);
            assertThat(refusal.arguments().get(1)).isEqualTo("review");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refusals: what a template may contain
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Elements {

        @Test
        void scriptTaskIsRefused() {
            byte[] xml = linear("script", "script", """
                    <scriptTask id="script" scriptFormat="groovy">
                      <script>"rm -rf /".execute()</script>
                    </scriptTask>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            // The element is refused before its scriptFormat attribute or its script are read.
            assertThat(refusal.arguments()).containsExactly("script", "scriptTask");
        }

        @Test
        void serviceTaskWithAClassIsRefused() {
            byte[] xml = linear("call", "task", """
                    <serviceTask id="call" flowable:class="java.lang.Runtime"/>
                    <sequenceFlow id="mid" sourceRef="call" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("call", "serviceTask");
        }

        @Test
        void serviceTaskWithAMethodExpressionIsRefusedAsAnElementBeforeItsExpressionIsRead() {
            byte[] xml = linear("call", "task", """
                    <serviceTask id="call" flowable:expression="${someBean.run()}"/>
                    <sequenceFlow id="mid" sourceRef="call" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("call", "serviceTask");
        }

        @Test
        void serviceTaskWithAnInnocentLookingExpressionIsStillRefusedAsAnElement() {
            byte[] xml = linear("call", "task", """
                    <serviceTask id="call" flowable:delegateExpression="${someBean}"/>
                    <sequenceFlow id="mid" sourceRef="call" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("call", "serviceTask");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "<subProcess id=\"x\"><startEvent id=\"s2\"/></subProcess>",
                    "<callActivity id=\"x\" calledElement=\"other\"/>",
                    "<sendTask id=\"x\"/>",
                    "<receiveTask id=\"x\"/>",
                    "<manualTask id=\"x\"/>",
                    "<businessRuleTask id=\"x\"/>",
                    "<task id=\"x\"/>",
                    "<intermediateThrowEvent id=\"x\"/>",
                    "<intermediateCatchEvent id=\"x\"><timerEventDefinition><timeDuration>PT1M</timeDuration>"
                            + "</timerEventDefinition></intermediateCatchEvent>",
                    "<eventBasedGateway id=\"x\"/>",
                    "<serviceTask id=\"x\" flowable:type=\"http\"/>",
                    "<serviceTask id=\"x\" flowable:type=\"mail\"/>",
                    "<serviceTask id=\"x\" flowable:type=\"shell\"/>",
                })
        void elementsOtherThanEventsTasksFlowsAndGatewaysAreRefused(String element) {
            byte[] xml = linear("x", "task", element + """

                            <sequenceFlow id="mid" sourceRef="x" targetRef="task"/>
                            <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                            """);

            DomainException refusal = refusal(xml);

            // The outer element is refused by its own name, before anything inside it (a timer, say) is looked at.
            String name = element.substring(1, element.indexOf(' '));
            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("x", name);
        }

        @Test
        void timerStartEventIsRefused() {
            byte[] xml = template("""
                    <startEvent id="start">
                      <timerEventDefinition><timeCycle>R/PT1M</timeCycle></timerEventDefinition>
                    </startEvent>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("start", "timerEventDefinition");
        }

        @Test
        void messageStartEventIsRefused() {
            // The message comes after the process, so that the event definition is what is met first.
            byte[] xml = definitions("""
                            <process id="%s" isExecutable="true">
                              <startEvent id="start"><messageEventDefinition messageRef="poke"/></startEvent>
                              <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                              <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                              <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                              <endEvent id="end"/>
                            </process>
                            <message id="poke" name="poke"/>
                            """.formatted(KEY)).getBytes(UTF_8);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("start", "messageEventDefinition");
        }

        @Test
        void errorOrTerminateEndEventIsRefused() {
            byte[] xml = linear("task", "task", """
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="kill" sourceRef="task" targetRef="terminate"/>
                    <endEvent id="terminate"><terminateEventDefinition/></endEvent>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("terminate", "terminateEventDefinition");
        }

        @Test
        void boundaryTimerEventIsRefused() {
            byte[] xml = template("""
                    <startEvent id="start"/>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <boundaryEvent id="late" attachedToRef="task" cancelActivity="true">
                      <timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                    <sequenceFlow id="escalate" sourceRef="late" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("late", "boundaryEvent");
        }

        @Test
        void boundaryEventBeforeItsTaskInTheDocumentIsRefused() {
            byte[] xml = template("""
                    <startEvent id="start"/>
                    <boundaryEvent id="late" attachedToRef="task">
                      <timerEventDefinition><timeDuration>P3D</timeDuration></timerEventDefinition>
                    </boundaryEvent>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                    <sequenceFlow id="escalate" sourceRef="late" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("late", "boundaryEvent");
        }
    }

    @Nested
    class Listeners {

        // Listeners are written inside <extensionElements>, which is not an element a template may contain: the
        // wrapper is what the document check meets first, and it is reported with the nearest id around it. A Flowable
        // listener element met anywhere else is reported as a listener.

        @Test
        void taskListenerOnAUserTaskIsRefused() {
            assertPasses(withTask("flowable:candidateGroups=\"${windowGroup}\"", ""));

            byte[] xml = withTask("flowable:candidateGroups=\"${windowGroup}\"", """
                    <extensionElements>
                      <flowable:taskListener event="create" class="org.example.Evil"/>
                    </extensionElements>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("review", "extensionElements");
        }

        @Test
        void executionListenerOnAUserTaskIsRefused() {
            byte[] xml = withTask("flowable:candidateGroups=\"${windowGroup}\"", """
                    <extensionElements>
                      <flowable:executionListener event="start" class="org.example.Evil"/>
                    </extensionElements>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("review", "extensionElements");
        }

        @Test
        void executionListenerOnTheProcessIsRefused() {
            byte[] xml = template("""
                    <extensionElements>
                      <flowable:executionListener event="start" class="org.example.Evil"/>
                    </extensionElements>
                    <startEvent id="start"/>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly(KEY, "extensionElements");
        }

        @Test
        void eventListenerOnTheProcessIsRefused() {
            byte[] xml = template("""
                    <extensionElements>
                      <flowable:eventListener class="org.example.Evil"/>
                    </extensionElements>
                    <startEvent id="start"/>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly(KEY, "extensionElements");
        }

        @Test
        void executionListenerOnASequenceFlowIsRefused() {
            byte[] xml = template("""
                    <startEvent id="start"/>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task">
                      <extensionElements>
                        <flowable:executionListener class="org.example.Evil"/>
                      </extensionElements>
                    </sequenceFlow>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("in", "extensionElements");
        }

        @Test
        void executionListenerOnTheStartEventIsRefused() {
            byte[] xml = template("""
                    <startEvent id="start">
                      <extensionElements>
                        <flowable:executionListener event="end" delegateExpression="${evil}"/>
                      </extensionElements>
                    </startEvent>
                    <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                    <endEvent id="end"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("start", "extensionElements");
        }

        @Test
        void flowableListenerOutsideExtensionElementsIsRefusedAsAListener() {
            byte[] xml = withTask(
                    "flowable:candidateGroups=\"${windowGroup}\"",
                    "<flowable:taskListener event=\"create\" class=\"org.example.Evil\"/>");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.listener");
            assertThat(refusal.arguments()).containsExactly("review");
        }

        @Test
        void anElementInsideDocumentationIsRefused() {
            // <documentation> may hold any element as far as the schema goes; Flowable reads below some text-only
            // elements by local name, so they must hold text and nothing else.
            byte[] xml = withTask("flowable:candidateGroups=\"${windowGroup}\"", """
                    <documentation><flowable:executionListener event="start" class="org.example.Evil"/></documentation>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("review", "executionListener");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refusals: attributes
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Attributes {

        @Test
        void attributeInTheOldActivitiNamespaceIsRefused() {
            assertPasses(withTask(
                    "flowable:candidateGroups=\"${windowGroup}\" xmlns:activiti=\"http://activiti.org/bpmn\"", ""));

            // Flowable still reads activiti: attributes where a flowable: one is missing.
            byte[] xml = withTask(
                    "flowable:candidateGroups=\"${windowGroup}\" xmlns:activiti=\"http://activiti.org/bpmn\" "
                            + "activiti:class=\"org.example.Evil\"",
                    "");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.attribute");
            assertThat(refusal.arguments()).containsExactly("review", "activiti:class");
        }

        @Test
        void flowableAttributeNotOnTheListIsRefused() {
            byte[] xml =
                    withTask("flowable:candidateGroups=\"${windowGroup}\" flowable:class=\"org.example.Evil\"", "");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.attribute");
            assertThat(refusal.arguments()).containsExactly("review", "flowable:class");
        }

        @Test
        void scriptFormatAttributeIsRefusedWhereverItIs() {
            byte[] xml = withTask("flowable:candidateGroups=\"${windowGroup}\" scriptFormat=\"groovy\"", "");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.attribute");
            assertThat(refusal.arguments()).containsExactly("review", "scriptFormat");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refusals: expressions
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class Expressions {

        @Test
        void methodCallInCandidateGroupsIsRefused() {
            DomainException refusal = refusal(withTask("flowable:candidateGroups=\"${''.getClass()}\"", ""));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly("${''.getClass()}");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "${execution.setVariable('a', 1)}", // a method of the engine's own object
                    "${windowGroup.length()}",
                    "${windowGroup.bytes}", // a property read is a getter call
                    "#{''.getClass().forName('java.lang.Runtime')}", // deferred syntax as well
                    "${T(java.lang.Runtime)}",
                    "${fn:join(reviewGroups, ',')}", // function call
                    "${1.5 > 1}", // no dots at all, even in numbers
                })
        void dotsAndParenthesesAreRefusedInAttributes(String expression) {
            DomainException refusal = refusal(withTask("flowable:assignee=\"" + expression + "\"", ""));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly(expression);
        }

        @Test
        void methodCallInAConditionIsRefused() {
            assertPasses(decision("<conditionExpression>${approved == true}</conditionExpression>"));

            DomainException refusal =
                    refusal(decision("<conditionExpression>${approved.equals(true)}</conditionExpression>"));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly("${approved.equals(true)}");
        }

        @Test
        void methodCallInACdataConditionIsRefused() {
            assertRefused(
                    decision("<conditionExpression><![CDATA[${x.y()}]]></conditionExpression>"),
                    "process.template.expression");
        }

        @Test
        void methodCallInAMultiInstanceCollectionOrCompletionConditionIsRefused() {
            byte[] collection = withTask("flowable:candidateGroups=\"${reviewGroup}\"", """
                    <multiInstanceLoopCharacteristics isSequential="true"
                        flowable:collection="${groups.subList(0, 1)}" flowable:elementVariable="reviewGroup"/>
                    """);
            byte[] completion = withTask("flowable:candidateGroups=\"${reviewGroup}\"", """
                    <multiInstanceLoopCharacteristics isSequential="true"
                        flowable:collection="${reviewGroups}" flowable:elementVariable="reviewGroup">
                      <completionCondition>${nrOfCompletedInstances.intValue() > 0}</completionCondition>
                    </multiInstanceLoopCharacteristics>
                    """);

            assertRefused(collection, "process.template.expression");
            assertRefused(completion, "process.template.expression");
        }

        @Test
        void aLaterBadExpressionIsFoundAfterGoodOnes() {
            byte[] xml = withTask(
                    "flowable:candidateGroups=\"${windowGroup}\" flowable:dueDate=\"${due}\" flowable:assignee=\"${a.b}\"",
                    "");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly("${a.b}");
        }

        // The rule reads the raw bytes, but Flowable evaluates the text it gets after XML decoding (character
        // references, comments and CDATA sections resolved) and EL tokenising. Each of the following hands Flowable
        // an expression that calls a method; each must be refused. Each first checks that the same template without
        // the trick passes, so that the refusal cannot come from an unrelated mistake in the test's XML.

        @Test
        void methodCallSpelledWithACharacterReferenceInAnAttributeIsRefused() {
            assertPasses(withTask("flowable:candidateGroups=\"${windowGroup}\"", ""));

            // &#36; is '$': Flowable's candidate group is ${''.getClass()}.
            byte[] xml = withTask("flowable:candidateGroups=\"&#36;{&apos;&apos;.getClass()}\"", "");

            assertThat(refusal(xml).key()).isEqualTo("process.template.expression");
        }

        @Test
        void methodCallSpelledWithACharacterReferenceInAConditionIsRefused() {
            byte[] xml = decision("<conditionExpression>&#36;{approved.equals(true)}</conditionExpression>");

            assertThat(refusal(xml).key()).isEqualTo("process.template.expression");
        }

        @Test
        void methodCallAfterAClosingBraceInsideAStringLiteralIsRefused() {
            assertPasses(withTask("flowable:candidateGroups=\"${windowGroup == '}' ? 'a' : 'b'}\"", ""));

            // To EL the '}' inside quotes is part of a string: the whole is one expression, and it calls concat().
            byte[] xml = withTask("flowable:candidateGroups=\"${windowGroup == '}' ? 'a' : ''.concat('b')}\"", "");

            assertThat(refusal(xml).key()).isEqualTo("process.template.expression");
        }

        @Test
        void getterCallSpelledAsABracketPropertyIsRefused() {
            assertPasses(withTask("flowable:candidateGroups=\"${reviewGroups[0]}\"", ""));

            // No dot and no parenthesis, but EL reads x['class'] as x.getClass(), and so on along the chain:
            // Flowable evaluates this to "java.lang.String". A string in brackets is a property, not a list index.
            byte[] xml = withTask("flowable:candidateGroups=\"${windowGroup['class']['name']}\"", "");

            assertThat(refusal(xml).key()).isEqualTo("process.template.expression");
        }

        @Test
        void methodCallSplitByACommentInAConditionIsRefused() {
            // The parser drops the comment: Flowable's condition is ${approved.equals(true)}.
            byte[] xml = decision("<conditionExpression>$<!-- -->{approved.equals(true)}</conditionExpression>");

            assertThat(refusal(xml).key()).isEqualTo("process.template.expression");
        }

        @Test
        void methodCallSplitByACdataSectionInAConditionIsRefused() {
            // Text and CDATA are joined: Flowable's condition is ${approved.equals(true)}.
            byte[] xml = decision("<conditionExpression>$<![CDATA[{approved.equals(true)}]]></conditionExpression>");

            assertThat(refusal(xml).key()).isEqualTo("process.template.expression");
        }

        @Test
        void scriptConditionOnASequenceFlowIsRefused() {
            assertPasses(decision("""
                    <conditionExpression xsi:type="tFormalExpression">${approved == true}</conditionExpression>
                    """));

            // Flowable 7 evaluates a condition whose language is not EL as a JSR-223 script (ScriptCondition): no
            // ${...} is needed at all. The language attribute itself is refused, on the flow that holds the condition.
            byte[] xml = decision("""
                    <conditionExpression xsi:type="tFormalExpression" language="groovy">java.lang.Runtime.getRuntime().exec('id') != null</conditionExpression>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.attribute");
            assertThat(refusal.arguments()).containsExactly("go", "language");
        }

        @Test
        void multiInstanceCollectionHandlerClassIsRefused() {
            String loop = """
                    <multiInstanceLoopCharacteristics isSequential="false"
                        flowable:collection="reviewGroups" flowable:elementVariable="reviewGroup">
                      %s
                    </multiInstanceLoopCharacteristics>
                    """;
            assertPasses(withTask("flowable:candidateGroups=\"${reviewGroup}\"", loop.formatted("")));

            // A collection handler is a class Flowable instantiates and calls: code, not data.
            byte[] xml = withTask("flowable:candidateGroups=\"${reviewGroup}\"", loop.formatted("""
                            <extensionElements>
                              <flowable:collection flowable:class="org.example.EvilCollectionHandler"/>
                            </extensionElements>
                            """));

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("review", "extensionElements");
        }

        // Flowable reads elements by their local name whatever their namespace, and the multi-instance parser reads
        // every element below <multiInstanceLoopCharacteristics>, however deep. <documentation> may hold any element
        // (the schema's xsd:any, lax), and elements of the diagram-interchange namespaces pass the document check
        // whatever their name. So a diagram-namespace <extensionElements> inside the loop's documentation hands
        // Flowable a collection handler or a variable aggregation: a class it instantiates and calls.
        // Each of these must be refused like the plain <extensionElements> above.

        private static final String DIAGRAM_NAMESPACES = "xmlns:bpmndi=\"http://www.omg.org/spec/BPMN/20100524/DI\" "
                + "xmlns:omgdc=\"http://www.omg.org/spec/DD/20100524/DC\"";

        private byte[] loopWithDocumentation(String documentation) {
            return withTask(
                    "flowable:candidateGroups=\"${reviewGroup}\" " + DIAGRAM_NAMESPACES, """
                    <multiInstanceLoopCharacteristics isSequential="false"
                        flowable:collection="${reviewGroups}" flowable:elementVariable="reviewGroup">
                      <documentation>%s</documentation>
                    </multiInstanceLoopCharacteristics>
                    """.formatted(documentation));
        }

        @Test
        void collectionHandlerClassHiddenInDiagramElementsInTheLoopDocumentationIsRefused() {
            assertPasses(loopWithDocumentation("各部门同时审查"));

            byte[] xml = loopWithDocumentation("""
                    <bpmndi:extensionElements><bpmndi:collection class="org.example.EvilCollectionHandler"/></bpmndi:extensionElements>""");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("review", "extensionElements");
        }

        @Test
        void collectionHandlerDelegateExpressionHiddenInDiagramElementsInTheLoopDocumentationIsRefused() {
            // No dot and no parenthesis: the expression passes, but the bean it names is called as a handler.
            byte[] xml = loopWithDocumentation("""
                    <omgdc:extensionElements><omgdc:collection delegateExpression="${evilHandler}"/></omgdc:extensionElements>""");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("review", "extensionElements");
        }

        @Test
        void variableAggregationClassHiddenInDiagramElementsInTheLoopDocumentationIsRefused() {
            byte[] xml = loopWithDocumentation("""
                    <bpmndi:extensionElements><bpmndi:variableAggregation target="reviews" class="org.example.EvilAggregator"/></bpmndi:extensionElements>""");

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("review", "extensionElements");
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "${a = 'x'}", // assignment (EL 3.0)
                    "${x -> x}", // lambda (EL 3.0)
                    "${a += 'b'}", // string concatenation (EL 3.0)
                    "${a; b}", // semicolon operator (EL 3.0)
                    "${{1, 2}}", // set literal (EL 3.0)
                })
        void assignmentsLambdasAndOtherEl3SyntaxAreRefused(String expression) {
            assertPasses(withTask("flowable:assignee=\"${a}\"", ""));

            DomainException refusal = refusal(withTask("flowable:assignee=\"" + expression + "\"", ""));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).first().asString().startsWith("${");
        }

        @Test
        void assignmentIsRefusedAndShownWhole() {
            DomainException refusal = refusal(withTask("flowable:assignee=\"${a = 'x'}\"", ""));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly("${a = 'x'}");
        }

        @Test
        void lambdaIsRefusedAndShownWhole() {
            DomainException refusal = refusal(withTask("flowable:assignee=\"${x -> x}\"", ""));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly("${x -> x}");
        }

        @Test
        void unterminatedExpressionIsRefused() {
            assertPasses(withTask("flowable:candidateGroups=\"${approved}\"", ""));

            DomainException refusal = refusal(withTask("flowable:candidateGroups=\"${approved\"", ""));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly("${approved");
        }

        @Test
        void unterminatedExpressionInAConditionIsRefused() {
            DomainException refusal = refusal(decision("<conditionExpression>${approved</conditionExpression>"));

            assertThat(refusal.key()).isEqualTo("process.template.expression");
            assertThat(refusal.arguments()).containsExactly("${approved");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refusals: unsafe XML
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class UnsafeXml {

        /** A valid template, but for the given document type declaration and the given text in three places. */
        private byte[] document(String doctype, String text) {
            return """
                    <?xml version="1.0" encoding="UTF-8"?>
                    %s
                    <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                 xmlns:flowable="http://flowable.org/bpmn"
                                 targetNamespace="https://onewindow.org/process/test">
                      <process id="%s" name="%s" isExecutable="true">
                        <documentation>%s</documentation>
                        <startEvent id="start"/>
                        <sequenceFlow id="in" sourceRef="start" targetRef="task"/>
                        <userTask id="task" name="%s" flowable:candidateGroups="${windowGroup}"/>
                        <sequenceFlow id="out" sourceRef="task" targetRef="end"/>
                        <endEvent id="end"/>
                      </process>
                    </definitions>
                    """.formatted(doctype, KEY, text, text, text).getBytes(UTF_8);
        }

        private byte[] withExternalEntity(String systemId) {
            assertPasses(document("", "审查"));
            return document("<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM \"%s\"> ]>".formatted(systemId), "&xxe;");
        }

        @Test
        void externalEntityReadingEtcPasswdIsRefusedWithoutLeakingIt() throws IOException {
            DomainException refusal = refusal(withExternalEntity("file:///etc/passwd"));

            assertThat(refusal.key()).isEqualTo("process.template.malformed");
            assertThat(refusal.getMessage()).doesNotContain("root:");
            assertThat(refusal.arguments())
                    .allSatisfy(argument -> assertThat(String.valueOf(argument)).doesNotContain("root:"));
            Path passwd = Path.of("/etc/passwd");
            if (Files.isReadable(passwd)) {
                String firstLine = Files.readAllLines(passwd).get(0);
                assertThat(refusal.getMessage()).doesNotContain(firstLine);
            }
        }

        @Test
        void externalEntityReadingALocalFileIsRefusedWithoutLeakingIt(@TempDir Path dir) throws IOException {
            String secret = "secret-" + UUID.randomUUID();
            Path file = Files.writeString(dir.resolve("secret.txt"), secret);

            DomainException refusal = refusal(withExternalEntity(file.toUri().toString()));

            assertThat(refusal.key()).isEqualTo("process.template.malformed");
            assertThat(refusal.getMessage()).doesNotContain(secret);
            assertThat(refusal.arguments())
                    .allSatisfy(argument -> assertThat(String.valueOf(argument)).doesNotContain(secret));
        }

        @Test
        void internalEntityExpansionIsRefused() {
            // The start of a "billion laughs": no DTD, so no entities, however small.
            byte[] xml = new String(MINIMAL, UTF_8)
                    .replace(
                            "<definitions",
                            "<!DOCTYPE definitions [ <!ENTITY lol \"lol\"> <!ENTITY lol2 \"&lol;&lol;&lol;\"> ]>\n"
                                    + "<definitions")
                    .replace("name=\"审查\"", "name=\"&lol2;\"")
                    .getBytes(UTF_8);

            assertRefused(xml, "process.template.malformed");
        }

        @Test
        void externalDtdAndParameterEntitiesAreNeverFetched() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            AtomicInteger requests = new AtomicInteger();
            server.createContext("/", exchange -> {
                requests.incrementAndGet();
                byte[] dtd = "<!ENTITY leak \"fetched\">".getBytes(UTF_8);
                exchange.sendResponseHeaders(200, dtd.length);
                exchange.getResponseBody().write(dtd);
                exchange.close();
            });
            server.start();
            try {
                String base = "http://127.0.0.1:" + server.getAddress().getPort();
                String minimal = new String(MINIMAL, UTF_8);
                List<String> attempts = List.of(
                        minimal.replace(
                                "<definitions",
                                "<!DOCTYPE definitions SYSTEM \"" + base + "/system.dtd\">\n<definitions"),
                        minimal.replace(
                                "<definitions",
                                "<!DOCTYPE definitions [ <!ENTITY % remote SYSTEM \"" + base
                                        + "/parameter.dtd\"> %remote; ]>\n<definitions"),
                        minimal.replace(
                                        "<definitions",
                                        "<!DOCTYPE definitions [ <!ENTITY xxe SYSTEM \"" + base
                                                + "/general\"> ]>\n<definitions")
                                .replace("name=\"审查\"", "name=\"&xxe;\""),
                        minimal.replace(
                                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
                                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\""
                                        + "http://www.omg.org/spec/BPMN/20100524/MODEL " + base + "/schema.xsd\""));
                for (String attempt : attempts) {
                    try {
                        TemplateRules.check(KEY, attempt.getBytes(UTF_8));
                    } catch (DomainException refused) {
                        assertThat(refused.getMessage()).doesNotContain("fetched");
                    }
                }
            } finally {
                server.stop(0);
            }

            assertThat(requests)
                    .as("requests the parser made to the attacker's server")
                    .hasValue(0);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Refusals: templates that would run away or be stored as another text
    // ---------------------------------------------------------------------------------------------------------------

    @Nested
    class RunawayAndEncoding {

        @Test
        void aLoopOfGatewaysWithoutATaskForPeopleIsRefused() {
            // After the task, two gateways send the token back and forth forever inside one transaction.
            byte[] xml = linear("task", "a", """
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="t" sourceRef="task" targetRef="a"/>
                    <exclusiveGateway id="a"/>
                    <sequenceFlow id="ab" sourceRef="a" targetRef="b"/>
                    <exclusiveGateway id="b"/>
                    <sequenceFlow id="ba" sourceRef="b" targetRef="a"/>
                    """);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.loop");
        }

        @Test
        void aLoopBackToATaskForPeopleIsAllowed() {
            // A refusal sends the case back to the reviewer: each turn waits for a person.
            assertPasses(linear("task", "gate", """
                    <userTask id="task" flowable:candidateGroups="${windowGroup}"/>
                    <sequenceFlow id="t" sourceRef="task" targetRef="gate"/>
                    <exclusiveGateway id="gate" default="done"/>
                    <sequenceFlow id="again" sourceRef="gate" targetRef="task">
                      <conditionExpression xsi:type="tFormalExpression">${approved == false}</conditionExpression>
                    </sequenceFlow>
                    <sequenceFlow id="done" sourceRef="gate" targetRef="end"/>
                    """));
        }

        @Test
        void aHugeOrComputedLoopCardinalityIsRefusedAndASmallOneIsAllowed() {
            String loop = """
                    <multiInstanceLoopCharacteristics isSequential="false">
                      <loopCardinality>%s</loopCardinality>
                    </multiInstanceLoopCharacteristics>
                    """;
            assertPasses(withTask("flowable:candidateGroups=\"${windowGroup}\"", loop.formatted("3")));

            DomainException huge =
                    refusal(withTask("flowable:candidateGroups=\"${windowGroup}\"", loop.formatted("100000000")));
            DomainException computed =
                    refusal(withTask("flowable:candidateGroups=\"${windowGroup}\"", loop.formatted("${count}")));

            assertThat(huge.key()).isEqualTo("process.template.cardinality");
            assertThat(huge.arguments()).containsExactly("review", TemplateRules.MAX_CARDINALITY);
            assertThat(computed.key()).isEqualTo("process.template.cardinality");
        }

        @Test
        void aTemplateDeclaredInAnotherEncodingIsRefused() {
            String gbk = new String(MINIMAL, UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"GBK\"");

            DomainException refusal = refusal(gbk.getBytes(java.nio.charset.Charset.forName("GBK")));

            assertThat(refusal.key()).isEqualTo("process.template.encoding");
            assertThat(refusal.arguments()).containsExactly("GBK");
        }

        @Test
        void anUnknownElementInTheDiagramNamespaceIsRefusedEvenInsideADiagram() {
            byte[] xml = definitions("""
                    <process id="%s" isExecutable="true">
                      <startEvent id="start"/>
                      <sequenceFlow id="in" sourceRef="start" targetRef="review"/>
                      <userTask id="review" flowable:candidateGroups="${windowGroup}"/>
                      <sequenceFlow id="out" sourceRef="review" targetRef="end"/>
                      <endEvent id="end"/>
                    </process>
                    <bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" id="d">
                      <bpmndi:import location="http://example.org/evil.wsdl" importType="http://schemas.xmlsoap.org/wsdl/"/>
                    </bpmndi:BPMNDiagram>
                    """.formatted(KEY)).getBytes(UTF_8);

            DomainException refusal = refusal(xml);

            assertThat(refusal.key()).isEqualTo("process.template.element");
            assertThat(refusal.arguments()).containsExactly("d", "import");
        }
    }
}
