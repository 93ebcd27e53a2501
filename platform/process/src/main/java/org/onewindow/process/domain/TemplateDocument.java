package org.onewindow.process.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.onewindow.kernel.error.DomainException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The first check of an uploaded template, on the XML as Flowable will read it (entities and character references
 * decoded, comments dropped, CDATA joined): only the BPMN elements and Flowable attributes a flow of people's tasks
 * needs, and expressions that read variables, compare and combine, and nothing else. Checking the decoded document
 * rather than the raw bytes is what makes {@code &#36;&#123;…} or {@code $<!-- -->{…}} no way around it.
 */
final class TemplateDocument {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String FLOWABLE = "http://flowable.org/bpmn";

    /** Diagram interchange: positions and shapes only, read by modelers, never run. */
    private static final Set<String> DIAGRAM = Set.of(
            "http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC",
            "http://www.omg.org/spec/DD/20100524/DI");

    /** The diagram elements by name: Flowable reads elements by local name, whatever their namespace. */
    private static final Set<String> DIAGRAM_ELEMENTS = Set.of(
            "BPMNDiagram",
            "BPMNPlane",
            "BPMNShape",
            "BPMNEdge",
            "BPMNLabel",
            "BPMNLabelStyle",
            "Bounds",
            "waypoint",
            "Font");

    private static final Set<String> ELEMENTS = Set.of(
            "definitions",
            "process",
            "documentation",
            "startEvent",
            "endEvent",
            "userTask",
            "sequenceFlow",
            "exclusiveGateway",
            "parallelGateway",
            "inclusiveGateway",
            "conditionExpression",
            "multiInstanceLoopCharacteristics",
            "loopCardinality",
            "completionCondition",
            "incoming",
            "outgoing",
            "laneSet",
            "lane",
            "flowNodeRef",
            "textAnnotation",
            "text",
            "association");

    /** Who does a task, when it is due, what it loops over: nothing that names a class, a bean or a script. */
    private static final Set<String> FLOWABLE_ATTRIBUTES = Set.of(
            "candidateGroups",
            "candidateUsers",
            "assignee",
            "owner",
            "dueDate",
            "priority",
            "category",
            "formKey",
            "skipExpression",
            "collection",
            "elementVariable",
            "elementIndexVariable");

    /** Elements that hold text only: Flowable reads everything below some of them, whatever its namespace. */
    private static final Set<String> TEXT_ONLY = Set.of(
            "documentation",
            "text",
            "conditionExpression",
            "loopCardinality",
            "completionCondition",
            "incoming",
            "outgoing",
            "flowNodeRef");

    /** Plain attributes that switch an expression to a script language. */
    private static final Set<String> LANGUAGE_ATTRIBUTES = Set.of("language", "scriptFormat");

    private TemplateDocument() {}

    static void check(byte[] xml) {
        Document document = parse(xml);
        // The draft is stored and deployed as UTF-8: a file in another encoding would be checked as one text and
        // kept as another.
        String encoding = document.getXmlEncoding() == null ? document.getInputEncoding() : document.getXmlEncoding();
        if (encoding != null && !encoding.equalsIgnoreCase("UTF-8")) {
            throw new DomainException("process.template.encoding", encoding);
        }
        check(document.getDocumentElement(), false);
    }

    /**
     * @param inDiagram whether the element lies in a {@code bpmndi:BPMNDiagram}: diagram elements are allowed there
     *     and only there, because Flowable matches elements by local name and would read a {@code bpmndi:collection}
     *     elsewhere as a collection handler
     */
    private static void check(Element element, boolean inDiagram) {
        // An element in no namespace (<definitions/>) has a null namespace, which the sets below cannot be asked about.
        String namespace = element.getNamespaceURI() == null ? "" : element.getNamespaceURI();
        String name = element.getLocalName();
        boolean diagramRoot = DIAGRAM.contains(namespace)
                && "BPMNDiagram".equals(name)
                && element.getParentNode() instanceof Element parent
                && BPMN.equals(parent.getNamespaceURI())
                && "definitions".equals(parent.getLocalName());
        boolean diagram = DIAGRAM.contains(namespace) && DIAGRAM_ELEMENTS.contains(name) && (inDiagram || diagramRoot);
        if (FLOWABLE.equals(namespace) && name.endsWith("Listener")) {
            throw new DomainException("process.template.listener", id(element));
        }
        if (!diagram && !(BPMN.equals(namespace) && ELEMENTS.contains(name))) {
            throw new DomainException("process.template.element", id(element), name);
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            checkAttribute(element, attribute);
            TemplateExpressions.check(attribute.getValue());
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    if (!diagram && TEXT_ONLY.contains(name)) {
                        throw new DomainException("process.template.element", id(element), child.getLocalName());
                    }
                    check((Element) child, diagram);
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text.append(child.getNodeValue());
                default -> {
                    // comments and processing instructions are not read by the engine
                }
            }
        }
        TemplateExpressions.check(text.toString());
    }

    private static void checkAttribute(Element element, Attr attribute) {
        String namespace = attribute.getNamespaceURI();
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        boolean allowed = namespace == null
                ? !LANGUAGE_ATTRIBUTES.contains(name)
                : XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)
                        || XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(namespace)
                        || FLOWABLE.equals(namespace) && FLOWABLE_ATTRIBUTES.contains(name);
        if (!allowed) {
            throw new DomainException("process.template.attribute", id(element), attribute.getName());
        }
    }

    /** The id of the element, or of the nearest enclosing one that has an id: the step a reader can find. */
    private static String id(Element element) {
        for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return element.getTagName();
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new DomainException("process.template.malformed", e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("Cannot read process templates", e);
        }
    }
}
