package org.onewindow.process.domain;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.validation.ProcessValidatorFactory;
import org.flowable.validation.ValidationError;
import org.onewindow.kernel.error.Causes;
import org.onewindow.kernel.error.DomainException;

/**
 * What a process template may contain (流程模板校验). Templates are uploaded by county, town and village
 * administrators, so they are data, not code: people's tasks, gateways and flows only, no scripts, service calls,
 * listeners or timers, and expressions that read process variables and nothing else. A template that breaks a
 * rule is refused with the rule it broke, before anything is deployed.
 */
public final class TemplateRules {

    /** Far above any real template (the standard ones are about 1 KiB); the REST layer refuses larger bodies. */
    public static final int MAX_BYTES = 256 * 1024;

    private static final Set<Class<? extends FlowElement>> ALLOWED = Set.of(
            StartEvent.class,
            EndEvent.class,
            UserTask.class,
            SequenceFlow.class,
            ExclusiveGateway.class,
            ParallelGateway.class,
            InclusiveGateway.class);

    private TemplateRules() {}

    /** The template as Flowable reads it, when it is one executable process with the given key and allowed parts. */
    public static BpmnModel check(String key, byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new DomainException("process.template.empty");
        }
        if (xml.length > MAX_BYTES) {
            throw new DomainException("process.template.too-large", MAX_BYTES / 1024);
        }
        TemplateDocument.check(xml);
        BpmnModel model = parse(xml);
        List<Process> processes = model.getProcesses();
        if (processes.size() != 1) {
            throw new DomainException("process.template.one-process", processes.size());
        }
        Process process = processes.get(0);
        if (!key.equals(process.getId())) {
            throw new DomainException("process.template.key", process.getId(), key);
        }
        if (!process.isExecutable()) {
            throw new DomainException("process.template.not-executable", key);
        }
        if (!process.getExecutionListeners().isEmpty()
                || !process.getEventListeners().isEmpty()) {
            throw new DomainException("process.template.listener", key);
        }
        for (FlowElement element : process.getFlowElements()) {
            checkElement(element);
        }
        if (process.findFlowElementsOfType(UserTask.class).isEmpty()) {
            throw new DomainException("process.template.no-task", key);
        }
        if (!model.getImports().isEmpty()
                || !model.getInterfaces().isEmpty()
                || !model.getMessages().isEmpty()
                || !model.getDataStores().isEmpty()
                || !model.getItemDefinitions().isEmpty()) {
            throw new DomainException("process.template.element", key, "definitions");
        }
        checkNoLoopWithoutPeople(process);
        List<ValidationError> errors = new ProcessValidatorFactory()
                .createDefaultProcessValidator().validate(model).stream()
                        .filter(error -> !error.isWarning())
                        .toList();
        if (!errors.isEmpty()) {
            ValidationError first = errors.get(0);
            throw new DomainException(
                    "process.template.invalid",
                    first.getXmlLineNumber(),
                    first.getActivityId() == null ? "" : first.getActivityId(),
                    first.getDefaultDescription());
        }
        return model;
    }

    /** The steps of a template a reader cares about, in document order. */
    public static List<TemplateStep> steps(BpmnModel model) {
        List<TemplateStep> steps = new ArrayList<>();
        for (FlowElement element : model.getMainProcess().getFlowElements()) {
            if (element instanceof UserTask task) {
                String candidates = String.join(",", task.getCandidateGroups());
                MultiInstanceLoopCharacteristics loop = task.getLoopCharacteristics();
                TemplateStep.Kind kind = loop == null
                        ? TemplateStep.Kind.TASK
                        : loop.isSequential()
                                ? TemplateStep.Kind.SEQUENTIAL_REVIEWS
                                : TemplateStep.Kind.PARALLEL_REVIEWS;
                steps.add(new TemplateStep(task.getId(), nameOf(task), kind, candidates));
            } else if (element instanceof ExclusiveGateway gateway) {
                steps.add(new TemplateStep(gateway.getId(), nameOf(gateway), TemplateStep.Kind.DECISION_GATEWAY, ""));
            } else if (element instanceof Gateway gateway) {
                steps.add(new TemplateStep(gateway.getId(), nameOf(gateway), TemplateStep.Kind.JOIN, ""));
            }
        }
        return List.copyOf(steps);
    }

    private static String nameOf(FlowElement element) {
        return element.getName() == null || element.getName().isBlank() ? element.getId() : element.getName();
    }

    private static BpmnModel parse(byte[] xml) {
        try {
            // Safe parsing: no external entities or DTDs, whatever the upload declares.
            return new BpmnXMLConverter().convertToBpmnModel(() -> new ByteArrayInputStream(xml), true, true);
        } catch (XMLException | FlowableException e) {
            throw new DomainException("process.template.malformed", Causes.rootMessage(e, 300));
        }
    }

    /** A literal cardinality, and a small one: a template may not ask for millions of parallel tasks. */
    static final int MAX_CARDINALITY = 20;

    /**
     * Every cycle of the flow passes through a task for people: a loop of gateways alone would spin inside one
     * transaction until the server ran out of memory.
     */
    private static void checkNoLoopWithoutPeople(Process process) {
        Map<String, List<String>> next = new HashMap<>();
        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class)) {
            if (!(process.getFlowElement(flow.getSourceRef()) instanceof UserTask)
                    && !(process.getFlowElement(flow.getTargetRef()) instanceof UserTask)) {
                next.computeIfAbsent(flow.getSourceRef(), id -> new ArrayList<>())
                        .add(flow.getTargetRef());
            }
        }
        Set<String> done = new HashSet<>();
        for (String start : next.keySet()) {
            loopFrom(start, next, new HashSet<>(), done);
        }
    }

    private static void loopFrom(String node, Map<String, List<String>> next, Set<String> path, Set<String> done) {
        if (done.contains(node)) {
            return;
        }
        if (!path.add(node)) {
            throw new DomainException("process.template.loop", node);
        }
        for (String target : next.getOrDefault(node, List.of())) {
            loopFrom(target, next, path, done);
        }
        path.remove(node);
        done.add(node);
    }

    private static void checkElement(FlowElement element) {
        if (!ALLOWED.contains(element.getClass())) {
            throw new DomainException(
                    "process.template.element",
                    element.getId(),
                    element.getClass().getSimpleName());
        }
        if (!element.getExecutionListeners().isEmpty()
                || element instanceof UserTask task && !task.getTaskListeners().isEmpty()) {
            throw new DomainException("process.template.listener", element.getId());
        }
        if (element instanceof Event event && !event.getEventDefinitions().isEmpty()) {
            // Timers, messages and signals need the job executor and outside systems: not in a local template.
            throw new DomainException("process.template.element", element.getId(), "EventDefinition");
        }
        if (element instanceof UserTask task
                && task.getLoopCharacteristics() != null
                && task.getLoopCharacteristics().getLoopCardinality() != null
                && !task.getLoopCharacteristics().getLoopCardinality().isBlank()
                && !smallNumber(
                        task.getLoopCharacteristics().getLoopCardinality().strip())) {
            throw new DomainException("process.template.cardinality", element.getId(), MAX_CARDINALITY);
        }
        if (element instanceof Activity activity
                && !activity.getBoundaryEvents().isEmpty()) {
            throw new DomainException("process.template.element", element.getId(), "BoundaryEvent");
        }
    }

    private static boolean smallNumber(String text) {
        return text.matches("[0-9]{1,2}") && Integer.parseInt(text) <= MAX_CARDINALITY;
    }
}
